package io.sharcs.core.explain;

import java.util.List;

/**
 * A test sample of one modality and its nearest training samples of another, in the shared
 * concept space: what the model considers the same content across modalities.
 *
 * @param from the query's modality
 * @param to the neighbours' modality
 * @param query the test sample
 * @param neighbours nearest first
 */
public record CrossModalExample(
    String from, String to, SampleRef query, List<Neighbour> neighbours) {

  public CrossModalExample {
    neighbours = List.copyOf(neighbours);
  }

  /**
   * One neighbour.
   *
   * @param sample the bank's sample
   * @param id its sample id
   * @param distance L2 distance in the shared concept space
   */
  public record Neighbour(SampleRef sample, String id, double distance) {}
}
