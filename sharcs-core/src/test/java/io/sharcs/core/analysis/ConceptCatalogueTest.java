package io.sharcs.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConceptCatalogueTest {

  private static final List<String> IDS = List.of("g0", "g1", "g2", "t0", "t1", "t2");

  /**
   * Six stacked shared rows (three graph, three table), two concepts. Concept 0 is on in rows
   * 0, 1 and 3 (dyadic values, so the prototype distances tie exactly); concept 1 is never on
   * (0.5 itself is off).
   */
  private static ConceptCatalogue.Input handmade() {
    float[][] x = {
      {0.875f, 0.125f}, {0.625f, 0.125f}, {0.25f, 0f}, {0.75f, 0.5f}, {0f, 0f}, {0.5f, 0.25f}
    };
    List<Map<String, String>> attributes =
        Arrays.asList(
            Map.of("colour", "red", "shape", "cube"),
            Map.of("colour", "red", "shape", "sphere"),
            Map.of("colour", "blue", "shape", "cube"),
            Map.of("colour", "blue", "shape", "cube"),
            null,
            Map.of("colour", "green", "shape", "cylinder"));
    return new ConceptCatalogue.Input(
        "shared",
        "training samples",
        x,
        new int[] {1, 1, 0, 0, 0, 1},
        List.of("0", "1"),
        new int[] {0, 0, 0, 1, 1, 1},
        List.of("graph", "table"),
        attributes,
        IDS);
  }

  @Test
  void entryCountsLabelsGroupsAndPurestAttribute() {
    ConceptCatalogue.Entry c0 = ConceptCatalogue.of(handmade()).concepts().get(0);

    assertThat(c0.onCount()).isEqualTo(3);
    assertThat(c0.onFraction()).isEqualTo(0.5);
    assertThat(c0.labels())
        .containsExactly(
            new ConceptCatalogue.Share("0", 1, 1.0 / 3), new ConceptCatalogue.Share("1", 2, 2.0 / 3));
    assertThat(c0.groups())
        .containsExactly(
            new ConceptCatalogue.Share("graph", 2, 2.0 / 3),
            new ConceptCatalogue.Share("table", 1, 1.0 / 3));
    // colour=red and shape=cube both cover 2 of 3 on-rows: the smaller attribute name wins.
    assertThat(c0.purest()).contains(new ConceptCatalogue.AttributePurity("colour", "red", 2, 2.0 / 3));
    assertThat(c0.sentence())
        .isEqualTo(
            "shared concept 0: on for 50% of training samples, 67% of them label 1, "
                + "67% graph / 33% table; purest for colour=red (0.67)");
  }

  @Test
  void prototypesAreTheOnRowsNearestTheirCentroid() {
    ConceptCatalogue.Entry c0 = ConceptCatalogue.of(handmade()).concepts().get(0);

    // Centroid (0.75, 0.25): rows 0 and 1 are both sqrt(1/32) away (tie, lower row first), row 3
    // is 0.25 away.
    assertThat(c0.prototypes())
        .containsExactly(
            new ConceptCatalogue.Prototype(0, "g0", Math.sqrt(1.0 / 32)),
            new ConceptCatalogue.Prototype(1, "g1", Math.sqrt(1.0 / 32)),
            new ConceptCatalogue.Prototype(3, "t0", 0.25));
  }

  @Test
  void aConceptThatIsNeverOnSaysSo() {
    ConceptCatalogue.Entry c1 = ConceptCatalogue.of(handmade()).concepts().get(1);

    assertThat(c1.onCount()).isZero();
    assertThat(c1.prototypes()).isEmpty();
    assertThat(c1.purest()).isEmpty();
    assertThat(c1.sentence()).isEqualTo("shared concept 1: never on in the 6 training samples");
  }

  @Test
  void withoutGroupsOrAttributesTheSentenceIsShorter() {
    ConceptCatalogue.Input full = handmade();
    ConceptCatalogue.Input local =
        new ConceptCatalogue.Input(
            "table local", "samples", full.concepts(), full.labels(), List.of("no", "yes"),
            null, null, null, IDS);

    ConceptCatalogue.Entry c0 = ConceptCatalogue.of(local).concepts().get(0);

    assertThat(c0.groups()).isEmpty();
    assertThat(c0.sentence())
        .isEqualTo("table local concept 0: on for 50% of samples, 67% of them label yes");
  }

  @Test
  void patternPrototypesKeepTheFiveMostFrequentPatternsWithFiveMembers() {
    // Patterns over 3 concepts with sizes 9, 8, 7, 6, 5, 5 (111 ties 110: pattern order) and a
    // singleton: the five most frequent are kept, the 6th (5 members, but 6th) and the
    // singleton are not.
    String[] patterns = {"100", "010", "001", "011", "101", "110", "111"};
    int[] sizes = {9, 8, 7, 6, 5, 5, 1};
    List<float[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int p = 0; p < patterns.length; p++) {
      for (int m = 0; m < sizes[p]; m++) {
        float[] row = new float[3];
        for (int j = 0; j < 3; j++) {
          // Members spread a little around 0.2 / 0.8, member 0 the farthest out.
          float base = patterns[p].charAt(j) == '1' ? 0.8f : 0.2f;
          row[j] = base + (m == 0 ? 0.15f : 0.01f * m);
        }
        rows.add(row);
        labels.add(p % 2);
      }
    }
    float[][] x = rows.toArray(float[][]::new);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      ids.add("s" + i);
    }
    ConceptCatalogue catalogue =
        ConceptCatalogue.of(
            new ConceptCatalogue.Input(
                "combined", "samples", x, labels.stream().mapToInt(Integer::intValue).toArray(),
                List.of("even", "odd"), null, null, null, ids));

    assertThat(catalogue.patterns())
        .extracting(ConceptCatalogue.Pattern::pattern)
        .containsExactly("100", "010", "001", "011", "101");
    ConceptCatalogue.Pattern first = catalogue.patterns().get(0);
    assertThat(first.members()).isEqualTo(9);
    assertThat(first.labels())
        .containsExactly(new ConceptCatalogue.Share("even", 9, 1.0), new ConceptCatalogue.Share("odd", 0, 0.0));
    assertThat(first.prototypes()).hasSize(5);
    // Member 0 (row 0) is the outlier: never among the five nearest the centroid.
    assertThat(first.prototypes()).extracting(ConceptCatalogue.Prototype::row).doesNotContain(0);
    assertThat(first.prototypes()).allSatisfy(p -> assertThat(p.row()).isBetween(1, 8));
  }

  @Test
  void badInputIsRefused() {
    ConceptCatalogue.Input full = handmade();
    assertThatThrownBy(
            () ->
                ConceptCatalogue.of(
                    new ConceptCatalogue.Input(
                        "shared", "samples", full.concepts(), full.labels(), full.classNames(),
                        full.groups(), null, null, IDS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groups and groupNames must be given together");
    assertThatThrownBy(
            () ->
                ConceptCatalogue.of(
                    new ConceptCatalogue.Input(
                        "shared", "samples", full.concepts(), full.labels(), full.classNames(),
                        null, null, null, List.of("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("concepts has 6 rows but rowIds has 1");
  }
}
