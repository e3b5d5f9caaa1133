package io.sharcs.runner.datasets.mnist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.api.DataWrites;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.DatasetProvider;
import io.sharcs.api.ModalityReaders;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.modality.image.ImageSample;
import io.sharcs.runner.datasets.TestReaders;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a whole MNIST data set as a run would, for docs/results/mnist.md (run it under {@code
 * /usr/bin/time -v} for the peak RSS): graphs through the graph plugin's reader, images as
 * in-memory grey images ({@link ImageSample#ofImage}), the form an inline raster takes once the
 * image plugin reads it. Until the graph reader takes {@code edge_attr}, a half's attributes are
 * kept beside its graph sample as float rows, as a reader would hold them.
 *
 * <p>{@code main mnist-superpixels|half-mnist ROOT DIGITS clean|reference CACHE_DIR [none]}: with
 * {@code none}, every sample is read as one shared placeholder, to time the data set's own work
 * (files, superpixels, graphs and trees) without the readers'.
 */
public final class MnistLoadMeasure {

  private MnistLoadMeasure() {}

  /** A graph sample and the edge attributes the current graph reader does not take. */
  record GraphWithAttributes(Object graph, float[][] edgeAttributes) {}

  public static void main(String[] args) {
    DatasetProvider provider = args[0].equals(HalfMnistProvider.ID)
        ? new HalfMnistProvider() : new MnistSuperpixelsProvider();
    MnistConfig config = new MnistConfig(args[1], null, null, Integer.parseInt(args[2]), 0.8,
        SuperpixelOptions.DEFAULTS, args[4]);
    ModalityReaders graphs = TestReaders.real();
    Object placeholder = new Object();
    ModalityReaders readers = args.length > 5 && args[5].equals("none")
        ? (modality, value, where) -> placeholder
        : (modality, value, where) -> modality.equals("graph")
            ? graph(graphs, value, where) : image(value, where);
    long start = System.nanoTime();
    MultimodalDataset data = provider.load(config, new DatasetContext(0, Path.of(""), "measure",
        readers, DataWrites.inside(Path.of(args[4]).toAbsolutePath()), System.out::println,
        args[3]));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "%s %s: %,d train + %,d test samples in %.1f s; heap in use"
        + " after GC %,d MB (max heap %,d MB)%n", data.name(), args[3], data.train().size(),
        data.test().size(), seconds, (rt.totalMemory() - rt.freeMemory()) >> 20,
        rt.maxMemory() >> 20);
  }

  private static Object graph(ModalityReaders real, JsonNode value, String where) {
    JsonNode attributes = value.get("edge_attr");
    if (attributes == null) {
      return real.read("graph", value, where);
    }
    float[][] rows = new float[attributes.size()][];
    for (int e = 0; e < rows.length; e++) {
      rows[e] = new float[] {attributes.get(e).get(0).floatValue(),
          attributes.get(e).get(1).floatValue()};
    }
    // The tree is the provider's throw-away copy: taking the key out costs nothing.
    ((ObjectNode) value).remove("edge_attr");
    return new GraphWithAttributes(real.read("graph", value, where), rows);
  }

  private static Object image(JsonNode value, String where) {
    MnistTestData.Image raster = MnistTestData.image(value);
    BufferedImage image =
        new BufferedImage(raster.width(), raster.height(), BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setDataElements(0, 0, raster.width(), raster.height(), raster.pixels());
    return ImageSample.ofImage(image, where);
  }
}
