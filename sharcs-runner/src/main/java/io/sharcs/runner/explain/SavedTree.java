package io.sharcs.runner.explain;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.runner.config.InputError;
import java.util.ArrayList;
import java.util.List;

/**
 * A concept tree as {@value ExplanationsJson#FILE} keeps it: its features (combined concept
 * names, in slot order) and its nodes, node 0 the root.
 *
 * @param name the tree's name, e.g. {@code depth3}
 * @param features the names of the combined concepts the tree splits on, by feature index
 * @param nodes the nodes by id
 */
public record SavedTree(String name, List<String> features, List<Node> nodes) {

  /** A concept is on when its value is above this, as when the tree was fitted. */
  public static final float ON = 0.5f;

  public SavedTree {
    features = List.copyOf(features);
    nodes = List.copyOf(nodes);
  }

  /**
   * One node.
   *
   * @param id its index in {@link #nodes}
   * @param feature the feature it splits on, or -1 for a leaf
   * @param ifOff the child when the feature is off (-1 for a leaf)
   * @param ifOn the child when the feature is on (-1 for a leaf)
   * @param predicted the class name the node predicts
   */
  public record Node(int id, int feature, int ifOff, int ifOn, String predicted) {
    /** Whether the node has no children. */
    public boolean isLeaf() {
      return feature < 0;
    }
  }

  /**
   * One split on the way: the feature asked and whether it was on.
   *
   * @param feature the feature's name, e.g. {@code graph:shared.3}
   * @param on whether its value was above {@link #ON}
   */
  public record Step(String feature, boolean on) {}

  /**
   * The way from the root to a leaf.
   *
   * @param steps the splits, root first
   * @param leaf the leaf's node id
   * @param predicted the leaf's class name
   */
  public record Path(List<Step> steps, int leaf, String predicted) {
    public Path {
      steps = List.copyOf(steps);
    }
  }

  /**
   * Walks the tree with the combined concept values {@code values} (one per feature).
   *
   * @throws IllegalArgumentException when {@code values} does not have one value per feature
   */
  public Path walk(float[] values) {
    if (values.length != features.size()) {
      throw new IllegalArgumentException(
          "got " + values.length + " concept values, expected " + features.size());
    }
    List<Step> steps = new ArrayList<>();
    Node node = nodes.get(0);
    // A tree has fewer nodes than this; the bound only stops a corrupt file from looping.
    for (int hops = 0; !node.isLeaf() && hops <= nodes.size(); hops++) {
      boolean on = values[node.feature()] > ON;
      steps.add(new Step(features.get(node.feature()), on));
      node = nodes.get(on ? node.ifOn() : node.ifOff());
    }
    return new Path(steps, node.id(), node.predicted());
  }

  /** Reads one entry of the file's {@code trees}, checking that its nodes link up. */
  static SavedTree of(JsonNode t, String display) {
    String name = t.path("name").asText();
    List<String> features = new ArrayList<>();
    t.path("features").forEach(f -> features.add(f.asText()));
    List<Node> nodes = new ArrayList<>();
    JsonNode all = t.path("nodes");
    for (int i = 0; i < all.size(); i++) {
      JsonNode n = all.get(i);
      boolean leaf = !n.has("if_on");
      Node node = leaf
          ? new Node(i, -1, -1, -1, n.path("predicted").asText())
          : new Node(i, n.path("feature").asInt(-1), n.path("if_off").asInt(-1),
              n.path("if_on").asInt(-1), n.path("predicted").asText());
      if (n.path("id").asInt(-1) != i
          || (!leaf && (node.feature() < 0 || node.feature() >= features.size()
              || !inside(node.ifOff(), all.size()) || !inside(node.ifOn(), all.size())))) {
        throw new InputError(display, "trees." + name + ".nodes." + i,
            "node does not fit the tree (id, feature or children out of range)");
      }
      nodes.add(node);
    }
    if (nodes.isEmpty()) {
      throw new InputError(display, "trees." + name + ".nodes", "empty, expected a root node");
    }
    return new SavedTree(name, features, nodes);
  }

  private static boolean inside(int child, int size) {
    return child > 0 && child < size;
  }
}
