package io.sharcs.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConceptCompletenessTest {

  private static final int WIDTH = 6;

  /** Label = concept 2 xor concept 5, on soft activations that binarise to the pattern. */
  private static int xorLabel(float[] row) {
    return (row[2] > 0.5f) ^ (row[5] > 0.5f) ? 1 : 0;
  }

  /** A soft activation on the given side of 0.5, so binarisation is what the tree sees. */
  private static float soft(boolean on, SplittableRandom rng) {
    return on ? 0.51f + 0.49f * (float) rng.nextDouble() : 0.5f * (float) rng.nextDouble();
  }

  /**
   * Every one of the 2^WIDTH patterns {@code copies} times, so no test pattern is unseen, plus
   * {@code extra} random rows. The extra rows matter: on exactly balanced XOR data no single split
   * lowers the gini impurity, and Tribuo (unlike sklearn) never takes a zero-gain split.
   */
  private static float[][] allPatterns(int copies, int extra, SplittableRandom rng) {
    int full = (1 << WIDTH) * copies;
    float[][] rows = new float[full + extra][WIDTH];
    for (int i = 0; i < rows.length; i++) {
      int bits = i < full ? i % (1 << WIDTH) : rng.nextInt(1 << WIDTH);
      for (int j = 0; j < WIDTH; j++) {
        rows[i][j] = soft(((bits >> j) & 1) == 1, rng);
      }
    }
    return rows;
  }

  private static float[][] randomRows(int n, int width, SplittableRandom rng) {
    float[][] rows = new float[n][width];
    for (float[] row : rows) {
      for (int j = 0; j < width; j++) {
        row[j] = (float) rng.nextDouble();
      }
    }
    return rows;
  }

  private static int[] xorLabels(float[][] rows) {
    int[] labels = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      labels[i] = xorLabel(rows[i]);
    }
    return labels;
  }

  @Test
  void separableConceptsAreComplete() {
    SplittableRandom rng = new SplittableRandom(7);
    float[][] train = allPatterns(2, 100, rng);
    float[][] test = randomRows(200, WIDTH, rng);

    ConceptCompleteness.Result result =
        ConceptCompleteness.measure(
            train, xorLabels(train), test, xorLabels(test), ConceptCompleteness.Options.unlimited(1));

    assertThat(result.accuracy()).isEqualTo(1.0);
    assertThat(result.trainRows()).isEqualTo(228);
    assertThat(result.testRows()).isEqualTo(200);
    // XOR of two concepts needs two levels of splits at least.
    assertThat(result.depth()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void randomLabelsScoreNearChance() {
    SplittableRandom rng = new SplittableRandom(11);
    float[][] train = randomRows(300, 10, rng);
    float[][] test = randomRows(300, 10, rng);
    int[] trainLabels = rng.ints(300, 0, 2).toArray();
    int[] testLabels = rng.ints(300, 0, 2).toArray();

    ConceptCompleteness.Result result =
        ConceptCompleteness.measure(
            train, trainLabels, test, testLabels, ConceptCompleteness.Options.unlimited(3));

    assertThat(result.accuracy()).isBetween(0.3, 0.7);
  }

  @Test
  void depthLimitOneCannotExpressXor() {
    SplittableRandom rng = new SplittableRandom(5);
    float[][] train = allPatterns(2, 100, rng);
    float[][] test = randomRows(200, WIDTH, rng);

    ConceptCompleteness.Result limited =
        ConceptCompleteness.measure(
            train, xorLabels(train), test, xorLabels(test), new ConceptCompleteness.Options(1, 1));

    assertThat(limited.accuracy()).isLessThan(0.8);
    assertThat(limited.depth()).isEqualTo(1);

    // Depth counts splits as sklearn's max_depth does: two levels are enough for XOR.
    ConceptCompleteness.Result two =
        ConceptCompleteness.measure(
            train, xorLabels(train), test, xorLabels(test), new ConceptCompleteness.Options(2, 1));
    assertThat(two.accuracy()).isEqualTo(1.0);
    assertThat(two.depth()).isEqualTo(2);
  }

  @Test
  void sameSeedGivesSameResult() {
    SplittableRandom rng = new SplittableRandom(13);
    float[][] train = randomRows(200, 8, rng);
    float[][] test = randomRows(100, 8, rng);
    int[] trainLabels = rng.ints(200, 0, 3).toArray();
    int[] testLabels = rng.ints(100, 0, 3).toArray();
    ConceptCompleteness.Options options = new ConceptCompleteness.Options(0, 42);

    ConceptCompleteness.Result first =
        ConceptCompleteness.measure(train, trainLabels, test, testLabels, options);
    ConceptCompleteness.Result second =
        ConceptCompleteness.measure(train, trainLabels, test, testLabels, options);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void allOffRowsArePredicted() {
    // A row with every concept off is a valid pattern, not an empty example.
    float[][] train = {{0f, 0f}, {0.9f, 0f}, {0f, 0.1f}, {0.8f, 0.2f}};
    int[] trainLabels = {0, 1, 0, 1};
    ConceptCompleteness.Result result =
        ConceptCompleteness.measure(
            train,
            trainLabels,
            new float[][] {{0f, 0f}, {1f, 0f}},
            new int[] {0, 1},
            ConceptCompleteness.Options.unlimited(0));
    assertThat(result.accuracy()).isEqualTo(1.0);
    assertThat(result.depth()).isEqualTo(1);
  }

  @Test
  void rejectsBadShapes() {
    float[][] two = {{0f, 1f}, {1f, 0f}};
    int[] labels = {0, 1};
    ConceptCompleteness.Options options = ConceptCompleteness.Options.unlimited(0);

    assertThatThrownBy(
            () ->
                ConceptCompleteness.measure(
                    two, labels, new float[][] {{0f, 1f, 0f}}, new int[] {0}, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("testConcepts has 3 columns but trainConcepts has 2");
    assertThatThrownBy(() -> ConceptCompleteness.measure(two, new int[] {0}, two, labels, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trainLabels");
    assertThatThrownBy(() -> ConceptCompleteness.measure(two, labels, two, new int[3], options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("testLabels");
    assertThatThrownBy(
            () -> ConceptCompleteness.measure(new float[0][], new int[0], two, labels, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trainConcepts has no rows");
    assertThatThrownBy(
            () ->
                ConceptCompleteness.measure(
                    two, labels, new float[][] {{0f, 1f}, {1f}}, labels, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("testConcepts is ragged");
    assertThatThrownBy(() -> new ConceptCompleteness.Options(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDepth");
  }
}
