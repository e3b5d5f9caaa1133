package io.sharcs.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConceptMapTest {

  /** Short runs keep the suite quick where only determinism and shape are checked. */
  private static ConceptMap.Options quick(long seed) {
    return new ConceptMap.Options(2_000, 30, 300, 0.5, seed);
  }

  /** {@code n} rows near 0.1 in every column, then {@code n} rows near 0.9. */
  private static float[][] twoClusters(int n, int width, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] rows = new float[2 * n][width];
    for (int i = 0; i < 2 * n; i++) {
      float centre = i < n ? 0.1f : 0.9f;
      for (int j = 0; j < width; j++) {
        rows[i][j] = centre + (float) (rng.nextDouble() - 0.5) * 0.1f;
      }
    }
    return rows;
  }

  @Test
  void sameSeedSameMapOtherSeedOtherMap() {
    float[][] x = twoClusters(40, 8, 1);

    ConceptMap a = ConceptMap.of(x, quick(7));
    ConceptMap b = ConceptMap.of(x, quick(7));
    ConceptMap c = ConceptMap.of(x, quick(8));

    assertThat(a).isEqualTo(b);
    assertThat(a.points()).isNotEqualTo(c.points());
    assertThat(a.rows()).isEqualTo(IntStream.range(0, 80).boxed().toList());
    assertThat(a.totalRows()).isEqualTo(80);
  }

  /** Above {@link ConceptMap#EXACT_LIMIT} rows the Barnes-Hut library maps them, seeded too. */
  @Test
  void barnesHutMapsAreSeededToo() {
    float[][] x = twoClusters(260, 4, 4);
    ConceptMap.Options options = new ConceptMap.Options(2_000, 30, 260, 0.5, 5);

    ConceptMap a = ConceptMap.of(x, options);

    assertThat(a.points()).hasSize(520);
    assertThat(ConceptMap.of(x, options)).isEqualTo(a);
    assertThat(ConceptMap.of(x, new ConceptMap.Options(2_000, 30, 260, 0.5, 6)).points())
        .isNotEqualTo(a.points());
  }

  /** Full 1,000-iteration runs on both paths (exact below the limit, Barnes-Hut above). */
  @Test
  void wellSeparatedClustersStaySeparated() {
    for (int perCluster : new int[] {50, 260}) {
      ConceptMap map =
          ConceptMap.of(twoClusters(perCluster, 8, 2), ConceptMap.Options.defaults(3));
      assertSeparated(map.points(), perCluster);
    }
  }

  private static void assertSeparated(List<ConceptMap.Point> p, int perCluster) {
    double[] first = centroid(p.subList(0, perCluster));
    double[] second = centroid(p.subList(perCluster, 2 * perCluster));
    for (int i = 0; i < p.size(); i++) {
      double toFirst = distance(p.get(i), first);
      double toSecond = distance(p.get(i), second);
      if (i < perCluster) {
        assertThat(toFirst).as("point %d of %d", i, p.size()).isLessThan(toSecond);
      } else {
        assertThat(toSecond).as("point %d of %d", i, p.size()).isLessThan(toFirst);
      }
    }
  }

  @Test
  void largeSetsAreSubsampledBySeed() {
    float[][] x = twoClusters(150, 4, 3);
    ConceptMap.Options options = new ConceptMap.Options(60, 30, 250, 0.5, 11);

    ConceptMap map = ConceptMap.of(x, options);

    List<Integer> rows = map.rows();
    assertThat(rows).hasSize(60).isSorted().doesNotHaveDuplicates();
    assertThat(rows).allSatisfy(r -> assertThat(r).isBetween(0, 299));
    assertThat(map.totalRows()).isEqualTo(300);
    assertThat(ConceptMap.of(x, options)).isEqualTo(map);
    assertThat(ConceptMap.keptRows(300, 60, 12)).isNotEqualTo(ConceptMap.keptRows(300, 60, 11));
  }

  @Test
  void tinySetsClampThePerplexity() {
    for (int n = 1; n <= 6; n++) {
      float[][] rows = Arrays.copyOf(twoClusters(n, 3, n), n);

      ConceptMap map = ConceptMap.of(rows, quick(1));

      assertThat(map.points()).hasSize(n);
      assertThat(map.points()).allSatisfy(p -> {
        assertThat(p.x()).isFinite();
        assertThat(p.y()).isFinite();
      });
      assertThat(3 * map.perplexity()).isLessThanOrEqualTo(Math.max(0, n - 1));
    }
  }

  @Test
  void identicalRowsAllMapToTheOrigin() {
    float[][] x = new float[5][4];

    ConceptMap map = ConceptMap.of(x, quick(1));

    assertThat(map.points()).allSatisfy(p -> assertThat(p.x()).isZero());
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> ConceptMap.of(new float[][] {{1f, Float.NaN}}, quick(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("concepts[0][1] is NaN; t-SNE needs finite values");
    assertThatThrownBy(() -> new ConceptMap.Options(0, 30, 10, 0.5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPoints must be >= 1, got 0");
  }

  private static double[] centroid(List<ConceptMap.Point> points) {
    double x = 0;
    double y = 0;
    for (ConceptMap.Point p : points) {
      x += p.x();
      y += p.y();
    }
    return new double[] {x / points.size(), y / points.size()};
  }

  private static double distance(ConceptMap.Point p, double[] c) {
    return Math.hypot(p.x() - c[0], p.y() - c[1]);
  }
}
