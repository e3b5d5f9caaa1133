package io.sharcs.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConceptTreeTest {

  private static final List<String> NAMES =
      List.of("graph.shared.0", "graph.shared.1", "table.shared.0");
  private static final List<String> CLASSES = List.of("no", "yes");
  private static final float ON = 0.9f;
  private static final float OFF = 0.1f;

  /** label = c0 AND NOT c2. */
  private static int label(float[] row) {
    return row[0] > 0.5f && !(row[2] > 0.5f) ? 1 : 0;
  }

  private static float[] bits(int pattern) {
    return new float[] {
      (pattern & 1) != 0 ? ON : OFF, (pattern & 2) != 0 ? ON : OFF, (pattern & 4) != 0 ? ON : OFF
    };
  }

  /**
   * Every pattern twice (rows 0..15, row i has pattern i % 8) plus four extra 000 rows (16..19).
   * The extra off-rows make c0 the strictly best first split: weighted gini 0.2 against 0.27 for
   * c2, so the tree is: c0 off → "no" (12 rows); c0 on → split c2: off → "yes", on → "no".
   */
  private static float[][] train() {
    float[][] rows = new float[20][];
    for (int i = 0; i < 16; i++) {
      rows[i] = bits(i % 8);
    }
    for (int i = 16; i < 20; i++) {
      rows[i] = bits(0);
    }
    // Rows with c0 on and c2 off are 1, 3, 9, 11: their raw c2 values decide the leaf examples.
    rows[1][2] = 0.30f;
    rows[3][2] = 0.05f;
    rows[9][2] = 0.20f;
    rows[11][2] = 0.10f;
    return rows;
  }

  private static int[] labels(float[][] rows) {
    int[] labels = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      labels[i] = label(rows[i]);
    }
    return labels;
  }

  private static float[][] allPatterns() {
    float[][] rows = new float[8][];
    for (int p = 0; p < 8; p++) {
      rows[p] = bits(p);
    }
    return rows;
  }

  private static ConceptTree handTree(int maxDepth) {
    float[][] train = train();
    float[][] test = allPatterns();
    return ConceptTree.fit(
        new ConceptTree.Input(train, labels(train), test, labels(test), NAMES, CLASSES),
        new ConceptCompleteness.Options(maxDepth, 3));
  }

  @Test
  void nodesAreNumberedInPreOrderWithTrainingCounts() {
    ConceptTree tree = handTree(0);

    List<ConceptTree.Node> nodes = tree.nodes();
    assertThat(nodes).hasSize(5);
    assertThat(nodes).extracting(ConceptTree.Node::id).containsExactly(0, 1, 2, 3, 4);
    ConceptTree.Node root = tree.root();
    assertThat(root.feature()).isEqualTo(0);
    assertThat(root.featureName()).isEqualTo("graph.shared.0");
    assertThat(root.childIfOff()).isEqualTo(1);
    assertThat(root.childIfOn()).isEqualTo(2);
    assertThat(root.classCounts()).containsExactly(16, 4);
    assertThat(root.predictedClass()).isEqualTo(0);

    assertThat(nodes.get(1).isLeaf()).isTrue();
    assertThat(nodes.get(1).classCounts()).containsExactly(12, 0);
    assertThat(nodes.get(2).featureName()).isEqualTo("table.shared.0");
    assertThat(nodes.get(2).classCounts()).containsExactly(4, 4);
    assertThat(nodes.get(2).childIfOff()).isEqualTo(3);
    assertThat(nodes.get(2).childIfOn()).isEqualTo(4);
    assertThat(nodes.get(3).classCounts()).containsExactly(0, 4);
    assertThat(nodes.get(3).predictedClass()).isEqualTo(1);
    assertThat(nodes.get(4).classCounts()).containsExactly(4, 0);
    assertThat(nodes.get(4).depth()).isEqualTo(2);
    assertThat(tree.depth()).isEqualTo(2);
    assertThat(nodes.get(4).path())
        .extracting(ConceptTree.Condition::text)
        .containsExactly("graph.shared.0 = 1", "table.shared.0 = 1");
  }

  @Test
  void rulesReadEachLeafWithSupportAndConfidence() {
    List<ConceptTree.Rule> rules = handTree(0).rules();

    assertThat(rules).extracting(ConceptTree.Rule::text).containsExactly(
        "if graph.shared.0 = 0 then label no",
        "if graph.shared.0 = 1 and table.shared.0 = 0 then label yes",
        "if graph.shared.0 = 1 and table.shared.0 = 1 then label no");
    assertThat(rules).extracting(ConceptTree.Rule::leaf).containsExactly(1, 3, 4);
    assertThat(rules).extracting(ConceptTree.Rule::support).containsExactly(12, 4, 4);
    assertThat(rules).extracting(ConceptTree.Rule::supportShare).containsExactly(0.6, 0.2, 0.2);
    assertThat(rules).extracting(ConceptTree.Rule::confidence).containsExactly(1.0, 1.0, 1.0);
  }

  @Test
  void examplesFollowTheLastSplitConceptsRawValue() {
    ConceptTree tree = handTree(0);

    // Leaf 3 needs table.shared.0 = 0: raw values 0.05 (row 3), 0.10 (row 11), 0.20 (row 9).
    assertThat(tree.nodes().get(3).exampleRows()).containsExactly(3, 11, 9);
    // The root has no split above it: its lowest rows.
    assertThat(tree.root().exampleRows()).containsExactly(0, 1, 2);
    // Leaf 1 needs graph.shared.0 = 0; all its rows sit at 0.1, so the lowest rows win.
    assertThat(tree.nodes().get(1).exampleRows()).containsExactly(0, 2, 4);
    // Other rows by the same rule: the eight test patterns, one row each.
    List<List<Integer>> test = tree.examples(allPatterns());
    assertThat(test).hasSize(5);
    assertThat(test.get(3)).containsExactly(1, 3); // patterns 001 and 011 reach leaf 3
    assertThat(test.get(1)).containsExactly(0, 2, 4);
  }

  @Test
  void routesRowsAndMeasuresFidelityToTheNetwork() {
    ConceptTree tree = handTree(0);

    assertThat(tree.path(bits(1))).containsExactly(0, 2, 3);
    assertThat(tree.path(bits(4))).containsExactly(0, 1);
    assertThat(tree.predict(bits(1))).isEqualTo(1);
    assertThat(tree.testAccuracy()).isEqualTo(1.0);
    // The tree predicts label(row) for patterns 0..7; the "network" differs on patterns 1 and 6.
    int[] network = labels(allPatterns());
    network[1] = 0;
    network[6] = 1;
    ConceptTree.Fidelity fidelity = tree.fidelity(network);
    assertThat(fidelity.agreeing()).isEqualTo(6);
    assertThat(fidelity.rows()).isEqualTo(8);
    assertThat(fidelity.agreement()).isEqualTo(0.75);
    assertThat(fidelity.treeAccuracy()).isEqualTo(1.0);
  }

  @Test
  void depthLimitKeepsOnlyTheRootSplit() {
    ConceptTree tree = handTree(1);

    assertThat(tree.depth()).isEqualTo(1);
    assertThat(tree.rules()).extracting(ConceptTree.Rule::text).containsExactly(
        "if graph.shared.0 = 0 then label no", "if graph.shared.0 = 1 then label no");
    assertThat(tree.rules().get(1).confidence()).isEqualTo(0.5);
  }

  @Test
  void aSingleLeafTreeIsOneUnconditionalRule() {
    float[][] train = {{0.9f}, {0.1f}, {0.8f}};
    ConceptTree tree =
        ConceptTree.fit(
            new ConceptTree.Input(
                train, new int[] {1, 1, 1}, train, new int[] {1, 1, 0}, List.of("c"), CLASSES),
            ConceptCompleteness.Options.unlimited(0));

    assertThat(tree.nodes()).hasSize(1);
    assertThat(tree.rules()).extracting(ConceptTree.Rule::text).containsExactly("always label yes");
    assertThat(tree.testAccuracy()).isEqualTo(2.0 / 3);
  }

  /**
   * The converted tree predicts exactly what Tribuo's does: its test accuracy equals the
   * completeness score on noisy data wider than ten columns (where Tribuo's feature ids, sorted
   * by name, stop matching column order).
   */
  @Test
  void unlimitedTreeAccuracyIsTheCompletenessScore() {
    SplittableRandom rng = new SplittableRandom(5);
    int width = 12;
    for (long seed = 0; seed < 3; seed++) {
      float[][] train = random(300, width, rng);
      float[][] test = random(150, width, rng);
      int[] yTrain = noisyLabels(train, rng);
      int[] yTest = noisyLabels(test, rng);
      List<String> names = new ArrayList<>();
      for (int j = 0; j < width; j++) {
        names.add("s" + j);
      }
      ConceptCompleteness.Options options = ConceptCompleteness.Options.unlimited(seed);
      ConceptTree tree =
          ConceptTree.fit(
              new ConceptTree.Input(train, yTrain, test, yTest, names, List.of("a", "b", "c")),
              options);
      double completeness =
          ConceptCompleteness.measure(train, yTrain, test, yTest, options).accuracy();

      assertThat(tree.testAccuracy()).isEqualTo(completeness);
      assertThat(tree.testAccuracy()).isBetween(0.4, 0.99);
      assertThat(tree.root().trainRows()).isEqualTo(300);
    }
  }

  @Test
  void badInputIsRefusedWithOneMessage() {
    float[][] rows = {{0.9f, 0.1f}};
    assertThatThrownBy(
            () ->
                ConceptTree.fit(
                    new ConceptTree.Input(rows, new int[] {0}, rows, new int[] {0},
                        List.of("a", "a"), CLASSES),
                    ConceptCompleteness.Options.unlimited(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distinct");
    assertThatThrownBy(
            () ->
                ConceptTree.fit(
                    new ConceptTree.Input(rows, new int[] {2}, rows, new int[] {0},
                        List.of("a", "b"), CLASSES),
                    ConceptCompleteness.Options.unlimited(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trainLabels[0] is 2 but there are 2 class names");
    ConceptTree tree = handTree(0);
    assertThatThrownBy(() -> tree.fidelity(new int[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one network prediction per test row (8), got 3");
  }

  private static float[][] random(int n, int width, SplittableRandom rng) {
    float[][] rows = new float[n][width];
    for (float[] row : rows) {
      for (int j = 0; j < width; j++) {
        row[j] = (float) rng.nextDouble();
      }
    }
    return rows;
  }

  /** Three classes from concepts 10 and 11, with 15% of labels flipped at random. */
  private static int[] noisyLabels(float[][] rows, SplittableRandom rng) {
    int[] labels = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int clean = (rows[i][10] > 0.5f ? 1 : 0) + (rows[i][11] > 0.5f ? 1 : 0);
      labels[i] = rng.nextDouble() < 0.15 ? rng.nextInt(3) : clean;
    }
    return labels;
  }
}
