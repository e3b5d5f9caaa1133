package io.sharcs.runner.datasets.clevr;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws single-object scenes and their questions. Each scene gets one true and one false question,
 * in random order, with CLEVR's synonyms chosen at random. The false question is any other
 * attribute combination ({@link ClevrNegatives#UNIFORM}, as in real CLEVR) or, in the harder
 * {@link ClevrNegatives#NEAR} variant, differs from the object in 1 (half of them), 2 (a quarter),
 * 3 or 4 attributes.
 */
public final class ClevrSceneSampler {

  // Probabilities of a false question differing in 1, 2, 3 or 4 attributes (cumulative).
  private static final double[] DIFFERENCES = {0.5, 0.75, 0.9, 1.0};

  private ClevrSceneSampler() {}

  /** A scene and the questions asked about it. */
  public record Draw(ClevrScene scene, List<Question> questions) {
    public Draw {
      questions = List.copyOf(questions);
    }
  }

  /**
   * One generated question.
   *
   * @param text the question, e.g. {@code "big shiny red ball"}
   * @param attributes its folded attributes
   * @param answer 1 if it describes the scene's object, else 0
   */
  public record Question(String text, ClevrAttributes attributes, int answer) {}

  /** Draws a scene and {@code questions} (1 or 2) questions about it from {@code random}. */
  public static Draw draw(SplittableRandom random, int questions, ClevrNegatives negatives) {
    if (questions < 1 || questions > 2) {
      throw new IllegalArgumentException("questions " + questions + ", expected 1 or 2");
    }
    ClevrAttributes object = new ClevrAttributes(
        pick(random, ClevrVocabulary.SIZES),
        pick(random, ClevrVocabulary.COLORS),
        pick(random, ClevrVocabulary.MATERIALS),
        pick(random, ClevrVocabulary.SHAPES));
    // Spelled out rather than nextDouble(a, b), whose algorithm has changed between JDKs.
    double x = ClevrScene.EXTENT * (2 * random.nextDouble() - 1);
    double y = ClevrScene.EXTENT * (2 * random.nextDouble() - 1);
    double rotation = 360 * random.nextDouble();
    ClevrScene scene = new ClevrScene(object, x, y, rotation);
    boolean trueFirst = random.nextBoolean();
    List<Question> asked = new ArrayList<>(2);
    for (int q = 0; q < questions; q++) {
      boolean truth = (q == 0) == trueFirst;
      ClevrAttributes about =
          truth
              ? object
              : negatives == ClevrNegatives.UNIFORM
                  ? otherDescription(random, object)
                  : falseDescription(random, object);
      asked.add(new Question(phrase(random, about), about, truth ? 1 : 0));
    }
    return new Draw(scene, asked);
  }

  /** Any attribute combination other than {@code object}'s, uniformly (rejection sampling). */
  static ClevrAttributes otherDescription(SplittableRandom random, ClevrAttributes object) {
    while (true) {
      ClevrAttributes a = new ClevrAttributes(
          pick(random, ClevrVocabulary.SIZES),
          pick(random, ClevrVocabulary.COLORS),
          pick(random, ClevrVocabulary.MATERIALS),
          pick(random, ClevrVocabulary.SHAPES));
      if (!a.equals(object)) {
        return a;
      }
    }
  }

  /** Changes 1 to 4 attributes of {@code object}, each to another value ({@code near}). */
  static ClevrAttributes falseDescription(SplittableRandom random, ClevrAttributes object) {
    double u = random.nextDouble();
    int changes = 1;
    while (u >= DIFFERENCES[changes - 1]) {
      changes++;
    }
    // Which attributes change: a random subset of size `changes` (partial Fisher-Yates).
    int[] order = {0, 1, 2, 3};
    for (int i = 0; i < changes; i++) {
      int j = i + random.nextInt(order.length - i);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    String[] values = {object.size(), object.color(), object.material(), object.shape()};
    List<List<String>> domains = List.of(
        ClevrVocabulary.SIZES, ClevrVocabulary.COLORS, ClevrVocabulary.MATERIALS,
        ClevrVocabulary.SHAPES);
    for (int i = 0; i < changes; i++) {
      int a = order[i];
      List<String> others = new ArrayList<>(domains.get(a));
      others.remove(values[a]);
      values[a] = pick(random, others);
    }
    return new ClevrAttributes(values[0], values[1], values[2], values[3]);
  }

  /** The attributes in words, each a random synonym. */
  static String phrase(SplittableRandom random, ClevrAttributes a) {
    return pick(random, ClevrVocabulary.synonyms(a.size())) + " "
        + pick(random, ClevrVocabulary.synonyms(a.color())) + " "
        + pick(random, ClevrVocabulary.synonyms(a.material())) + " "
        + pick(random, ClevrVocabulary.synonyms(a.shape()));
  }

  private static String pick(SplittableRandom random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
