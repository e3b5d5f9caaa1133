package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageEncoderWeightsTest {

  private static final int K = 4;
  private static final Shape INPUT = new Shape(3, 3, 12, 16);

  @TempDir Path dir;

  private static ImageEncoderConfig config(List<Integer> conv, Path weights) {
    return new ImageEncoderConfig(16, 12, 3, List.of(), List.of(), conv, 3, "max", true, 0,
        "max", List.of(6), 0, false, weights, false, null);
  }

  /** The concept encoder the image modality makes for {@code config}. */
  private static Block create(ImageEncoderConfig config) {
    return TestImages.fitted(config).conceptEncoder(EncoderContext.of(K));
  }

  private static float[] forward(Block block, NDManager manager, NDArray x) {
    return block.forward(new ParameterStore(manager, false), new NDList(x), false)
        .singletonOrThrow().toFloatArray();
  }

  /** Trains a few steps so that the batch-norm running statistics differ from their start. */
  private static void touch(Block block, NDManager manager, NDArray x) {
    for (int i = 0; i < 3; i++) {
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(block.forward(new ParameterStore(manager, false), new NDList(x), true)
            .singletonOrThrow().sum());
      }
    }
  }

  /**
   * The runner resolves a relative {@code weights} path against the experiment file's folder;
   * the plugin uses the path it is given, a relative one against the working directory.
   */
  @Test
  void savedWeightsLoadIntoAnEncoderConfiguredWithARelativePath() throws Exception {
    Path relative =
        Path.of("").toAbsolutePath().relativize(dir.resolve("pretrained/enc.weights"));
    assertThat(relative.isAbsolute()).isFalse();
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(1);
      NDArray x = ImageConceptEncoderTest.randomImages(manager, 3, 3, 12, 16, 9);
      Block trained = create(config(List.of(4, 8), null));
      trained.initialize(manager, DataType.FLOAT32, INPUT);
      touch(trained, manager, x);
      ImageEncoderWeights.save(trained, dir.resolve("pretrained/enc.weights"));

      Engine.getInstance().setRandomSeed(2);
      Block fresh = create(config(List.of(4, 8), null));
      fresh.initialize(manager, DataType.FLOAT32, INPUT);
      Engine.getInstance().setRandomSeed(2);
      Block loaded = create(config(List.of(4, 8), relative));
      loaded.initialize(manager, DataType.FLOAT32, INPUT);

      assertThat(forward(fresh, manager, x)).isNotEqualTo(forward(trained, manager, x));
      assertThat(forward(loaded, manager, x)).containsExactly(forward(trained, manager, x));
      for (int i = 0; i < trained.getParameters().size(); i++) {
        assertThat(loaded.getParameters().valueAt(i).getArray().toFloatArray())
            .containsExactly(trained.getParameters().valueAt(i).getArray().toFloatArray());
      }
      // The loaded parameters still train.
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(loaded.forward(new ParameterStore(manager, false), new NDList(x), true)
            .singletonOrThrow().sum());
      }
      for (var pair : loaded.getParameters()) {
        if (pair.getValue().requiresGradient()) {
          assertThat(pair.getValue().getArray().getGradient().abs().sum().getFloat())
              .as(pair.getKey()).isPositive();
        }
      }
    }
  }

  @Test
  void aFileOfAnotherArchitectureNamesTheParameterAndBothShapes() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block other = create(config(List.of(4, 16), null));
      other.initialize(manager, DataType.FLOAT32, INPUT);
      Path file = dir.resolve("other.weights");
      ImageEncoderWeights.save(other, file);

      Block block = create(config(List.of(4, 8), file));
      assertThatThrownBy(() -> block.initialize(manager, DataType.FLOAT32, INPUT))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("image encoder weights " + file.toAbsolutePath()
              + ": parameter '02conv_01Conv2d_weight' is float32 (16, 4, 3, 3) in the file,"
              + " expected float32 (8, 4, 3, 3) for the configured encoder (file written for:"
              + " channels 3, conv_channels [4, 16]");
    }
  }

  @Test
  void aFileWithFewerBlocksIsRejected() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block other = create(config(List.of(4), null));
      other.initialize(manager, DataType.FLOAT32, INPUT);
      ImageEncoderWeights.save(other, dir.resolve("one.weights"));

      Block block = create(config(List.of(4, 8), dir.resolve("one.weights")));
      assertThatThrownBy(() -> block.initialize(manager, DataType.FLOAT32, INPUT))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("one.weights: ")
          .hasMessageContaining("conv_channels [4]")
          .hasMessageContaining("configured: channels 3, conv_channels [4, 8]");
    }
  }

  @Test
  void missingOrForeignFilesFailClearly() throws Exception {
    Path missing = Path.of("nowhere.weights");
    assertThatThrownBy(() -> create(config(List.of(4), missing)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("image encoder weights " + missing.toAbsolutePath() + ": file not found,"
            + " expected a file written by ImageEncoderWeights.save (option weights:"
            + " 'nowhere.weights')");
    Path folder = dir.resolve("sub/..");
    assertThatThrownBy(() -> create(config(List.of(4), folder)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("image encoder weights " + dir.toAbsolutePath().normalize()
            + ": is a directory, expected a file written by ImageEncoderWeights.save"
            + " (option weights: '" + folder + "')");

    Files.writeString(dir.resolve("model.params"), "PK this is something else");
    Block block = create(config(List.of(4), dir.resolve("model.params")));
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> block.initialize(manager, DataType.FLOAT32, INPUT))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageEndingWith("model.params: not an image encoder weights file, expected one"
              + " written by ImageEncoderWeights.save");
    }
  }

  /**
   * The architecture a file names is its content: a forged one is shown as a short token; a
   * forged length inside the parameters is a one-line error, not an OutOfMemoryError.
   */
  @Test
  void aForgedFileIsNeitherEchoedNorAMemoryBomb() throws Exception {
    String secret = "s3cr3t-" + "x".repeat(300);
    Path saved = dir.resolve("other.weights");
    try (NDManager manager = NDManager.newBaseManager()) {
      Block other = create(config(List.of(4, 16), null));
      other.initialize(manager, DataType.FLOAT32, INPUT);
      ImageEncoderWeights.save(other, saved);
    }
    byte[] bytes = Files.readAllBytes(saved);
    java.io.DataInputStream in =
        new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
    in.readUTF();
    in.readInt();
    in.readUTF();
    byte[] parameters = in.readAllBytes();
    Path forged = dir.resolve("forged.weights");
    Path bomb = dir.resolve("bomb.weights");
    try (java.io.DataOutputStream out =
            new java.io.DataOutputStream(Files.newOutputStream(forged));
        java.io.DataOutputStream outBomb =
            new java.io.DataOutputStream(Files.newOutputStream(bomb))) {
      for (java.io.DataOutputStream o : List.of(out, outBomb)) {
        o.writeUTF(ImageEncoderWeights.MAGIC);
        o.writeInt(ImageEncoderWeights.FORMAT_VERSION);
        o.writeUTF(secret);
      }
      out.write(parameters);
      outBomb.writeUTF("more " + secret);
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = create(config(List.of(4, 8), forged));
      assertThatThrownBy(() -> block.initialize(manager, DataType.FLOAT32, INPUT))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("forged.weights: parameter '02conv_01Conv2d_weight' is float32")
          .hasMessageContaining("file written for: s3cr3t-xxx")
          .hasMessageContaining("... (307 characters)")
          .hasMessageNotContaining(secret.substring(0, 60))
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
      Block bombed = create(config(List.of(4, 8), bomb));
      assertThatThrownBy(() -> bombed.initialize(manager, DataType.FLOAT32, INPUT))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("bomb.weights: holds the weights of another encoder")
          .hasMessageNotContaining(secret.substring(0, 60))
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
    }
  }

  @Test
  void savingNeedsAnInitialisedImageEncoder() {
    assertThatThrownBy(() -> ImageEncoderWeights.save(
            create(config(List.of(4), null)), dir.resolve("x")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ImageEncoderWeights.save(
            ai.djl.nn.core.Linear.builder().setUnits(2).build(), dir.resolve("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected an image concept encoder");
  }
}
