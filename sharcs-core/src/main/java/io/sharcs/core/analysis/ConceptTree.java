package io.sharcs.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;

/**
 * A concept decision tree made readable: the CART tree of {@link ConceptCompleteness} (same
 * trainer, settings and seed semantics, so with {@code maxDepth = 0} its test accuracy is the
 * completeness score of the same rows and seed) converted into immutable nodes with stable ids,
 * training counts, example rows, if-then rules and its fidelity to the network (method spec
 * §5.3, §5.7 "decision-tree explanations").
 *
 * <p>Concepts are binarised as everywhere ({@code value > 0.5} is on), so every split asks "is
 * concept j on?". Nodes are numbered in pre-order (a node, then its off-subtree, then its
 * on-subtree), so node 0 is the root and ids do not depend on which concept a node splits on:
 * unlike the reference's tree picture, a concept split on at several nodes is unambiguous.
 */
public final class ConceptTree {

  /** The reference draws up to three samples into every node. */
  static final int EXAMPLES_PER_NODE = 3;

  private final List<Node> nodes;
  private final List<String> featureNames;
  private final List<String> classNames;
  private final int trainRows;
  private final int[] testPredictions;
  private final int[] testLabels;
  private final double testAccuracy;

  /**
   * The rows a tree is fitted and scored on.
   *
   * @param trainConcepts raw concept activations of the training rows (the tree sees them
   *     binarised; example rows are chosen by the raw values)
   * @param trainLabels the integer label of each training row
   * @param testConcepts raw concept activations of the test rows, as wide as the training rows
   * @param testLabels the integer label of each test row
   * @param featureNames one distinct display name per concept column, e.g. {@code
   *     "graph.shared.3"}; used in rules and nodes only, never in fitting
   * @param classNames the class names, index = label; all labels must be below its size
   */
  public record Input(
      float[][] trainConcepts,
      int[] trainLabels,
      float[][] testConcepts,
      int[] testLabels,
      List<String> featureNames,
      List<String> classNames) {

    /** Copies the name lists; the arrays are read, never kept or changed. */
    public Input {
      featureNames = featureNames == null ? null : List.copyOf(featureNames);
      classNames = classNames == null ? null : List.copyOf(classNames);
    }
  }

  /**
   * One test on the way from the root to a node.
   *
   * @param feature the concept column tested
   * @param featureName its display name
   * @param on whether the concept must be on (1) or off (0) to take this branch
   */
  public record Condition(int feature, String featureName, boolean on) {

    /** The condition as rule text, e.g. {@code graph.shared.4 = 1}. */
    public String text() {
      return featureName + " = " + (on ? 1 : 0);
    }
  }

