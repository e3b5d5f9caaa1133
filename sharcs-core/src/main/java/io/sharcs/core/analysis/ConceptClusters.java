package io.sharcs.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The paper's <em>concept clusters</em>: a cluster is the set of samples that share one binary
 * concept pattern ({@code value > 0.5}), so the number of clusters is the number of distinct
 * patterns (method spec §3.3, §5.2). No k-means is involved, as in the reference.
 *
 * <p>Clusters are numbered in lexicographic pattern order, as {@code np.unique} numbers them in
 * the reference's {@code find_centroids}, so cluster ids are comparable with its output.
 */
public final class ConceptClusters {

  private ConceptClusters() {}

  /**
   * One concept cluster.
   *
   * @param pattern the binary concept pattern, one {@code '0'} or {@code '1'} per concept (for
   *     example {@code "0110"})
   * @param size the number of rows with this pattern
   * @param centroid the mean of the members' raw (not thresholded) concept vectors
   * @param majorityLabel the most frequent label among the members; ties go to the smallest label
   * @param labelPurity the fraction of members carrying {@code majorityLabel}
   */
  public record Cluster(
      String pattern, int size, float[] centroid, int majorityLabel, double labelPurity) {

    /** Copies the centroid so a cluster cannot be changed through the caller's array. */
    public Cluster {
      centroid = centroid.clone();
    }

    /** The centroid (a copy). */
    @Override
    public float[] centroid() {
      return centroid.clone();
    }

    /** Whether concept {@code j} is active in this cluster's pattern. */
    public boolean active(int j) {
      return pattern.charAt(j) == '1';
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cluster c
          && pattern.equals(c.pattern)
          && size == c.size
          && Arrays.equals(centroid, c.centroid)
          && majorityLabel == c.majorityLabel
          && Double.compare(labelPurity, c.labelPurity) == 0;
    }

    @Override
    public int hashCode() {
      return 31 * pattern.hashCode() + Arrays.hashCode(centroid);
    }

    @Override
    public String toString() {
      return "Cluster[pattern="
          + pattern
          + ", size="
          + size
          + ", centroid="
          + Arrays.toString(centroid)
          + ", majorityLabel="
          + majorityLabel
          + ", labelPurity="
          + labelPurity
          + "]";
    }
  }

  /**
   * The concept clusters of one concept set.
   *
   * @param count the number of clusters (distinct binary patterns), the number the paper reports
   * @param clusters the clusters in lexicographic pattern order
   * @param assignment the cluster index of each input row
   * @param purity the sum over clusters of the majority-label count, divided by the number of rows
   */
  public record Result(int count, List<Cluster> clusters, int[] assignment, double purity) {

    /** Copies the inputs so the result is immutable. */
    public Result {
      clusters = List.copyOf(clusters);
      assignment = assignment.clone();
    }

    /** The cluster index of each row (a copy). */
    @Override
    public int[] assignment() {
      return assignment.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Result r
          && count == r.count
          && clusters.equals(r.clusters)
          && Arrays.equals(assignment, r.assignment)
          && Double.compare(purity, r.purity) == 0;
    }

    @Override
    public int hashCode() {
      return 31 * clusters.hashCode() + Arrays.hashCode(assignment);
    }

    @Override
    public String toString() {
      return "Result[count=" + count + ", purity=" + purity + ", clusters=" + clusters + "]";
    }
  }

  /**
   * Finds the concept clusters of a concept set.
   *
   * @param concepts raw concept activations, one row per sample
   * @param labels the integer label of each row, used for the clusters' majority labels and purity
   * @return the clusters, each row's cluster index, and the label purity
   * @throws IllegalArgumentException if the matrix is empty or ragged, or there is not one label
   *     per row
   */
  public static Result find(float[][] concepts, int[] labels) {
    int width = ConceptChecks.width("concepts", concepts);
    ConceptChecks.labelsMatch("concepts", concepts, "labels", labels);

    // Equal-length '0'/'1' strings sort like np.unique sorts 0/1 rows, so a TreeMap gives the
    // reference's cluster numbering.
    String[] patterns = new String[concepts.length];
    Map<String, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < concepts.length; i++) {
      patterns[i] = pattern(concepts[i], width);
      members.computeIfAbsent(patterns[i], p -> new ArrayList<>()).add(i);
    }

    List<Cluster> clusters = new ArrayList<>(members.size());
    Map<String, Integer> index = new TreeMap<>();
    long majorityTotal = 0;
    for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
      List<Integer> rows = e.getValue();
      int[] majority = majority(rows, labels);
      majorityTotal += majority[1];
      index.put(e.getKey(), clusters.size());
      clusters.add(
          new Cluster(
              e.getKey(),
              rows.size(),
              centroid(rows, concepts, width),
              majority[0],
              (double) majority[1] / rows.size()));
    }

    int[] assignment = new int[concepts.length];
    for (int i = 0; i < concepts.length; i++) {
      assignment[i] = index.get(patterns[i]);
    }
    return new Result(
        clusters.size(), clusters, assignment, (double) majorityTotal / concepts.length);
  }

  private static String pattern(float[] row, int width) {
    char[] bits = new char[width];
    for (int j = 0; j < width; j++) {
      bits[j] = ConceptChecks.active(row[j]) ? '1' : '0';
    }
    return new String(bits);
  }

  /** Mean in double, so large clusters do not lose float precision while summing. */
  private static float[] centroid(List<Integer> rows, float[][] concepts, int width) {
    double[] sum = new double[width];
    for (int i : rows) {
      for (int j = 0; j < width; j++) {
        sum[j] += concepts[i][j];
      }
    }
    float[] mean = new float[width];
    for (int j = 0; j < width; j++) {
      mean[j] = (float) (sum[j] / rows.size());
    }
    return mean;
  }

  /** {majority label, its count}; a TreeMap makes ties go to the smallest label. */
  private static int[] majority(List<Integer> rows, int[] labels) {
    Map<Integer, Integer> counts = new TreeMap<>();
    for (int i : rows) {
      counts.merge(labels[i], 1, Integer::sum);
    }
    int best = 0;
    int bestCount = -1;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return new int[] {best, bestCount};
  }
}
