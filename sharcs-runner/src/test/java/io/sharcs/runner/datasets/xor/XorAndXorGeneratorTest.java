package io.sharcs.runner.datasets.xor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class XorAndXorGeneratorTest {

  private static List<XorAndXorSample> samples;

  @BeforeAll
  static void generate() {
    samples = new XorAndXorGenerator(0.2).generate(1000, 42L);
  }

  @Test
  void generatesTheRequestedCount() {
    assertThat(samples).hasSize(1000);
    assertThat(new XorAndXorGenerator(0.2).generate(0, 1L)).isEmpty();
  }

  @Test
  void labelIsOneExactlyForTheTwoXorAndXorPatterns() {
    for (XorAndXorSample s : samples) {
      boolean positive =
          (s.f1() == 1 && s.f2() == 0 && s.f3() == 1) || (s.f1() == 0 && s.f2() == 1 && s.f3() == 0);
      assertThat(s.label()).isEqualTo(positive ? 1 : 0);
      assertThat(s.label()).isEqualTo(((s.f1() != s.f2()) && (s.f2() != s.f3())) ? 1 : 0);
    }
  }

  @Test
  void tablesHoldTheirBitsAtPositionsOneAndFourAndRandomBitsElsewhere() {
    for (XorAndXorSample s : samples) {
      assertRow(s.table(), s.f1(), s.f2());
      assertRow(s.graphAsTable(), s.f3(), s.f2());
    }
  }

  @Test
  void randomTableBitsAreFairAndIndependentOfTheContent() {
    for (int column : new int[] {0, 2, 3, 5}) {
      double ones = samples.stream().mapToDouble(s -> s.table().get(column)).sum();
      assertThat(ones / samples.size()).as("column %d", column).isBetween(0.43, 0.57);
    }
    long differing =
        samples.stream().filter(s -> s.table().get(0) != s.graphAsTable().get(0)).count();
    assertThat(differing).isBetween(430L, 570L);
  }

  @Test
  void graphsEncodeTheirContentInTheirStructure() {
    for (XorAndXorSample s : samples) {
      XorGraphDecoder.Decoded graph = XorGraphDecoder.decode(s.graph());
      XorGraphDecoder.Decoded tableAsGraph = XorGraphDecoder.decode(s.tableAsGraph());

      assertThat(graph.contentKey()).isEqualTo(List.of(s.f3(), s.f2()));
      assertThat(tableAsGraph.contentKey()).isEqualTo(List.of(s.f1(), s.f2()));
      // Each rendering agrees with the other modality's rendering of the same content.
      assertThat(graph.contentKey()).isEqualTo(tableKey(s.graphAsTable()));
      assertThat(tableAsGraph.contentKey()).isEqualTo(tableKey(s.table()));
    }
  }

  @Test
  void cycleEdgesArePresentIffTheirBitIsSet() {
    for (XorAndXorSample s : samples) {
      Set<List<Integer>> edges = edgeSet(s.graph());
      assertThat(containsRing(edges, 0, 4)).isEqualTo(s.f2() == 1 || ringByNoise(s.graph(), 0, 4));
      assertThat(containsRing(edges, 4, 6)).isEqualTo(s.f3() == 1 || ringByNoise(s.graph(), 4, 6));
      for (int v = 0; v < 10; v++) {
        assertThat(edges).contains(List.of(v, v));
      }
    }
  }

  @Test
  void bridgeExistsIffBothCyclesDo() {
    for (XorAndXorSample s : samples) {
      XorGraphDecoder.Decoded d = XorGraphDecoder.decode(s.graph());
      int expected = 10 + 8 * s.f2() + 12 * s.f3() + 2 * (s.f2() & s.f3());
      assertThat(d.structureEdges()).isEqualTo(expected);
    }
  }

  @Test
  void noiseCandidatesFollowRoundOfTwentyPercentOfTheEdges() {
    long candidates = 0;
    long kept = 0;
    for (XorAndXorSample s : samples) {
      for (XorGraph g : List.of(s.graph(), s.tableAsGraph())) {
        XorGraphDecoder.Decoded d = XorGraphDecoder.decode(g);
        int drawn = RandomEdgeNoise.candidateCount(d.structureEdges(), 0.2);
        assertThat(drawn).isIn(2, 4, 6);
        assertThat(d.noisePairs()).isLessThanOrEqualTo(drawn);
        candidates += drawn;
        kept += d.noisePairs();
      }
    }
    // Each candidate survives with P(src < dst) = 45/100.
    assertThat((double) kept / candidates).isBetween(0.42, 0.48);
  }

  @Test
  void withoutNoiseTheGraphsAreExactlyTheirStructure() {
    for (XorAndXorSample s : new XorAndXorGenerator(0.0).generate(200, 5L)) {
      assertThat(XorGraphDecoder.decode(s.graph()).noisePairs()).isZero();
      assertThat(XorGraphDecoder.decode(s.tableAsGraph()).noisePairs()).isZero();
    }
  }

  @Test
  void nodeFeaturesAreTheBetweennessOfTheirNodes() {
    for (int i = 0; i < samples.size(); i++) {
      for (XorGraph g : List.of(samples.get(i).graph(), samples.get(i).tableAsGraph())) {
        double[] expected = Betweenness.centrality(10, g.edges());
        assertThat(g.features()).hasDimensions(10, 1);
        for (int v = 0; v < 10; v++) {
          assertThat(g.feature(v, 0)).isEqualTo((float) expected[v]);
        }
        if (i < 100) {
          double[] byDefinition = BruteForceBetweenness.centrality(10, g.edges());
          for (int v = 0; v < 10; v++) {
            assertThat((double) g.feature(v, 0)).isCloseTo(byDefinition[v], within(1e-7));
          }
        }
      }
    }
  }

  @Test
  void cleanFourCycleNodesHaveBetweennessOneSeventySecond() {
    XorAndXorSample s =
        new XorAndXorGenerator(0.0)
            .generate(100, 9L).stream()
                .filter(x -> x.f2() == 1 && x.f3() == 0)
                .findFirst()
                .orElseThrow();

    for (int v = 0; v < 4; v++) {
      assertThat(s.graph().feature(v, 0)).isEqualTo((float) (1.0 / 72));
    }
    for (int v = 4; v < 10; v++) {
      assertThat(s.graph().feature(v, 0)).isZero();
    }
  }

  @Test
  void bitsAreFairAndIndependent() {
    Set<List<Integer>> patterns = new HashSet<>();
    int[] ones = new int[3];
    for (XorAndXorSample s : samples) {
      patterns.add(List.of(s.f1(), s.f2(), s.f3()));
      ones[0] += s.f1();
      ones[1] += s.f2();
      ones[2] += s.f3();
    }
    assertThat(patterns).hasSize(8);
    for (int count : ones) {
      assertThat(count).isBetween(430, 570);
    }
  }

  @Test
  void sameSeedGivesTheSameSamplesAndAnotherSeedDifferentOnes() {
    XorAndXorGenerator generator = new XorAndXorGenerator(0.2);

    assertThat(generator.generate(1000, 42L)).isEqualTo(samples);
    assertThat(generator.generate(1000, 43L)).isNotEqualTo(samples);
  }

  private static void assertRow(XorRow row, int sixCycle, int fourCycle) {
    assertThat(row.width()).isEqualTo(6);
    assertThat(row.get(1)).isEqualTo((float) sixCycle);
    assertThat(row.get(4)).isEqualTo((float) fourCycle);
    for (float value : row.values()) {
      assertThat(value).isIn(0f, 1f);
    }
  }

  private static List<Integer> tableKey(XorRow row) {
    return List.of((int) row.get(1), (int) row.get(4));
  }

  private static Set<List<Integer>> edgeSet(XorGraph g) {
    Set<List<Integer>> set = new HashSet<>();
    for (int e = 0; e < g.edgeCount(); e++) {
      set.add(List.of(g.source(e), g.target(e)));
    }
    return set;
  }

  private static boolean containsRing(Set<List<Integer>> edges, int start, int size) {
    for (int i = 0; i < size; i++) {
      int a = start + i;
      int b = start + (i + 1) % size;
      if (!edges.contains(List.of(a, b)) || !edges.contains(List.of(b, a))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the noise pairs alone happen to close the whole ring (possible, very rare). */
  private static boolean ringByNoise(XorGraph g, int start, int size) {
    XorGraphDecoder.Decoded d = XorGraphDecoder.decode(g);
    Set<List<Integer>> noise = new HashSet<>();
    for (int e = d.structureEdges(); e < g.edgeCount(); e++) {
      noise.add(List.of(g.source(e), g.target(e)));
    }
    return containsRing(noise, start, size);
  }
}
