package io.sharcs.core.eval;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The interpretability results of a trained model (see {@link ConceptReport}).
 *
 * @param completeness per concept set, the completeness scores
 * @param clusters per concept set, the concept clusters found
 */
public record ConceptResults(List<Completeness> completeness, List<Clusters> clusters) {

  public ConceptResults {
    completeness = List.copyOf(completeness);
    clusters = List.copyOf(clusters);
  }

  /**
   * Concept completeness of one concept set: test accuracy of decision trees on the binarised
   * concepts.
   *
   * @param set {@code local.<modality>}, {@code shared} or {@code combined}
   * @param unlimited with an unlimited tree depth
   * @param shallowDepth the depth limit of the shallow tree
   * @param shallow with that depth limit
   */
  public record Completeness(String set, double unlimited, int shallowDepth, double shallow) {}

  /**
   * Concept clusters (distinct binary patterns) of one concept set.
   *
   * @param set {@code local.<modality>}, {@code shared} or {@code combined}
   * @param count the number of clusters
   * @param purity the share of rows whose cluster's majority label is theirs, where measured
   */
  public record Clusters(String set, int count, OptionalDouble purity) {}
}
