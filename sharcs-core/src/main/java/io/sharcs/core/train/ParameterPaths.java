package io.sharcs.core.train;

import ai.djl.nn.Parameter;
import io.sharcs.api.InvalidConfigException;
import io.sharcs.core.config.LearningRates;
import io.sharcs.core.config.NetworkPart;
import io.sharcs.core.model.NamedParameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches the paths of {@code training.learning_rates} ({@link LearningRates}) against a network's
 * parameters: which learning rate each learnable parameter trains with.
 */
public final class ParameterPaths {

  private static final String FIELD = "training.learning_rates";

  private ParameterPaths() {}

  /**
   * The learning rate of every learnable parameter that a path of {@code rates} names; the others
   * train at the default rate and are not in the map.
   *
   * @param parameters the network's parameters with their paths ({@link
   *     io.sharcs.core.model.SharcsNetwork#namedParameters})
   * @param learnable the parameters the optimiser may update (running statistics excluded)
   * @throws InvalidConfigException for field {@code training.learning_rates} when a path names no
   *     learnable parameter, listing the paths there are
   */
  public static Map<Parameter, Double> rates(
      LearningRates rates, List<NamedParameter> parameters, Set<Parameter> learnable) {
    List<NamedParameter> candidates = new ArrayList<>();
    for (NamedParameter p : parameters) {
      if (learnable.contains(p.parameter())) {
        candidates.add(p);
      }
    }
    Map<Parameter, Double> out = new IdentityHashMap<>();
    Map<Parameter, String> chosen = new IdentityHashMap<>();
    for (Map.Entry<String, Double> e : rates.rates().entrySet()) {
      List<String> key = LearningRates.segments(e.getKey());
      boolean any = false;
      for (NamedParameter p : candidates) {
        if (!matches(key, p)) {
          continue;
        }
        any = true;
        String previous = chosen.get(p.parameter());
        if (previous == null || moreSpecific(e.getKey(), previous)) {
          chosen.put(p.parameter(), e.getKey());
          out.put(p.parameter(), e.getValue());
        }
      }
      if (!any) {
        throw new InvalidConfigException(
            FIELD,
            "got key '" + e.getKey() + "', which names no learnable parameter of this network,"
                + " expected one of " + String.join(", ", paths(candidates))
                + " (or a parameter below one; a last block name may be cut short, as conv for"
                + " conv1 and conv2)");
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Whether {@code key} names parameter {@code p}: every name of the key equals the parameter's
   * name at that depth, except that the last name of a key below the modality (below the part,
   * for the predictor) may be the start of a block or parameter name.
   */
  static boolean matches(List<String> key, NamedParameter p) {
    List<String> path = p.path();
    if (key.size() > path.size()) {
      return false;
    }
    int last = key.size() - 1;
    for (int i = 0; i < last; i++) {
      if (!key.get(i).equals(path.get(i))) {
        return false;
      }
    }
    int firstBlockName = p.part() == NetworkPart.PREDICTOR ? 1 : 2;
    return last >= firstBlockName
        ? path.get(last).startsWith(key.get(last))
        : path.get(last).equals(key.get(last));
  }

  /** More names wins; between as many names, the longer key (the less cut-short name). */
  private static boolean moreSpecific(String key, String than) {
    int a = LearningRates.segments(key).size();
    int b = LearningRates.segments(than).size();
    return a != b ? a > b : key.length() > than.length();
  }

  /**
   * The paths a key may name, down to the first block name inside each part's blocks: {@code
   * encoders}, {@code encoders.graph}, {@code encoders.graph.conv1}, ..., {@code predictor},
   * {@code predictor.Linear}.
   */
  static List<String> paths(List<NamedParameter> parameters) {
    Set<String> out = new LinkedHashSet<>();
    for (NamedParameter p : parameters) {
      int firstBlockName = p.part() == NetworkPart.PREDICTOR ? 1 : 2;
      for (int depth = 1; depth <= Math.min(p.path().size(), firstBlockName + 1); depth++) {
        out.add(String.join(".", p.path().subList(0, depth)));
      }
    }
    return new ArrayList<>(out);
  }
}
