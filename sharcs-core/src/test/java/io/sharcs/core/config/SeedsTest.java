package io.sharcs.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {

  @Test
  void deriveIsAStableFunctionOfMasterAndStream() {
    assertThat(Seeds.derive(42, "shuffle")).isEqualTo(Seeds.derive(42, "shuffle"));
    assertThat(Seeds.engineSeed(42)).isEqualTo(Seeds.engineSeed(42));
  }

  @Test
  void differsByStreamName() {
    Set<Long> seeds = new HashSet<>();
    for (String stream : new String[] {"engine", "shuffle", "pairs", "analysis", "reference-eval", ""}) {
      seeds.add(Seeds.derive(7, stream));
    }
    assertThat(seeds).hasSize(6);
    assertThat(Seeds.derive(7, "ab")).isNotEqualTo(Seeds.derive(7, "ba"));
  }

  @Test
  void differsByMasterSeedIncludingNeighboursAndZero() {
    Set<Long> seeds = new HashSet<>();
    for (long master = -50; master <= 50; master++) {
      seeds.add(Seeds.derive(master, "pairs"));
    }
    assertThat(seeds).hasSize(101);
    assertThat(Seeds.derive(0, "pairs")).isNotEqualTo(Seeds.derive(0, "shuffle"));
  }

  @Test
  void engineSeedIsANonNegativeIntDerivedFromTheEngineStream() {
    for (long master = 0; master < 200; master++) {
      int s = Seeds.engineSeed(master);
      assertThat(s).isGreaterThanOrEqualTo(0);
      assertThat((long) s).isEqualTo(Seeds.derive(master, "engine") & 0x7fffffffL);
    }
  }
}
