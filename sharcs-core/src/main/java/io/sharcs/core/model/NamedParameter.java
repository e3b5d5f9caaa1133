package io.sharcs.core.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.sharcs.core.config.NetworkPart;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A parameter of a network with its readable path (see {@link
 * SharcsNetwork#namedParameters}).
 *
 * @param path the names from the network part down to the parameter, e.g. encoders, graph,
 *     conv1, weight
 * @param part the network part it belongs to
 * @param parameter the parameter
 */
public record NamedParameter(List<String> path, NetworkPart part, Parameter parameter) {

  /** DJL prefixes each child's name with its 1-based position, two digits or more. */
  private static final Pattern CHILD_NUMBER = Pattern.compile("^\\d{2,}");

  public NamedParameter {
    path = List.copyOf(path);
  }

  /** The path joined with dots: {@code encoders.graph.conv1.weight}. */
  public String dotted() {
    return String.join(".", path);
  }

  /**
   * Adds the parameters of {@code block} and its descendants (running statistics too), depth
   * first in DJL's order (own parameters, then children), each under {@code prefix} and its block
   * names.
   */
  static void collect(Block block, List<String> prefix, NetworkPart part, List<NamedParameter> out) {
    for (Pair<String, Parameter> p : block.getDirectParameters()) {
      out.add(new NamedParameter(append(prefix, p.getKey()), part, p.getValue()));
    }
    for (Pair<String, Block> child : block.getChildren()) {
      collect(child.getValue(), append(prefix, childName(child.getKey())), part, out);
    }
  }

  /** A child's name as its parent's builder gave it: {@code 01conv1} is {@code conv1}. */
  static String childName(String key) {
    String name = CHILD_NUMBER.matcher(key).replaceFirst("");
    return name.isEmpty() ? key : name;
  }

  private static List<String> append(List<String> prefix, String name) {
    List<String> out = new ArrayList<>(prefix);
    out.add(name);
    return out;
  }
}
