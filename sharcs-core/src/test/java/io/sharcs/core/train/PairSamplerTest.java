package io.sharcs.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class PairSamplerTest {

  /** A generator that counts its draws and always returns the same value. */
  private static final class Constant implements RandomGenerator {
    private final double value;
    int draws;

    Constant(double value) {
      this.value = value;
    }

    @Override
    public long nextLong() {
      throw new UnsupportedOperationException();
    }

    @Override
    public double nextDouble() {
      draws++;
      return value;
    }
  }

  private static List<Object[]> keys(Object[]... slots) {
    return List.of(slots);
  }

  @Test
  void probabilityZeroGivesNoPairs() {
    Object[] same = {"x", "x", "x", "x"};
    List<CrossModalPair> pairs =
        new PairSampler(0).sample(keys(same, same.clone(), same.clone()), new SplittableRandom(1));
    assertThat(pairs).isEmpty();
    // even a draw of exactly 0.0 does not pass a probability of 0
    assertThat(new PairSampler(0).sample(keys(same, same.clone()), new Constant(0.0))).isEmpty();
  }

  @Test
  void probabilityOnePairsEveryRowWithAnUnusedMatchTakingTheFirstInBatchOrder() {
    Object[] slot0 = {"a", "b", "a", "c", "a"};
    Object[] slot1 = {"a", "a", "c", "d", "a", "a", "b"};
    // rows of slot 1 in order: a -> 0, a -> 2, c -> 3, d -> none, a -> 4, a -> none (all used),
    // b -> 1
    List<CrossModalPair> pairs = new PairSampler(1).sample(keys(slot0, slot1), new Constant(0.999));
    assertThat(pairs)
        .containsExactly(
            new CrossModalPair(0, 0, 1, 0),
            new CrossModalPair(0, 2, 1, 1),
            new CrossModalPair(0, 3, 1, 2),
            new CrossModalPair(0, 4, 1, 4),
            new CrossModalPair(0, 1, 1, 6));
  }

  @Test
  void sameRowIndexMayPair() {
    Object[] slot0 = {1, 2, 3};
    Object[] slot1 = {1, 2, 3};
    assertThat(new PairSampler(1).sample(keys(slot0, slot1), new SplittableRandom(3)))
        .containsExactly(
            new CrossModalPair(0, 0, 1, 0), new CrossModalPair(0, 1, 1, 1), new CrossModalPair(0, 2, 1, 2));
  }

  @Test
  void rowsWithNullKeysNeverPair() {
    Object[] slot0 = {null, "k", null};
    Object[] slot1 = {null, null, "k", null};
    List<CrossModalPair> pairs = new PairSampler(1).sample(keys(slot0, slot1), new Constant(0.5));
    assertThat(pairs).containsExactly(new CrossModalPair(0, 1, 1, 2));
    Object[] allNull = {null, null};
    assertThat(new PairSampler(1).sample(keys(allNull, allNull.clone()), new Constant(0.5)))
        .isEmpty();
  }

  @Test
  void keysAreComparedWithEquals() {
    Object[] slot0 = {List.of(1, 0), List.of(0, 1)};
    Object[] slot1 = {new ArrayList<>(List.of(0, 1))};
    assertThat(new PairSampler(1).sample(keys(slot0, slot1), new Constant(0.1)))
        .containsExactly(new CrossModalPair(0, 1, 1, 0));
  }

  @Test
  void threeModalitiesPairEverySlotPairWithTheLowerSlotFirst() {
    Object[] s0 = {"p", "q"};
    Object[] s1 = {"q", "p"};
    Object[] s2 = {"p", "q"};
    Constant rng = new Constant(0.0);
    List<CrossModalPair> pairs = new PairSampler(1).sample(keys(s0, s1, s2), rng);
    assertThat(pairs)
        .containsExactlyInAnyOrder(
            // (0, 1)
            new CrossModalPair(0, 1, 1, 0),
            new CrossModalPair(0, 0, 1, 1),
            // (0, 2)
            new CrossModalPair(0, 0, 2, 0),
            new CrossModalPair(0, 1, 2, 1),
            // (1, 2)
            new CrossModalPair(1, 1, 2, 0),
            new CrossModalPair(1, 0, 2, 1));
    assertThat(pairs).allMatch(p -> p.modalityA() < p.modalityB());
    // one draw per row of the higher slot for each slot pair: slot 1 once, slot 2 twice
    assertThat(rng.draws).isEqualTo(2 + 2 * 2);
  }

  @Test
  void partnerUseIsTrackedPerSlotPair() {
    // row 0 of slot 0 is the only "x"; it can partner slot 1 and, separately, slot 2
    Object[] s0 = {"x"};
    Object[] s1 = {"x", "x"};
    Object[] s2 = {"x"};
    List<CrossModalPair> pairs = new PairSampler(1).sample(keys(s0, s1, s2), new Constant(0.3));
    assertThat(pairs)
        .containsExactlyInAnyOrder(
            new CrossModalPair(0, 0, 1, 0), new CrossModalPair(0, 0, 2, 0), new CrossModalPair(1, 0, 2, 0));
  }

  @Test
  void drawsOncePerRowEvenForRowsThatCannotPair() {
    Object[] s0 = {null, null, null};
    Object[] s1 = {null, "z", null, null};
    Constant rng = new Constant(0.5);
    new PairSampler(0.7).sample(keys(s0, s1), rng);
    assertThat(rng.draws).isEqualTo(4);
  }

  @Test
  void deterministicForASeededGeneratorAndDifferentAcrossSeeds() {
    SplittableRandom keysRng = new SplittableRandom(99);
    List<Object[]> k = randomKeys(keysRng, 3, 64, 4);
    PairSampler sampler = new PairSampler(0.4);
    List<CrossModalPair> first = sampler.sample(k, new SplittableRandom(5));
    List<CrossModalPair> second = sampler.sample(k, new SplittableRandom(5));
    assertThat(second).isEqualTo(first).isNotEmpty();
    List<CrossModalPair> other = sampler.sample(k, new SplittableRandom(6));
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void randomisedInvariants() {
    SplittableRandom meta = new SplittableRandom(2024);
    for (int trial = 0; trial < 300; trial++) {
      int slots = 2 + meta.nextInt(3);
      int rows = 1 + meta.nextInt(20);
      int alphabet = 1 + meta.nextInt(5);
      double probability = meta.nextInt(4) == 0 ? 1.0 : meta.nextDouble();
      List<Object[]> k = randomKeys(meta, slots, rows, alphabet);
      long seed = meta.nextLong();
      List<CrossModalPair> pairs = new PairSampler(probability).sample(k, new SplittableRandom(seed));
      assertThat(new PairSampler(probability).sample(k, new SplittableRandom(seed)))
          .isEqualTo(pairs);
      checkInvariants(k, pairs, probability == 1.0);
    }
  }

  @Test
  void fractionOfSeekingRowsIsAboutTheProbability() {
    int rows = 20_000;
    Object[] same = new Object[rows];
    java.util.Arrays.fill(same, "k");
    List<CrossModalPair> pairs =
        new PairSampler(0.1).sample(keys(same, same.clone()), new SplittableRandom(11));
    // every seeking row finds a partner; binomial sd is about 42
    assertThat(pairs.size()).isBetween(1800, 2200);
  }

  @Test
  void rejectsProbabilitiesOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new PairSampler(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PairSampler(-0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PairSampler(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Object[]> randomKeys(
      SplittableRandom rng, int slots, int rows, int alphabet) {
    List<Object[]> out = new ArrayList<>();
    for (int s = 0; s < slots; s++) {
      Object[] k = new Object[rows];
      for (int r = 0; r < rows; r++) {
        int v = rng.nextInt(alphabet + 1);
        k[r] = v == alphabet ? null : "key" + v; // some nulls
      }
      out.add(k);
    }
    return out;
  }

  private static void checkInvariants(
      List<Object[]> keys, List<CrossModalPair> pairs, boolean everyRowSeeks) {
    int slots = keys.size();
    for (int a = 0; a < slots; a++) {
      for (int b = a + 1; b < slots; b++) {
        List<CrossModalPair> ab = new ArrayList<>();
        for (CrossModalPair p : pairs) {
          if (p.modalityA() == a && p.modalityB() == b) {
            ab.add(p);
          }
        }
        Object[] keysA = keys.get(a);
        Object[] keysB = keys.get(b);
        Set<Integer> usedA = new HashSet<>();
        Set<Integer> usedB = new HashSet<>();
        int lastRowB = -1;
        for (CrossModalPair p : ab) {
          assertThat(keysB[p.rowB()]).isNotNull();
          assertThat(keysA[p.rowA()]).isEqualTo(keysB[p.rowB()]);
          assertThat(usedA.add(p.rowA())).as("partner %s used once", p).isTrue();
          assertThat(usedB.add(p.rowB())).as("row %s pairs once", p).isTrue();
          assertThat(p.rowB()).as("pairs come in batch order").isGreaterThan(lastRowB);
          lastRowB = p.rowB();
          // first match: every earlier row of slot a with the same key was already taken
          for (int j = 0; j < p.rowA(); j++) {
            if (Objects.equals(keysA[j], keysB[p.rowB()])) {
              int jj = j;
              assertThat(ab.stream().anyMatch(q -> q.rowA() == jj && q.rowB() < p.rowB()))
                  .as("earlier match %d of %s was used before", j, p)
                  .isTrue();
            }
          }
        }
        if (everyRowSeeks) {
          // maximal: an unpaired keyed row has no unused match left
          for (int i = 0; i < keysB.length; i++) {
            if (keysB[i] == null || usedB.contains(i)) {
              continue;
            }
            for (int j = 0; j < keysA.length; j++) {
              if (Objects.equals(keysA[j], keysB[i])) {
                assertThat(usedA).as("row %d of slot %d left unpaired", i, b).contains(j);
              }
            }
          }
        }
      }
    }
    for (CrossModalPair p : pairs) {
      assertThat(p.modalityA()).isLessThan(p.modalityB());
    }
  }
}
