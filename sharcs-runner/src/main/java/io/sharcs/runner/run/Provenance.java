package io.sharcs.runner.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.api.DatasetProvider;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.runner.config.Experiment;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds {@code provenance.json}: which code (sharcs version, git commit, DJL and engine, plugins),
 * which machine (Java, OS, processor model and vector extensions, processors, threads), which
 * inputs (experiment file and its SHA-256, command line, seed, data set fingerprint) and when.
 */
public final class Provenance {

  /** Version of the provenance file layout. */
  public static final int FORMAT_VERSION = 1;

  private Provenance() {}

  /** The provenance of {@code run}. */
  public static ObjectNode of(RunRecord run, ObjectMapper mapper) {
    Experiment e = run.experiment();
    ObjectNode root = mapper.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("sharcs_version", Versions.sharcs());
    root.put("git_commit", run.gitCommit());
    root.put("djl_version", Versions.djl());
    ObjectNode engine = root.putObject("engine");
    new TreeMap<>(run.result().engine()).forEach(engine::put);

    ObjectNode java = root.putObject("java");
    java.put("version", System.getProperty("java.version"));
    java.put("vendor", System.getProperty("java.vendor"));
    java.put("vm", System.getProperty("java.vm.name"));
    java.put("vm_version", System.getProperty("java.vm.version"));
    ObjectNode os = root.putObject("os");
    os.put("name", System.getProperty("os.name"));
    os.put("version", System.getProperty("os.version"));
    os.put("arch", System.getProperty("os.arch"));
    root.put("available_processors", Runtime.getRuntime().availableProcessors());
    Processor cpu = run.processor();
    ObjectNode processor = root.putObject("processor");
    processor.put("model", cpu.model());
    processor.put("vendor", cpu.vendor());
    ArrayNode vector = processor.putArray("vector_extensions");
    cpu.vectorExtensions().forEach(vector::add);
    ObjectNode kernel = processor.putObject("kernel_environment");
    cpu.kernelEnvironment().forEach(kernel::put);
    root.put("threads", run.threads());
    root.put("threads_setting", e.runtime().threads().toString());

    root.put("experiment", e.name());
    root.put("mode", e.mode().id());
    root.put("protocol", e.protocol().id());
    root.put("seed", e.seed());
    ObjectNode dataset = root.putObject("dataset");
    dataset.put("name", run.dataset().name());
    dataset.put("fingerprint", run.dataset().fingerprint());
    dataset.put("provider", e.dataset().provider().id());
    ObjectNode file = root.putObject("experiment_file");
    file.put("path", run.experimentFileName());
    file.put("absolute_path", run.experimentFile().toString());
    file.put("sha256", Sha256.of(run.experimentFile()));
    ArrayNode args = root.putArray("command_line");
    run.arguments().forEach(args::add);

    ArrayNode plugins = root.putArray("plugins");
    Set<ModalityDefinition<?, ?>> used = new LinkedHashSet<>();
    e.modalities().forEach(m -> used.add(m.modality()));
    for (ModalityDefinition<?, ?> p : used) {
      plugin(plugins, "modality", p.id(), p.version(), p.plugin().getClass());
    }
    DatasetProvider provider = e.dataset().provider();
    plugin(plugins, "dataset", provider.id(), Versions.of(provider.getClass()), provider.getClass());

    root.put("start_time", run.start().toString());
    root.put("end_time", run.end().toString());
    return root;
  }

  private static void plugin(ArrayNode plugins, String kind, String id, String version,
      Class<?> type) {
    ObjectNode n = plugins.addObject();
    n.put("kind", kind);
    n.put("id", id);
    n.put("version", version);
    n.put("class", type.getName());
  }
}
