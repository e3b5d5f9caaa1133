package io.sharcs.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessorTest {

  private static final String X86 = """
      processor\t: 0
      vendor_id\t: AuthenticAMD
      model name\t: AMD EPYC 9R14
      flags\t\t: fpu sse sse2 sse4_2 avx avx2 fma avx512f avx512bw avx512vl avx512_vnni avx512_bf16
      
      processor\t: 1
      vendor_id\t: AuthenticAMD
      model name\t: something else
      flags\t\t: fpu
      """;

  @Test
  void readsTheFirstProcessorsModelAndVectorExtensionsInReportOrder() {
    Processor p = Processor.parse(X86, Map.of());

    assertThat(p.model()).isEqualTo("AMD EPYC 9R14");
    assertThat(p.vendor()).isEqualTo("AuthenticAMD");
    assertThat(p.vectorExtensions()).containsExactly(
        "sse4_2", "avx", "fma", "avx2", "avx512f", "avx512bw", "avx512vl", "avx512_vnni",
        "avx512_bf16");
    assertThat(p.kernelEnvironment()).isEmpty();
  }

  @Test
  void readsArmFeatures() {
    Processor p = Processor.parse("processor : 0\nFeatures : fp asimd evtstrm sve\n", Map.of());

    assertThat(p.model()).isEqualTo("unknown");
    assertThat(p.vectorExtensions()).containsExactly("asimd", "sve");
  }

  @Test
  void recordsOnlyTheKernelVariablesThatAreSetInTheirListedOrder() {
    Processor p = Processor.parse(
        "", Map.of("MKL_CBWR", "AVX2", "HOME", "/root", "ATEN_CPU_CAPABILITY", "avx2"));

    assertThat(p.model()).isEqualTo("unknown");
    assertThat(p.vectorExtensions()).isEmpty();
    assertThat(p.kernelEnvironment()).containsExactly(
        Map.entry("ATEN_CPU_CAPABILITY", "avx2"), Map.entry("MKL_CBWR", "AVX2"));
  }
}
