package io.sharcs.modality.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextEncoderTest {

  private static final int K = 5;
  private final TextPlugin plugin = new TextPlugin();

  private static final List<TextSample> TRAIN = TextPreprocessorTest.texts(
      "large red metal sphere", "small blue rubber cube", "big red cube", "tiny green ball",
      "large cyan shiny cylinder");

  private static TextEncoderConfig sequence(String cell, int layers, String activation) {
    return new TextEncoderConfig("sequence", List.of(48), 6, cell, 7, layers, activation, 2, 1, 0);
  }

  private static TextEncoderConfig bagOfWords(List<Integer> hidden, String activation) {
    return new TextEncoderConfig("bag-of-words", hidden, 32, "gru", 48, 1, activation, 2, 1, 0);
  }

  /** Fits the preprocessing, builds and initialises the encoder on the given batch. */
  private Block build(TextEncoderConfig config, TextPreprocessor p, NDManager manager, NDList batch) {
    Engine.getInstance().setRandomSeed(7);
    Block block = TextPlugin.encoder(config, p, EncoderContext.of(K));
    block.initialize(manager, DataType.FLOAT32, batch.getShapes());
    return block;
  }

  private static NDArray forward(Block block, NDManager manager, NDList batch, boolean training) {
    return block.forward(new ParameterStore(manager, false), batch, training).singletonOrThrow();
  }

  @Test
  void bagOfWordsEncoderIsTheReferenceMlp() {
    TextPreprocessor p = TextPreprocessor.fit(TRAIN, TextEncoderConfig.DEFAULTS);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = p.batch(TRAIN, manager);
      Block block = build(TextEncoderConfig.DEFAULTS, p, manager, batch);
      NDArray out = forward(block, manager, batch, false);
      assertThat(out.getShape()).isEqualTo(new Shape(5, K));
      assertThat(block.getOutputShapes(batch.getShapes())).containsExactly(new Shape(5, K));
      // Linear(V, 48), Linear(48, k): weights (out, in) as in PyTorch, PyTorch's init bounds.
      List<Shape> shapes = new ArrayList<>();
      for (var pair : block.getParameters()) {
        NDArray a = pair.getValue().getArray();
        shapes.add(a.getShape());
        long fanIn = pair.getKey().contains("01") ? 15 : 48;
        assertThat(a.abs().max().getFloat()).isLessThanOrEqualTo((float) (1 / Math.sqrt(fanIn)));
      }
      assertThat(p.vocabulary().size()).isEqualTo(15);
      assertThat(shapes).containsExactly(
          new Shape(48, 15), new Shape(48), new Shape(K, 48), new Shape(K));
    }
  }

  @Test
  void outputActivationIsALeakyReluOrNothing() {
    TextPreprocessor p = TextPreprocessor.fit(TRAIN, TextEncoderConfig.DEFAULTS);
    for (TextEncoderConfig leaky : List.of(
        bagOfWords(List.of(8), "leaky-relu"), sequence("gru", 1, "leaky-relu"))) {
      TextEncoderConfig none = leaky.sequence()
          ? sequence("gru", 1, "none") : bagOfWords(List.of(8), "none");
      TextPreprocessor pp = leaky.sequence() ? TextPreprocessor.fit(TRAIN, leaky) : p;
      try (NDManager manager = NDManager.newBaseManager()) {
        NDList batch = pp.batch(TRAIN, manager);
        float[] raw = forward(build(none, pp, manager, batch), manager, batch, false).toFloatArray();
        float[] act = forward(build(leaky, pp, manager, batch), manager, batch, false).toFloatArray();
        boolean negative = false;
        for (int i = 0; i < raw.length; i++) {
          negative |= raw[i] < 0;
          assertThat(act[i]).isCloseTo(raw[i] < 0 ? 0.01f * raw[i] : raw[i], within(1e-6f));
        }
        assertThat(negative).as("some pre-activation is negative").isTrue();
      }
    }
  }

  @Test
  void sequenceEncodersMapABatchToBatchByK() {
    for (TextEncoderConfig config : List.of(
        sequence("gru", 1, "none"), sequence("lstm", 1, "none"), sequence("gru", 2, "leaky-relu"),
        sequence("lstm", 3, "none"))) {
      TextPreprocessor p = TextPreprocessor.fit(TRAIN, config);
      try (NDManager manager = NDManager.newBaseManager()) {
        NDList batch = p.batch(TRAIN, manager);
        Block block = build(config, p, manager, batch);
        assertThat(forward(block, manager, batch, true).getShape())
            .as("%s x %d", config.cell(), config.layers())
            .isEqualTo(new Shape(5, K));
        NDList other = p.batch(TextPreprocessorTest.texts("red", "a", "big red red cube thing x"),
            manager);
        assertThat(forward(block, manager, other, false).getShape()).isEqualTo(new Shape(3, K));
        // embedding + (i2h, h2h) x (weight, bias) per layer + output weight and bias
        assertThat(block.getParameters().size()).isEqualTo(1 + 4 * config.layers() + 2);
        assertThat(block.getParameters().get(0).getValue().getArray().getShape())
            .isEqualTo(new Shape(15 + 2, 6));
      }
    }
  }

  @Test
  void gradientsReachEveryParameterOfBothEncoders() {
    for (TextEncoderConfig config : List.of(
        bagOfWords(List.of(48), "leaky-relu"), bagOfWords(List.of(6, 4), "none"),
        sequence("gru", 2, "leaky-relu"), sequence("lstm", 2, "none"))) {
      TextPreprocessor p = TextPreprocessor.fit(TRAIN, config);
      try (NDManager manager = NDManager.newBaseManager()) {
        NDList batch = p.batch(TRAIN, manager);
        Block block = build(config, p, manager, batch);
        NDArray weights = manager.randomNormal(new Shape(5, K));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          gc.backward(forward(block, manager, batch, true).mul(weights).sum());
        }
        for (var pair : block.getParameters()) {
          float[] grad = pair.getValue().getArray().getGradient().toFloatArray();
          double norm = 0;
          for (float g : grad) {
            assertThat(Float.isFinite(g)).isTrue();
            norm += g * g;
          }
          assertThat(norm).as("%s: gradient of %s", config.representation() + "/" + config.cell(),
              pair.getKey()).isGreaterThan(0);
        }
      }
    }
  }

  @Test
  void paddingDoesNotChangeASequenceEncoding() {
    for (TextEncoderConfig config : List.of(sequence("gru", 2, "none"), sequence("lstm", 1, "none"))) {
      TextPreprocessor p = TextPreprocessor.fit(TRAIN, config);
      List<TextSample> probe = TextPreprocessorTest.texts("red cube", "small tiny ball");
      try (NDManager manager = NDManager.newBaseManager()) {
        NDList alone = p.batch(probe, manager);
        Block block = build(config, p, manager, alone);
        float[] expected = forward(block, manager, alone, false).toFloatArray();
        // The same texts (3 tokens at most) behind, between and before longer ones: padded to 4, 6
        // and 9 tokens.
        for (List<TextSample> batch : List.of(
            TextPreprocessorTest.texts("red cube", "small tiny ball", "big blue metal sphere x y"),
            TextPreprocessorTest.texts("large red metal sphere big cube", "red cube",
                "small tiny ball"),
            TextPreprocessorTest.texts("red cube", "a b c d e f g h", "small tiny ball",
                "big big big big big big big big big"))) {
          float[] all = forward(block, manager, p.batch(batch, manager), false).toFloatArray();
          int first = batch.indexOf(probe.get(0));
          int second = batch.indexOf(probe.get(1));
          float[] got = new float[2 * K];
          System.arraycopy(all, first * K, got, 0, K);
          System.arraycopy(all, second * K, got, K, K);
          for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).as("%s entry %d", batch, i).isCloseTo(expected[i], within(1e-5f));
          }
        }
      }
    }
  }

  @Test
  void theSequenceEncoderReadsWordOrder() {
    TextEncoderConfig config = sequence("gru", 1, "none");
    TextPreprocessor p = TextPreprocessor.fit(TRAIN, config);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = p.batch(TextPreprocessorTest.texts("red cube", "cube red"), manager);
      float[] out = forward(build(config, p, manager, batch), manager, batch, false).toFloatArray();
      assertThat(Arrays.copyOfRange(out, 0, K)).isNotEqualTo(Arrays.copyOfRange(out, K, 2 * K));
    }
  }

  @Test
  void theSameSeedGivesTheSameEncoder() {
    TextEncoderConfig config = sequence("lstm", 2, "leaky-relu");
    TextPreprocessor p = TextPreprocessor.fit(TRAIN, config);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = p.batch(TRAIN, manager);
      float[] a = forward(build(config, p, manager, batch), manager, batch, false).toFloatArray();
      float[] b = forward(build(config, p, manager, batch), manager, batch, false).toFloatArray();
      assertThat(b).containsExactly(a);
    }
  }

  @Test
  void savedSequenceParametersLoadIntoAFreshEncoder() throws Exception {
    TextEncoderConfig config = sequence("gru", 2, "leaky-relu");
    TextPreprocessor p = TextPreprocessor.fit(TRAIN, config);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList batch = p.batch(TRAIN, manager);
      Block trained = build(config, p, manager, batch);
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      trained.saveParameters(new java.io.DataOutputStream(bytes));
      Engine.getInstance().setRandomSeed(99);
      Block loaded = TextPlugin.encoder(config, p, EncoderContext.of(K));
      loaded.loadParameters(manager,
          new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
      assertThat(forward(loaded, manager, batch, false).toFloatArray())
          .containsExactly(forward(trained, manager, batch, false).toFloatArray());
    }
  }
}
