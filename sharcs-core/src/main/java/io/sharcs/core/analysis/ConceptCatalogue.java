package io.sharcs.core.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A catalogue of one concept set: for every concept, how often it is on, which labels, groups
 * (modalities) and attribute values it goes with, its most typical rows and a one-line sentence
 * saying so; plus the reference's pattern prototypes (method spec §5.7 "concept prototypes").
 *
 * <p>A concept is on in a row when its raw value is above 0.5. Everything is computed from the
 * rows given, in row order, so the catalogue is deterministic.
 *
 * @param setName the concept set's name, e.g. {@code "shared"} or {@code "table local"}
 * @param rows the number of rows catalogued
 * @param concepts one entry per concept column, in column order
 * @param patterns the pattern prototypes: among the (at most) five most frequent binary patterns,
 *     those with at least five members, most frequent first (ties in pattern order)
 */
public record ConceptCatalogue(
    String setName, int rows, List<Entry> concepts, List<Pattern> patterns) {

  /** How many typical rows each concept and pattern shows, as in the reference. */
  static final int PROTOTYPES = 5;

  /** The reference shows only the most frequent patterns ... */
  static final int TOP_PATTERNS = 5;

  /** ... and among those only patterns with at least this many members. */
  static final int MIN_PATTERN_MEMBERS = 5;

  /** Copies the lists so the catalogue is immutable. */
  public ConceptCatalogue {
    concepts = List.copyOf(concepts);
    patterns = List.copyOf(patterns);
  }

  /**
   * The rows of one concept set and what is known about them.
   *
   * @param setName the set's name, used in sentences, e.g. {@code "shared"}
   * @param population what the rows are, used in sentences, e.g. {@code "training samples"}
   * @param concepts raw concept values, one row per sample (n x k)
   * @param labels the integer label of each row
   * @param classNames the class names, index = label
   * @param groups optional (null): the group index of each row, e.g. which modality a stacked
   *     shared row came from
   * @param groupNames the group names, index = group; null exactly when {@code groups} is null
   * @param attributes optional (null): per row its attributes (e.g. {@code colour=red}), a null
   *     entry for a row without any
   * @param rowIds the sample id of each row, carried into prototypes so pictures can be found
   */
  public record Input(
      String setName,
      String population,
      float[][] concepts,
      int[] labels,
      List<String> classNames,
      int[] groups,
      List<String> groupNames,
      List<Map<String, String>> attributes,
      List<String> rowIds) {

    /** Copies the lists (null entries of {@code attributes} are kept). */
    public Input {
      classNames = classNames == null ? null : List.copyOf(classNames);
      groupNames = groupNames == null ? null : List.copyOf(groupNames);
      attributes =
          attributes == null ? null : Collections.unmodifiableList(new ArrayList<>(attributes));
      rowIds = rowIds == null ? null : List.copyOf(rowIds);
    }
  }

  /**
   * A named count and its share of a whole.
   *
   * @param name what is counted, e.g. a class name or a modality
   * @param count how many rows
   * @param share {@code count} over the rows considered (0 when there are none)
   */
  public record Share(String name, int count, double share) {}

  /**
   * The attribute value that best characterises a concept's on-rows.
   *
   * @param attribute the attribute name, e.g. {@code colour}
   * @param value its value, e.g. {@code red}
   * @param count the on-rows having it
   * @param purity {@code count} over all on-rows of the concept
   */
  public record AttributePurity(String attribute, String value, int count, double purity) {

    /** {@code attribute=value}. */
    public String text() {
      return attribute + "=" + value;
    }
  }

  /**
   * A typical row.
   *
   * @param row the row index in the input
   * @param rowId that row's sample id
   * @param distance its L2 distance to the centroid it was chosen for
   */
  public record Prototype(int row, String rowId, double distance) {}

  /**
   * What one concept stands for.
   *
   * @param index the concept column
   * @param onCount the rows where it is on
   * @param onFraction {@code onCount} over all rows
   * @param labels per class (label order), its on-rows with that label and their share of them
   * @param groups per group (group order), its on-rows from that group; empty without groups
   * @param purest the attribute value shared by the largest share of its on-rows (ties to the
   *     smaller attribute name, then value); empty without attributes or on-rows
   * @param prototypes up to five on-rows nearest (L2 over the raw concept vector) to the
   *     centroid of its on-rows, nearest first (ties to the lower row); empty if never on
   * @param sentence the entry in one line, e.g. {@code shared concept 4: on for 31% of training
   *     samples, 92% of them label 1, 48% graph / 52% table; purest for colour=red (0.97)}
   */
  public record Entry(
      int index,
      int onCount,
      double onFraction,
      List<Share> labels,
      List<Share> groups,
      Optional<AttributePurity> purest,
      List<Prototype> prototypes,
      String sentence) {

    /** Copies the lists so an entry is immutable. */
    public Entry {
      labels = List.copyOf(labels);
      groups = List.copyOf(groups);
      prototypes = List.copyOf(prototypes);
    }
  }

  /**
   * A frequent binary concept pattern and its typical members.
   *
   * @param pattern one {@code '0'} or {@code '1'} per concept
   * @param members the rows with this pattern
   * @param labels per class (label order), the members with that label and their share
   * @param prototypes up to five members nearest to the members' centroid, nearest first
   */
  public record Pattern(
      String pattern, int members, List<Share> labels, List<Prototype> prototypes) {

    /** Copies the lists so a pattern is immutable. */
    public Pattern {
      labels = List.copyOf(labels);
      prototypes = List.copyOf(prototypes);
    }
  }

  /**
   * Catalogues a concept set.
   *
   * @param input the rows and their labels, groups, attributes and ids
   * @return one entry per concept and the pattern prototypes
   * @throws IllegalArgumentException if the matrix is empty or ragged, or any per-row array or
   *     list does not have one entry per row, or a label or group has no name
   */
  public static ConceptCatalogue of(Input input) {
    if (input == null) {
      throw new IllegalArgumentException("input is null");
    }
    int width = ConceptCatalogueChecks.check(input);
    float[][] x = input.concepts();
    List<Entry> entries = new ArrayList<>(width);
    for (int j = 0; j < width; j++) {
      entries.add(entry(input, j));
    }
    return new ConceptCatalogue(input.setName(), x.length, entries, patterns(input));
  }

  private static Entry entry(Input input, int j) {
    float[][] x = input.concepts();
    List<Integer> on = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (ConceptChecks.active(x[i][j])) {
        on.add(i);
      }
    }
    List<Share> labels = shares(on, input.labels(), input.classNames());
    List<Share> groups =
        input.groups() == null ? List.of() : shares(on, input.groups(), input.groupNames());
    Optional<AttributePurity> purest = purest(on, input.attributes());
    List<Prototype> prototypes = prototypes(on, x, input.rowIds());
    double onFraction = (double) on.size() / x.length;
    String sentence = sentence(input, j, on.size(), onFraction, labels, groups, purest);
    return new Entry(j, on.size(), onFraction, labels, groups, purest, prototypes, sentence);
  }

  /** Per name index, how many of {@code rows} have it. */
  private static List<Share> shares(List<Integer> rows, int[] index, List<String> names) {
    int[] counts = new int[names.size()];
    for (int i : rows) {
      counts[index[i]]++;
    }
    List<Share> shares = new ArrayList<>(names.size());
    for (int c = 0; c < names.size(); c++) {
      shares.add(
          new Share(
              names.get(c), counts[c], rows.isEmpty() ? 0 : (double) counts[c] / rows.size()));
    }
    return shares;
  }

  private static Optional<AttributePurity> purest(
      List<Integer> on, List<Map<String, String>> attributes) {
    if (attributes == null || on.isEmpty()) {
      return Optional.empty();
    }
    // Sorted maps make the scan (and so the tie-break) go by attribute name, then value.
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (int i : on) {
      Map<String, String> row = attributes.get(i);
      if (row == null) {
        continue;
      }
      for (Map.Entry<String, String> e : row.entrySet()) {
        counts
            .computeIfAbsent(e.getKey(), k -> new TreeMap<>())
            .merge(e.getValue(), 1, Integer::sum);
      }
    }
    AttributePurity best = null;
    for (Map.Entry<String, Map<String, Integer>> attribute : counts.entrySet()) {
      for (Map.Entry<String, Integer> value : attribute.getValue().entrySet()) {
        if (best == null || value.getValue() > best.count()) {
          best =
              new AttributePurity(
                  attribute.getKey(),
                  value.getKey(),
                  value.getValue(),
                  (double) value.getValue() / on.size());
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The members nearest their own centroid; the bank is a view of the member rows. */
  private static List<Prototype> prototypes(List<Integer> members, float[][] x, List<String> ids) {
    if (members.isEmpty()) {
      return List.of();
    }
    float[][] bank = new float[members.size()][];
    for (int m = 0; m < bank.length; m++) {
      bank[m] = x[members.get(m)];
    }
    float[] centroid = centroid(bank);
    List<Prototype> prototypes = new ArrayList<>(PROTOTYPES);
    for (NearestNeighbours.Neighbour n : NearestNeighbours.nearest(bank, centroid, PROTOTYPES)) {
      int row = members.get(n.index());
      prototypes.add(new Prototype(row, ids.get(row), n.distance()));
    }
    return prototypes;
  }

  /** Mean in double, so large sets do not lose float precision while summing. */
  private static float[] centroid(float[][] rows) {
    double[] sum = new double[rows[0].length];
    for (float[] row : rows) {
      for (int j = 0; j < sum.length; j++) {
        sum[j] += row[j];
      }
    }
    float[] mean = new float[sum.length];
    for (int j = 0; j < sum.length; j++) {
      mean[j] = (float) (sum[j] / rows.length);
    }
    return mean;
  }

  private static List<Pattern> patterns(Input input) {
    ConceptClusters.Result clusters = ConceptClusters.find(input.concepts(), input.labels());
    int[] assignment = clusters.assignment();
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < clusters.count(); c++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < assignment.length; i++) {
      members.get(assignment[i]).add(i);
    }
    // A stable sort keeps the clusters' pattern order among equally frequent patterns.
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < clusters.count(); c++) {
      order.add(c);
    }
    order.sort(Comparator.comparingInt((Integer c) -> -members.get(c).size()));
    List<Pattern> patterns = new ArrayList<>();
    for (int c : order.subList(0, Math.min(TOP_PATTERNS, order.size()))) {
      List<Integer> rows = members.get(c);
      if (rows.size() >= MIN_PATTERN_MEMBERS) {
        patterns.add(
            new Pattern(
                clusters.clusters().get(c).pattern(),
                rows.size(),
                shares(rows, input.labels(), input.classNames()),
                prototypes(rows, input.concepts(), input.rowIds())));
      }
    }
    return patterns;
  }

  private static String sentence(
      Input input,
      int j,
      int onCount,
      double onFraction,
      List<Share> labels,
      List<Share> groups,
      Optional<AttributePurity> purest) {
    String head = input.setName() + " concept " + j + ": ";
    if (onCount == 0) {
      return head
          + "never on in the "
          + input.concepts().length
          + " "
          + input.population();
    }
    Share top = labels.get(0);
    for (Share s : labels) {
      if (s.count() > top.count()) {
        top = s;
      }
    }
    StringBuilder text =
        new StringBuilder(head)
            .append("on for ")
            .append(percent(onFraction))
            .append(" of ")
            .append(input.population())
            .append(", ")
            .append(percent(top.share()))
            .append(" of them label ")
            .append(top.name());
    if (!groups.isEmpty()) {
      List<String> parts = groups.stream().map(g -> percent(g.share()) + " " + g.name()).toList();
      text.append(", ").append(String.join(" / ", parts));
    }
    purest.ifPresent(
        p ->
            text.append("; purest for ")
                .append(p.text())
                .append(String.format(Locale.ROOT, " (%.2f)", p.purity())));
    return text.toString();
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}