  /**
   * One node of the tree.
   *
   * @param id the node's pre-order number; the root is 0
   * @param depth the number of splits above it (the root has depth 0)
   * @param feature the concept column a split node tests, -1 for a leaf
   * @param featureName that column's display name, {@code null} for a leaf
   * @param childIfOff the id of the child taken when the concept is off, -1 for a leaf
   * @param childIfOn the id of the child taken when the concept is on, -1 for a leaf
   * @param classCounts per class (index = label), the training rows reaching this node
   * @param predictedClass a leaf's prediction; for a split node, its training majority (ties to
   *     the lowest label)
   * @param path the conditions from the root down to this node (empty for the root)
   * @param exampleRows up to three training row indices reaching this node, by the reference's
   *     rule: rows whose raw value of the last split concept is closest to the bit this node
   *     requires first, ties to the lowest row; the root's are its lowest rows
   */
  public record Node(
      int id,
      int depth,
      int feature,
      String featureName,
      int childIfOff,
      int childIfOn,
      List<Integer> classCounts,
      int predictedClass,
      List<Condition> path,
      List<Integer> exampleRows) {

    /** Copies the lists so a node is immutable. */
    public Node {
      classCounts = List.copyOf(classCounts);
      path = List.copyOf(path);
      exampleRows = List.copyOf(exampleRows);
    }

    /** Whether this node is a leaf. */
    public boolean isLeaf() {
      return feature < 0;
    }

    /** The number of training rows reaching this node. */
    public int trainRows() {
      return classCounts.stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * One leaf read as an if-then rule.
   *
   * @param leaf the leaf's node id
   * @param conditions the root-to-leaf conditions
   * @param predictedClass the leaf's class
   * @param className its name
   * @param support the training rows reaching the leaf
   * @param supportShare {@code support} over all training rows
   * @param confidence the share of those rows whose label is the leaf's class
   * @param text e.g. {@code if graph.shared.4 = 1 and table.shared.2 = 0 then label 1}, or
   *     {@code always label 1} for a tree that is a single leaf
   */
  public record Rule(
      int leaf,
      List<Condition> conditions,
      int predictedClass,
      String className,
      int support,
      double supportShare,
      double confidence,
      String text) {

    /** Copies the conditions so a rule is immutable. */
    public Rule {
      conditions = List.copyOf(conditions);
    }
  }

  /**
   * How faithfully the tree mimics the network on the test rows.
   *
   * @param agreement the share of test rows where the tree predicts the network's class
   * @param agreeing the number of those rows
   * @param rows the number of test rows
   * @param treeAccuracy the tree's accuracy against the true test labels
   */
  public record Fidelity(double agreement, int agreeing, int rows, double treeAccuracy) {}

  private ConceptTree(
      List<Node> nodes,
      List<String> featureNames,
      List<String> classNames,
      int trainRows,
      int[] testPredictions,
      int[] testLabels) {
    this.nodes = List.copyOf(nodes);
    this.featureNames = featureNames;
    this.classNames = classNames;
    this.trainRows = trainRows;
    this.testPredictions = testPredictions;
    this.testLabels = testLabels;
    int correct = 0;
    for (int i = 0; i < testLabels.length; i++) {
      correct += testPredictions[i] == testLabels[i] ? 1 : 0;
    }
    this.testAccuracy = (double) correct / testLabels.length;
  }

  /**
   * Fits the tree on the binarised training concepts and converts it.
   *
   * @param input the rows, display names and class names
   * @param options maximum depth (0 = unlimited; the report uses 3 and 0) and the trainer seed,
   *     exactly as for {@link ConceptCompleteness#measure}: with the seed the concept report
   *     uses ({@code Seeds.derive(masterSeed, "completeness")}) and the combined set's rows, the
   *     unlimited tree is the one behind {@code completeness.combined}
   * @return the converted tree with training counts, examples and test predictions
   * @throws IllegalArgumentException if a matrix is empty or ragged, widths differ, a label
   *     array does not have one label per row, a label has no class name, or the feature names
   *     are not one distinct name per column
   */
  public static ConceptTree fit(Input input, ConceptCompleteness.Options options) {
    if (input == null || options == null) {
      throw new IllegalArgumentException("input and options must not be null");
    }
    int width = ConceptChecks.width("trainConcepts", input.trainConcepts());
    int testWidth = ConceptChecks.width("testConcepts", input.testConcepts());
    if (testWidth != width) {
      throw new IllegalArgumentException(
          "testConcepts has " + testWidth + " columns but trainConcepts has " + width);
    }
    ConceptChecks.labelsMatch(
        "trainConcepts", input.trainConcepts(), "trainLabels", input.trainLabels());
    ConceptChecks.labelsMatch(
        "testConcepts", input.testConcepts(), "testLabels", input.testLabels());
    checkFeatureNames(input.featureNames(), width);
    checkClasses(input.classNames(), input.trainLabels(), "trainLabels");
    checkClasses(input.classNames(), input.testLabels(), "testLabels");

    TreeModel<Label> model =
        ConceptCompleteness.fit(input.trainConcepts(), input.trainLabels(), options);
    Skeleton skeleton = new Skeleton(model, input.featureNames());
    List<Node> nodes = skeleton.nodes(input, input.classNames().size());

    int[] testPredictions = new int[input.testConcepts().length];
    for (int i = 0; i < testPredictions.length; i++) {
      testPredictions[i] = nodes.get(leafOf(nodes, input.testConcepts()[i])).predictedClass();
    }
    return new ConceptTree(
        nodes,
        input.featureNames(),
        input.classNames(),
        input.trainConcepts().length,
        testPredictions,
        input.testLabels().clone());
  }

  /** The nodes in pre-order; {@code nodes().get(id).id() == id}. */
  public List<Node> nodes() {
    return nodes;
  }

  /** The root node. */
  public Node root() {
    return nodes.get(0);
  }

  /** The number of split levels on the longest root-to-leaf path (0 for a single leaf). */
  public int depth() {
    return nodes.stream().mapToInt(Node::depth).max().orElse(0);
  }

  /** The concept display names, index = column. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The class names, index = label. */
  public List<String> classNames() {
    return classNames;
  }

  /** The number of training rows the tree was fitted on. */
  public int trainRows() {
    return trainRows;
  }

  /** The fraction of test rows whose true label the tree predicts. */
  public double testAccuracy() {
    return testAccuracy;
  }

  /** The tree's predicted class of each test row, in row order (a copy). */
  public int[] testPredictions() {
    return testPredictions.clone();
  }

  /**
   * The node ids a row passes, root first, leaf last.
   *
   * @param concepts a raw concept row as wide as the training rows
   * @throws IllegalArgumentException if the row's width differs
   */
  public List<Integer> path(float[] concepts) {
    checkRow(concepts);
    List<Integer> path = new ArrayList<>();
    int at = 0;
    path.add(at);
    while (!nodes.get(at).isLeaf()) {
      at = next(nodes.get(at), concepts);
      path.add(at);
    }
    return List.copyOf(path);
  }

  /** The id of the leaf a raw concept row reaches. */
  public int leaf(float[] concepts) {
    checkRow(concepts);
    return leafOf(nodes, concepts);
  }

  /** The class the tree predicts for a raw concept row. */
  public int predict(float[] concepts) {
    return nodes.get(leaf(concepts)).predictedClass();
  }

  /** One rule per leaf, in leaf id order. */
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    for (Node node : nodes) {
      if (!node.isLeaf()) {
        continue;
      }
      int support = node.trainRows();
      int hits = node.classCounts().get(node.predictedClass());
      String className = classNames.get(node.predictedClass());
      String conclusion = "label " + className;
      String text =
          node.path().isEmpty()
              ? "always " + conclusion
              : "if "
                  + String.join(" and ", node.path().stream().map(Condition::text).toList())
                  + " then "
                  + conclusion;
      rules.add(
          new Rule(
              node.id(),
              node.path(),
              node.predictedClass(),
              className,
              support,
              (double) support / trainRows,
              support == 0 ? 0 : (double) hits / support,
              text));
    }
    return List.copyOf(rules);
  }

  /**
   * The tree's agreement with the network on the test rows.
   *
   * @param networkPredictions the network's predicted class of each test row, in the order the
   *     test rows were given to {@link #fit}
   * @throws IllegalArgumentException if there is not one prediction per test row
   */
  public Fidelity fidelity(int[] networkPredictions) {
    if (networkPredictions == null || networkPredictions.length != testPredictions.length) {
      throw new IllegalArgumentException(
          "fidelity needs one network prediction per test row ("
              + testPredictions.length
              + "), got "
              + (networkPredictions == null ? "none" : networkPredictions.length));
    }
    int agreeing = 0;
    for (int i = 0; i < testPredictions.length; i++) {
      agreeing += testPredictions[i] == networkPredictions[i] ? 1 : 0;
    }
    return new Fidelity(
        (double) agreeing / testPredictions.length,
        agreeing,
        testPredictions.length,
        testAccuracy);
  }

  /**
   * Per node, up to three rows of another concept matrix chosen by the same rule as {@link
   * Node#exampleRows()} (e.g. to draw test or whole-analysis-subset samples into the tree).
   *
   * @param concepts raw concept rows as wide as the training rows
   * @return one list of row indices per node, in node id order
   * @throws IllegalArgumentException if the matrix is empty or ragged or its width differs
   */
  public List<List<Integer>> examples(float[][] concepts) {
    int width = ConceptChecks.width("concepts", concepts);
    if (width != featureNames.size()) {
      throw new IllegalArgumentException(
          "concepts has " + width + " columns but the tree has " + featureNames.size());
    }
    List<List<Integer>> reaching = new ArrayList<>(nodes.size());
    for (int n = 0; n < nodes.size(); n++) {
      reaching.add(new ArrayList<>());
    }
    for (int i = 0; i < concepts.length; i++) {
      int at = 0;
      reaching.get(at).add(i);
      while (!nodes.get(at).isLeaf()) {
        at = next(nodes.get(at), concepts[i]);
        reaching.get(at).add(i);
      }
    }
    List<List<Integer>> examples = new ArrayList<>(nodes.size());
    for (Node node : nodes) {
      examples.add(pick(reaching.get(node.id()), node.path(), concepts));
    }
    return List.copyOf(examples);
  }

  /**
   * The reference's pick among the rows reaching a node: closest raw value of the last split
   * concept to the bit the node requires first, ties to the lowest row; the root's lowest rows.
   */
  private static List<Integer> pick(List<Integer> rows, List<Condition> path, float[][] x) {
    if (path.isEmpty()) {
      return rows.stream().limit(EXAMPLES_PER_NODE).toList();
    }
    Condition last = path.get(path.size() - 1);
    double bit = last.on() ? 1.0 : 0.0;
    return rows.stream()
        .sorted(
            Comparator.comparingDouble((Integer i) -> Math.abs(x[i][last.feature()] - bit))
                .thenComparingInt(i -> i))
        .limit(EXAMPLES_PER_NODE)
        .toList();
  }

  private void checkRow(float[] concepts) {
    if (concepts == null || concepts.length != featureNames.size()) {
      throw new IllegalArgumentException(
          "a concept row must have "
              + featureNames.size()
              + " columns, got "
              + (concepts == null ? "none" : concepts.length));
    }
  }

  private static int leafOf(List<Node> nodes, float[] concepts) {
    int at = 0;
    while (!nodes.get(at).isLeaf()) {
      at = next(nodes.get(at), concepts);
    }
    return at;
  }

  private static int next(Node node, float[] concepts) {
    return ConceptChecks.active(concepts[node.feature()]) ? node.childIfOn() : node.childIfOff();
  }

  private static void checkFeatureNames(List<String> names, int width) {
    if (names == null || names.size() != width) {
      throw new IllegalArgumentException(
          "featureNames must name each of the "
              + width
              + " concept columns, got "
              + (names == null ? "none" : names.size()));
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (name == null || name.isBlank() || !seen.add(name)) {
        throw new IllegalArgumentException(
            "featureNames must be distinct and non-blank, got " + names);
      }
    }
  }

  private static void checkClasses(List<String> classNames, int[] labels, String what) {
    if (classNames == null || classNames.isEmpty()) {
      throw new IllegalArgumentException("classNames must name at least one class");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException(
            what
                + "["
                + i
                + "] is "
                + labels[i]
                + " but there are "
                + classNames.size()
                + " class names");
      }
    }
  }

