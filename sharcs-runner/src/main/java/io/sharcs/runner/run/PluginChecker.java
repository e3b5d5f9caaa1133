package io.sharcs.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.testkit.ConformanceReport;
import io.sharcs.api.testkit.PluginConformance;
import io.sharcs.runner.config.ConfigBinder;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.config.ConfigPath;
import io.sharcs.runner.config.ConfigTrees;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.config.RuntimeConfig;
import io.sharcs.runner.plugins.BrokenPlugin;
import io.sharcs.runner.plugins.PluginRegistry;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code sharcs plugins --check ID --sample FILE... [--encoder MAPPING]}: runs the plugin authors'
 * conformance kit ({@link PluginConformance}) on a modality plugin as this command line found it
 * (built in, or from a jar of a plugin folder), on samples from the user's files, with the
 * plugin's default encoder options or the given ones bound as an experiment file's {@code
 * encoder:} block is. The kit decides what passes; this class only finds its inputs and turns
 * bad ones into one-line {@link InputError}s.
 */
public final class PluginChecker {

  /** The option naming the plugin. */
  public static final String CHECK = "--check";
  /** The option naming a file of samples. */
  public static final String SAMPLE = "--sample";
  /** The option giving encoder options. */
  public static final String ENCODER = "--encoder";

  private static final String SAMPLE_FORM =
      "a JSON or YAML list of samples, each as the plugin reads it from a data file";

  private final PluginRegistry registry;
  private final RunnerEnvironment env;

  /**
   * @param registry the plugins found, from the plugin folders too
   * @param env the working directory sample files resolve against
   */
  @Inject
  public PluginChecker(PluginRegistry registry, RunnerEnvironment env) {
    this.registry = registry;
    this.env = env;
  }

  /**
   * What was checked and how it went.
   *
   * @param plugin the plugin checked
   * @param origin where it came from: a jar's path or {@code built-in}
   * @param samples the number of samples the kit was given
   * @param options the encoder options used, as their config tree (JSON)
   * @param report the kit's report, step by step
   */
  public record Result(ModalityDefinition<?, ?> plugin, String origin, int samples,
      String options, ConformanceReport report) {
    public Result {
      Objects.requireNonNull(plugin, "plugin");
      Objects.requireNonNull(report, "report");
    }
  }

  /**
   * Checks the modality plugin {@code id}.
   *
   * @param id the modality plugin id
   * @param sampleFiles the files of samples as the user named them, at least two samples in all
   * @param encoder the encoder options as a YAML mapping, or null for the plugin's defaults
   * @throws InputError for an unknown id, missing or unreadable sample files, fewer than two
   *     samples, or options the plugin's options type does not accept
   * @throws InvalidInputException with the plugin reader's message for a sample it refuses
   */
  public Result check(String id, List<String> sampleFiles, String encoder) {
    ModalityDefinition<?, ?> plugin = registry.modality(id).orElseThrow(() -> new InputError(
        null, CHECK, "got '" + id + "', expected "
            + (registry.modalities().isEmpty() ? "a modality plugin id, but none is installed"
                : "one of " + registry.modalityIds())
            + " (plugins are looked for in: " + registry.searched() + ")" + broken()));
    if (sampleFiles.isEmpty()) {
      // The plugin SPI has no example samples, so they must come from the user.
      throw new InputError(null, SAMPLE, "missing, expected " + SAMPLE + " FILE with at least two"
          + " samples for plugin '" + id + "': " + SAMPLE_FORM);
    }
    List<JsonNode> samples = new ArrayList<>();
    for (String file : sampleFiles) {
      List<JsonNode> read = read(file);
      for (int i = 0; i < read.size(); i++) {
        refused(plugin, read.get(i), file + " [" + i + "]");
      }
      samples.addAll(read);
    }
    if (samples.size() < 2) {
      throw new InputError(String.join(", ", sampleFiles), null, "got " + samples.size()
          + " sample, expected at least 2 (batch normalisation in training mode needs two)");
    }
    EncoderConfig options = options(plugin, encoder);
    String shown = ConfigMappers.json().valueToTree(options).toString();
    // The kit creates DJL arrays: one thread and offline, as a run without a runtime block.
    DjlRuntime.configure(RuntimeConfig.DEFAULTS);
    ConformanceReport report = PluginConformance.check(plugin.plugin(), samples, options);
    return new Result(plugin, registry.origin(plugin), samples.size(), shown, report);
  }

