package io.sharcs.runner.explain;

import java.util.List;

/**
 * Why a saved model predicted what it did for one sample: what {@code sharcs explain} prints.
 *
 * @param sample the sample's id, or null for a new sample
 * @param origin where the sample comes from: {@code train}, {@code test} or the input file
 * @param trueClass the data set's class name of the sample, or null for a new sample
 * @param predicted the predicted class name
 * @param probabilities every class's probability, in class order
 * @param sharedSpace whether the model has a shared concept space (else only local concepts)
 * @param present the modalities the sample has, in slot order, with their active concepts
 * @param missing the modalities it lacks, in slot order, with the training sample that stood in
 * @param tree the way the {@value SampleExplainer#TREE} concept tree takes, or null when the run
 *     fitted none
 * @param neighbours per modality (slot order), the nearest training samples in concept space
 */
public record SampleExplanation(
    String sample,
    String origin,
    String trueClass,
    String predicted,
    List<ClassProbability> probabilities,
    boolean sharedSpace,
    List<PresentModality> present,
    List<MissingModality> missing,
    TreeWalk tree,
    List<Neighbours> neighbours) {

  public SampleExplanation {
    probabilities = List.copyOf(probabilities);
    present = List.copyOf(present);
    missing = List.copyOf(missing);
    neighbours = List.copyOf(neighbours);
  }

  /** @param className a class @param probability the model's probability of it */
  public record ClassProbability(String className, double probability) {}

  /**
   * A concept that is on (value above 0.5).
   *
   * @param name e.g. {@code graph.2} or {@code graph:shared.3}
   * @param index the concept's index in its set
   * @param value its activation
   * @param sentence the catalogue's sentence for it ("" when the catalogue has none)
   */
  public record ActiveConcept(String name, int index, double value, String sentence) {}

  /**
   * A modality the sample has.
   *
   * @param modality its name
   * @param local its active local concepts
   * @param shared its active shared concepts (empty for a model without a shared space)
   */
  public record PresentModality(
      String modality, List<ActiveConcept> local, List<ActiveConcept> shared) {
    public PresentModality {
      local = List.copyOf(local);
      shared = List.copyOf(shared);
    }
  }

  /**
   * A modality the sample lacks, filled from its retrieval bank.
   *
   * @param modality its name
   * @param retrieved the training sample whose concepts stood in for it
   * @param bankRow that sample's row in the modality's bank
   * @param distance the Euclidean distance from the query to it in concept space
   */
  public record MissingModality(String modality, String retrieved, int bankRow, double distance) {}

  /**
   * The concept tree's way for this sample.
   *
   * @param name the tree's name
   * @param steps the splits, root first, each a combined concept and whether it was on
   * @param leaf the leaf's node id
   * @param leafClass the leaf's class
   * @param agrees whether the leaf's class is the network's prediction
   */
  public record TreeWalk(
      String name, List<SavedTree.Step> steps, int leaf, String leafClass, boolean agrees) {
    public TreeWalk {
      steps = List.copyOf(steps);
    }
  }

  /**
   * The training samples nearest to the sample in one modality's concept space.
   *
   * @param modality the bank's modality
   * @param query the modality whose concepts of the sample were the query (the same one when the
   *     sample has it, else its first present modality)
   * @param nearest nearest first
   */
  public record Neighbours(String modality, String query, List<Neighbour> nearest) {
    public Neighbours {
      nearest = List.copyOf(nearest);
    }
  }

  /** @param sample a training sample's id @param distance its Euclidean distance */
  public record Neighbour(String sample, double distance) {}
}