  /**
   * The shape of Tribuo's fitted tree in pre-order: per node its split column, off and on
   * children, and (for leaves) the predicted class.
   */
  private static final class Skeleton {
    private final List<Integer> feature = new ArrayList<>();
    private final List<int[]> children = new ArrayList<>();
    private final List<Integer> leafClass = new ArrayList<>();
    private final List<Integer> depth = new ArrayList<>();
    private final List<List<Condition>> path = new ArrayList<>();
    private final TreeModel<Label> model;
    private final List<String> names;

    Skeleton(TreeModel<Label> model, List<String> names) {
      this.model = model;
      this.names = names;
      visit(model.getRoot(), 0, List.of());
    }

    /** Tribuo sends a value v to {@code getGreaterThan} when v > the split value. */
    private static org.tribuo.common.tree.Node<Label> childFor(SplitNode<Label> split, double bit) {
      return bit > split.splitValue() ? split.getGreaterThan() : split.getLessThanOrEqual();
    }

    private int visit(
        org.tribuo.common.tree.Node<Label> node, int level, List<Condition> conditions) {
      int id = feature.size();
      depth.add(level);
      path.add(conditions);
      int[] kids = {-1, -1};
      children.add(kids);
      if (node instanceof SplitNode<Label> split) {
        int column =
            ConceptCompleteness.column(
                model.getFeatureIDMap().get(split.getFeatureID()).getName());
        feature.add(column);
        leafClass.add(-1);
        org.tribuo.common.tree.Node<Label> off = childFor(split, 0.0);
        org.tribuo.common.tree.Node<Label> on = childFor(split, 1.0);
        if (off == on) {
          throw new IllegalStateException(
              "split on concept " + column + " at " + split.splitValue() + " does not split bits");
        }
        String name = names.get(column);
        kids[0] = visit(off, level + 1, append(conditions, new Condition(column, name, false)));
        kids[1] = visit(on, level + 1, append(conditions, new Condition(column, name, true)));
      } else {
        feature.add(-1);
        String label = ((LeafNode<Label>) node).getOutput().getLabel();
        leafClass.add(ConceptCompleteness.label(label));
      }
      return id;
    }

