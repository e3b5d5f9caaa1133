package io.sharcs.runner.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processor a run computed on, for {@code provenance.json}. PyTorch's CPU kernels (its own, MKL's
 * and oneDNN's) choose their code path by instruction set, and different paths round differently;
 * training amplifies the last bits, so the same seed gives other metrics on a processor with other
 * vector instructions. The provenance therefore names the processor, its vector extensions and the
 * environment variables that override those choices.
 *
 * @param model the model name the operating system reports, or "unknown"
 * @param vendor the vendor id, or "unknown"
 * @param vectorExtensions the vector instruction sets present, from {@link #VECTOR_FLAGS}
 * @param kernelEnvironment the set variables among {@link #KERNEL_VARIABLES}, by name
 */
public record Processor(
    String model, String vendor, List<String> vectorExtensions,
    Map<String, String> kernelEnvironment) {

  /** The cpuinfo flags that decide which kernels the numeric libraries use, in report order. */
  public static final List<String> VECTOR_FLAGS = List.of(
      "sse4_2", "avx", "fma", "avx2", "avx512f", "avx512bw", "avx512vl", "avx512_vnni",
      "avx512_bf16", "avx_vnni", "amx_tile", "amx_bf16", "asimd", "sve");

  /** Environment variables that pin or change the numeric libraries' code paths or threads. */
  public static final List<String> KERNEL_VARIABLES = List.of(
      "ATEN_CPU_CAPABILITY", "MKL_CBWR", "MKL_ENABLE_INSTRUCTIONS", "DNNL_MAX_CPU_ISA",
      "ONEDNN_MAX_CPU_ISA", "OMP_NUM_THREADS", "MKL_NUM_THREADS");

  private static final String UNKNOWN = "unknown";

  public Processor {
    vectorExtensions = List.copyOf(vectorExtensions);
    kernelEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(kernelEnvironment));
  }

  /** This machine's processor, read from {@code /proc/cpuinfo} where it exists. */
  public static Processor current() {
    String cpuinfo = "";
    Path file = Path.of("/proc/cpuinfo");
    if (Files.isReadable(file)) {
      try {
        cpuinfo = Files.readString(file);
      } catch (IOException | RuntimeException e) {
        cpuinfo = "";
      }
    }
    return parse(cpuinfo, System.getenv());
  }

  /**
   * Reads the first processor entry of a Linux {@code /proc/cpuinfo} text (x86's "model name" and
   * "flags", or ARM's "Features"); anything missing is reported as unknown or empty.
   */
  public static Processor parse(String cpuinfo, Map<String, String> environment) {
    String model = field(cpuinfo, "model name").orElse(UNKNOWN);
    String vendor = field(cpuinfo, "vendor_id").orElse(UNKNOWN);
    Set<String> flags = new TreeSet<>();
    field(cpuinfo, "flags").ifPresent(f -> flags.addAll(List.of(f.split("\\s+"))));
    field(cpuinfo, "Features").ifPresent(f -> flags.addAll(List.of(f.split("\\s+"))));
    List<String> vector = new ArrayList<>();
    for (String flag : VECTOR_FLAGS) {
      if (flags.contains(flag)) {
        vector.add(flag);
      }
    }
    Map<String, String> kernel = new LinkedHashMap<>();
    for (String name : KERNEL_VARIABLES) {
      String value = environment.get(name);
      if (value != null) {
        kernel.put(name, value);
      }
    }
    return new Processor(model, vendor, vector, kernel);
  }

  private static Optional<String> field(String cpuinfo, String name) {
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
        return Optional.of(line.substring(colon + 1).trim());
      }
    }
    return Optional.empty();
  }
}
