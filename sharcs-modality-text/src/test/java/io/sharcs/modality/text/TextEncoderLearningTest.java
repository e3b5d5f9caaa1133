package io.sharcs.modality.text;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.nn.Tensors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Both encoders, trained by plain gradient descent as two-way classifiers on a training split and
 * scored on a held-out split: the whole path (vocabulary, batches, encoder, gradients) works
 * together, and only the sequence encoder sees word order.
 */
class TextEncoderLearningTest {

  private static final List<String> FILLERS =
      List.of("blue", "green", "ball", "small", "large", "metal", "rubber");

  private static final TextEncoderConfig SEQUENCE =
      new TextEncoderConfig("sequence", List.of(), 8, "gru", 16, 1, "none", 2, 1, 0);
  private static final TextEncoderConfig BAG_OF_WORDS =
      new TextEncoderConfig("bag-of-words", List.of(16), 8, "gru", 16, 1, "none", 2, 1, 0);

  /** Texts holding "red" and "cube" once each, in random order, among 0..3 filler words. */
  private static List<String> orderTexts(SplittableRandom random, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> words = new ArrayList<>(List.of("red", "cube"));
      int fillers = random.nextInt(4);
      for (int f = 0; f < fillers; f++) {
        words.add(FILLERS.get(random.nextInt(FILLERS.size())));
      }
      Collections.shuffle(words, new java.util.Random(random.nextLong()));
      out.add(String.join(" ", words));
    }
    return out;
  }

  /** Texts of 1..4 filler words, half of them with one filler replaced by "red". */
  private static List<String> presenceTexts(SplittableRandom random, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> words = new ArrayList<>();
      int length = 1 + random.nextInt(4);
      for (int w = 0; w < length; w++) {
        words.add(FILLERS.get(random.nextInt(FILLERS.size())));
      }
      if (random.nextBoolean()) {
        words.set(random.nextInt(length), "red");
      }
      out.add(String.join(" ", words));
    }
    return out;
  }

  private static boolean redBeforeCube(String text) {
    return text.indexOf("red") < text.indexOf("cube");
  }

  /** Trains on 256 texts and returns the accuracy on 256 held-out texts. */
  private static double heldOutAccuracy(
      TextEncoderConfig config, List<String> texts, Predicate<String> rule) {
    List<TextSample> train = texts.subList(0, 256).stream().map(TextSample::new).toList();
    List<TextSample> test = texts.subList(256, 512).stream().map(TextSample::new).toList();
    TextPreprocessor p = TextPreprocessor.fit(train, config);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(1);
      Block block = TextPlugin.encoder(config, p, EncoderContext.of(2));
      NDList batch = p.batch(train, manager);
      block.initialize(manager, DataType.FLOAT32, batch.getShapes());
      NDArray target = Tensors.create(manager, labels(train, rule), new Shape(train.size()));
      Loss loss = Loss.softmaxCrossEntropyLoss();
      NDArray rate = Tensors.scalar(manager, 0.5f);
      for (int step = 0; step < 150; step++) {
        try (NDManager sub = manager.newSubManager();
            GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray logits = block.forward(new ParameterStore(sub, false), batch, true)
              .singletonOrThrow();
          gc.backward(loss.evaluate(new NDList(target), new NDList(logits)));
        }
        for (var pair : block.getParameters()) {
          NDArray w = pair.getValue().getArray();
          w.subi(w.getGradient().mul(rate));
        }
      }
      float[] logits = block.forward(
              new ParameterStore(manager, false), p.batch(test, manager), false)
          .singletonOrThrow().toFloatArray();
      float[] expected = labels(test, rule);
      int correct = 0;
      for (int i = 0; i < test.size(); i++) {
        int predicted = logits[2 * i + 1] > logits[2 * i] ? 1 : 0;
        correct += predicted == expected[i] ? 1 : 0;
      }
      return (double) correct / test.size();
    }
  }

  private static float[] labels(List<TextSample> texts, Predicate<String> rule) {
    float[] y = new float[texts.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = rule.test(texts.get(i).text()) ? 1 : 0;
    }
    return y;
  }

  @Test
  void onlyTheSequenceEncoderLearnsWordOrder() {
    List<String> texts = orderTexts(new SplittableRandom(3), 512);
    assertThat(heldOutAccuracy(SEQUENCE, texts, TextEncoderLearningTest::redBeforeCube))
        .isGreaterThan(0.95);
    // Every text has the same counts of "red" and "cube": a bag of words is at chance.
    assertThat(heldOutAccuracy(BAG_OF_WORDS, texts, TextEncoderLearningTest::redBeforeCube))
        .isLessThan(0.65);
  }

  @Test
  void theBagOfWordsEncoderLearnsWordPresence() {
    List<String> texts = presenceTexts(new SplittableRandom(5), 512);
    assertThat(heldOutAccuracy(BAG_OF_WORDS, texts, t -> t.contains("red")))
        .isGreaterThan(0.95);
  }
}