  /** The samples of one file: its root must be a list. */
  private List<JsonNode> read(String shown) {
    Path file = env.workingDirectory().resolve(shown).normalize();
    if (!Files.isRegularFile(file)) {
      throw new InputError(shown, null, "file not found, expected " + SAMPLE_FORM);
    }
    JsonNode root;
    try {
      root = ConfigMappers.forFile(file).readTree(file.toFile());
    } catch (IOException e) {
      throw new InputError(shown, null, "not valid " + (ConfigMappers.isYaml(file) ? "YAML" : "JSON")
          + " (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "), expected "
          + SAMPLE_FORM, e);
    }
    if (root == null || !root.isArray() || root.isEmpty()) {
      throw new InputError(shown, null, "got "
          + (root != null && root.isArray() ? "an empty list" : ConfigTrees.describe(root))
          + ", expected " + SAMPLE_FORM + " (a table row is itself a list: [[0.5, 1], [2, 0]])");
    }
    List<JsonNode> samples = new ArrayList<>();
    root.forEach(samples::add);
    return samples;
  }

  /**
   * Fails with the plugin's own message when its reader refuses {@code sample}: a sample the
   * plugin rightly rejects is the user's mistake, to be named by file and position, not a failed
   * {@code read} check of the plugin. Anything else the reader does (another exception, a value
   * of the wrong type) is left to the kit to judge.
   */
  private static void refused(ModalityDefinition<?, ?> plugin, JsonNode sample, String where) {
    try {
      plugin.reader().read(sample, where);
    } catch (InvalidInputException e) {
      throw e; // one line, exit 2: "<file> [i]: found ..., expected ..."
    } catch (RuntimeException e) {
      // The kit's read check reports it as the plugin's fault.
    }
  }

  /** The plugin's defaults, with {@code encoder} laid over them as an experiment's block is. */
  private static EncoderConfig options(ModalityDefinition<?, ?> plugin, String encoder) {
    if (encoder == null) {
      return plugin.defaults();
    }
    ObjectMapper yaml = ConfigMappers.yaml();
    JsonNode given;
    try {
      given = yaml.readTree(encoder);
    } catch (IOException e) {
      throw new InputError(null, ENCODER, "got '" + encoder + "', not valid YAML ("
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
          + "), expected a mapping such as {hidden: [16]}", e);
    }
    if (!ConfigTrees.isEmpty(given) && !given.isObject()) {
      throw new InputError(null, ENCODER, "got " + ConfigTrees.describe(given)
          + ", expected a mapping such as {hidden: [16]}");
    }
    JsonNode defaults = yaml.valueToTree(plugin.defaults());
    ObjectNode merged = ConfigTrees.merge(
        defaults instanceof ObjectNode o ? o : yaml.createObjectNode(), given);
    return new ConfigBinder(yaml, ENCODER).bind(merged, plugin.optionsType(), ConfigPath.root());
  }

  /** A note on broken plugins, which may be the one asked for; empty when there are none. */
  private String broken() {
    List<BrokenPlugin> broken = registry.broken();
    if (broken.isEmpty()) {
      return "";
    }
    return "; broken: " + broken.get(0).line()
        + (broken.size() == 1 ? "" : " (and " + (broken.size() - 1) + " more; 'sharcs plugins'"
            + " lists them)");
  }
}
