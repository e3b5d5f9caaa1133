package io.sharcs.runner.datasets.mnist;

import static io.sharcs.runner.datasets.mnist.MnistTestData.gzip;
import static io.sharcs.runner.datasets.mnist.MnistTestData.images;
import static io.sharcs.runner.datasets.mnist.MnistTestData.labels;
import static io.sharcs.runner.datasets.mnist.MnistTestData.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.Fixtures;
import io.sharcs.runner.Fixtures.CliResult;
import io.sharcs.runner.config.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad MNIST files and options through {@code sharcs run}: one line naming the file (or the
 * option) and what was expected, exit code 2, nothing trained and nothing cached.
 */
class MnistBadInputTest {

  private static final String EXPERIMENT = """
      name: mnist-bad
      seed: 0
      mode: sharcs
      dataset:
        type: %s
        root: data
        digits: 3
      modalities:
        - {name: graph, plugin: graph}
        - {name: image, plugin: image}
      training: {epochs: 1, batch_size: 2}
      """;

  @TempDir Path work;
  private Path data;
  private final byte[] pixels = MnistTestData.syntheticPixels(3);

  @BeforeEach
  void experiment() {
    data = work.resolve("data");
    Fixtures.write(work, "exp.yaml", EXPERIMENT.formatted("mnist-superpixels"));
    Fixtures.write(work, "half.yaml", EXPERIMENT.formatted("half-mnist"));
  }

  @Test
  void aMissingRootFolder() {
    assertOneLine(run("exp.yaml"), "sharcs: " + data + ": no such folder, expected the folder of"
        + " the MNIST IDX files (dataset.root)");
  }

  @Test
  void aLabelFileWhereTheImagesShouldBe() {
    Path images = write(data.resolve("train-images-idx3-ubyte.gz"),
        gzip(labels(new byte[] {1, 2, 3})));
    assertOneLine(run("exp.yaml"), "sharcs: " + images + ": magic number 2049 (a label file?),"
        + " expected 2051: IDX images (unsigned bytes, 3 dimensions)");
  }

  @Test
  void aCutImageFile() {
    byte[] zipped = gzip(images(3, 28, pixels));
    Path images = write(data.resolve("images-idx3-ubyte.gz"),
        Arrays.copyOf(zipped, zipped.length / 2));
    write(data.resolve("labels-idx1-ubyte.gz"), gzip(labels(new byte[] {1, 2, 3})));
    assertOneLine(run("half.yaml"),
        "sharcs: " + images + ": the gzip data is cut short (in the data), expected the whole file");
  }

  @Test
  void aMissingLabelFile() {
    write(data.resolve("images-idx3-ubyte.gz"), gzip(images(3, 28, pixels)));
    assertOneLine(run("exp.yaml"), "sharcs: " + data.resolve("labels-idx1-ubyte.gz")
        + ": no such file, expected an MNIST IDX file (gzip-compressed or plain)");
  }

  @Test
  void moreDigitsThanTheFilesHold() {
    Path images = write(data.resolve("images-idx3-ubyte.gz"), gzip(images(3, 28, pixels)));
    write(data.resolve("labels-idx1-ubyte.gz"), gzip(labels(new byte[] {1, 2, 3})));
    assertOneLine(run("exp.yaml", "--set", "dataset.digits=60000"), "sharcs: " + images
        + ": holds 3 digits, expected at least 60,000 (the digits option)");
    assertThat(data.toFile().list()).as("nothing cached").hasSize(2);
  }

  @Test
  void optionsOutOfTheirDomain() {
    assertOneLine(run("exp.yaml", "--set", "dataset.digits=1"), "sharcs: exp.yaml:"
        + " dataset.digits: got 1, expected an integer >= 2 (one training and one test sample at"
        + " least)");
    assertOneLine(run("exp.yaml", "--set", "dataset.superpixels.segments=1000"), "sharcs:"
        + " exp.yaml: dataset.superpixels.segments: got 1000, expected an integer in [2, 784] (at"
        + " most one per pixel)");
    assertOneLine(run("half.yaml", "--set", "dataset.superpixels.compactnes=1"), "sharcs:"
        + " half.yaml: dataset.superpixels.compactnes: unknown key, expected one of compactness,"
        + " edges, iterations, neighbours, segments");
    assertOneLine(run("exp.yaml", "--set", "dataset.superpixels.neighbours=0"), "sharcs:"
        + " exp.yaml: dataset.superpixels.neighbours: got 0, expected an integer in [1, 32]");
    assertOneLine(run("half.yaml", "--set", "dataset.superpixels.edges=delaunay"), "sharcs:"
        + " half.yaml: dataset.superpixels.edges: got 'delaunay', expected adjacency or knn");
    assertOneLine(run("exp.yaml", "--set", "dataset.images=t10k-images-idx3-ubyte.gz"),
        "sharcs: exp.yaml: dataset.labels: missing, expected both images and labels or neither"
            + " (then the files are found in root by their usual names)");
  }

  @Test
  void generateRefusesACacheOutsideItsOutputFolder() {
    write(data.resolve("images-idx3-ubyte.gz"), gzip(images(3, 28, pixels)));
    write(data.resolve("labels-idx1-ubyte.gz"), gzip(labels(new byte[] {1, 2, 3})));
    Path elsewhere = work.resolve("elsewhere");
    CliResult r = Fixtures.cli(Fixtures.workingIn(work), "generate", "half-mnist", "--out",
        work.resolve("out").toString(), "--root", data.toString(), "--digits", "3", "--cache",
        elsewhere.toString());
    assertThat(r.errLines()).containsExactly("sharcs: --cache: resolves to " + elsewhere
        + ", outside " + work.resolve("out") + ", expected a folder inside it to generate data"
        + " into");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(Files.exists(elsewhere)).isFalse();
  }

  private CliResult run(String file, String... sets) {
    String[] args = new String[2 + sets.length];
    args[0] = "run";
    args[1] = file;
    System.arraycopy(sets, 0, args, 2, sets.length);
    return Fixtures.cli(Fixtures.workingIn(work), args);
  }

  private void assertOneLine(CliResult r, String line) {
    assertThat(r.errLines()).containsExactly(line);
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(Files.exists(work.resolve("runs"))).as("no run folder").isFalse();
  }
}
