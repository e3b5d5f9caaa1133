package io.sharcs.runner.datasets.mnist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.ModalityReaders;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** IDX files written for tests, the shared MNIST folders, and readers that decode the trees. */
final class MnistTestData {

  private MnistTestData() {}

  /** {@code ../shared/data/<name>} of the repository, or a skipped test when it is absent. */
  static Path shared(String name, String requiredFile) {
    Path repository = Path.of("").toAbsolutePath();
    while (repository != null && !Files.exists(repository.resolve("mvnw"))) {
      repository = repository.getParent();
    }
    assumeTrue(repository != null, "no repository root (a folder with mvnw) above the cwd");
    Path folder = repository.resolveSibling("shared").resolve("data").resolve(name);
    assumeTrue(Files.isRegularFile(folder.resolve(requiredFile)), folder + " is absent");
    return folder;
  }

  /** An IDX image file of {@code count} images of {@code side x side}. */
  static byte[] images(int count, int side, byte[] pixels) {
    return idx(IdxFile.IMAGES_MAGIC, new int[] {count, side, side}, pixels);
  }

  /** An IDX label file. */
  static byte[] labels(byte[] labels) {
    return idx(IdxFile.LABELS_MAGIC, new int[] {labels.length}, labels);
  }

  static byte[] idx(int magic, int[] dims, byte[] body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(magic);
      for (int d : dims) {
        out.writeInt(d);
      }
      out.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Path write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code count} 28x28 synthetic digits: a bright bar whose place and slant depend on the
   * index, on a black background, with a soft edge.
   */
  static byte[] syntheticPixels(int count) {
    int side = IdxFile.SIDE;
    byte[] pixels = new byte[count * side * side];
    for (int i = 0; i < count; i++) {
      double slant = (i % 7 - 3) * 0.25;
      int column = 8 + i % 11;
      for (int y = 4; y < 24; y++) {
        double centre = column + slant * (y - 14);
        for (int x = 0; x < side; x++) {
          double d = Math.abs(x - centre);
          int v = d < 1.5 ? 255 : d < 2.5 ? 128 : 0;
          pixels[i * side * side + y * side + x] = (byte) v;
        }
      }
    }
    return pixels;
  }

  /** A graph as read back from its tree. */
  record Graph(float[] x, int[][] edges, float[][] pos, float[][] edgeAttr) {}

  /** An inline raster as read back from its tree. */
  record Image(int width, int height, byte[] pixels) {}

  /** Readers that decode the trees into {@link Graph} and {@link Image}, one object per call. */
  static ModalityReaders decoding() {
    return (modality, value, where) -> switch (modality) {
      case "graph" -> graph(value);
      case "image" -> image(value);
      default -> throw new AssertionError("unexpected modality " + modality + " at " + where);
    };
  }

  static Graph graph(JsonNode node) {
    JsonNode x = node.get("x");
    float[] features = new float[x.size()];
    for (int i = 0; i < x.size(); i++) {
      features[i] = x.get(i).get(0).floatValue();
    }
    JsonNode e = node.get("edges");
    int[][] edges = new int[e.size()][];
    for (int i = 0; i < e.size(); i++) {
      edges[i] = new int[] {e.get(i).get(0).intValue(), e.get(i).get(1).intValue()};
    }
    return new Graph(features, edges, pairs(node.get("pos")), pairs(node.get("edge_attr")));
  }

  private static float[][] pairs(JsonNode rows) {
    if (rows == null) {
      return null;
    }
    float[][] out = new float[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      out[i] = new float[] {rows.get(i).get(0).floatValue(), rows.get(i).get(1).floatValue()};
    }
    return out;
  }

  static Image image(JsonNode node) {
    try {
      if (node.get("channels").intValue() != 1) {
        throw new AssertionError("expected one channel: " + node);
      }
      return new Image(node.get("width").intValue(), node.get("height").intValue(),
          node.get("pixels").binaryValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
