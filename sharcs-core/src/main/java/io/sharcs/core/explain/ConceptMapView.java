package io.sharcs.core.explain;

import java.util.List;

/**
 * A t-SNE map of one concept set, ready to colour three ways.
 *
 * @param set the concept set, e.g. {@code shared} or a modality name
 * @param title what the map shows, in words
 * @param points the mapped rows (a seeded sample of at most a few thousand)
 * @param groupNames the names of {@link MapPoint#group} (the modalities)
 * @param clusterNames the names of {@link MapPoint#cluster}: the most frequent binary concept
 *     patterns, then {@code other}
 * @param totalRows the rows of the set before sampling
 */
public record ConceptMapView(
    String set,
    String title,
    List<MapPoint> points,
    List<String> groupNames,
    List<String> clusterNames,
    int totalRows) {

  public ConceptMapView {
    points = List.copyOf(points);
    groupNames = List.copyOf(groupNames);
    clusterNames = List.copyOf(clusterNames);
  }

  /**
   * One mapped row.
   *
   * @param x first t-SNE coordinate
   * @param y second t-SNE coordinate
   * @param label the sample's class
   * @param group the modality the row's concepts came from
   * @param cluster the row's binary pattern, as an index of {@code clusterNames}
   * @param sample the data set sample
   * @param prototype whether the row is a concept prototype (drawn as a thumbnail on the map)
   */
  public record MapPoint(
      double x, double y, int label, int group, int cluster, SampleRef sample, boolean prototype) {}
}