    private static List<Condition> append(List<Condition> path, Condition last) {
      List<Condition> longer = new ArrayList<>(path);
      longer.add(last);
      return List.copyOf(longer);
    }

    /** Routes the training rows to count classes per node and pick each node's examples. */
    List<Node> nodes(Input input, int classes) {
      int size = feature.size();
      int[][] counts = new int[size][classes];
      List<List<Integer>> reaching = new ArrayList<>(size);
      for (int n = 0; n < size; n++) {
        reaching.add(new ArrayList<>());
      }
      float[][] x = input.trainConcepts();
      for (int i = 0; i < x.length; i++) {
        int at = 0;
        while (true) {
          counts[at][input.trainLabels()[i]]++;
          reaching.get(at).add(i);
          if (feature.get(at) < 0) {
            break;
          }
          at = children.get(at)[ConceptChecks.active(x[i][feature.get(at)]) ? 1 : 0];
        }
      }
      List<Node> nodes = new ArrayList<>(size);
      for (int n = 0; n < size; n++) {
        int f = feature.get(n);
        nodes.add(
            new Node(
                n,
                depth.get(n),
                f,
                f < 0 ? null : names.get(f),
                children.get(n)[0],
                children.get(n)[1],
                Arrays.stream(counts[n]).boxed().toList(),
                f < 0 ? leafClass.get(n) : majority(counts[n]),
                path.get(n),
                pick(reaching.get(n), path.get(n), x)));
      }
      return nodes;
    }

    private static int majority(int[] counts) {
      int best = 0;
      for (int c = 1; c < counts.length; c++) {
        if (counts[c] > counts[best]) {
          best = c;
        }
      }
      return best;
    }
  }
}
