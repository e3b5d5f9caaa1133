package io.sharcs.runner.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.core.train.EpochReport;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.run.ExperimentRunner;
import io.sharcs.runner.run.RunRequest;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.TrainingPipeline;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An experiment to train: read from an experiment file ({@link Sharcs#experiment(Path)}) or
 * written in code ({@link Sharcs#experiment(String)}), with changes by dotted path as {@code
 * sharcs run --set} makes them. {@link #train} runs it exactly as {@code sharcs run} does (same
 * validation, same run folder, same model) and calls the listener after every epoch.
 *
 * <p>Values are given as plain Java values that Jackson maps to the experiment's JSON form
 * (numbers, strings, booleans, lists, maps). A {@link Path} value is written as an absolute path,
 * so a data file named relative to the program's working directory is found whatever folder the
 * experiment lives in. Not thread-safe; DJL's random generator is global, so trainings of one JVM
 * run one at a time.
 */
public final class ExperimentBuilder {

  /** DJL's engine RNG and gradient collector are global: one training per JVM at a time. */
  private static final Object TRAINING = new Object();

  private final Path file;
  private final ObjectNode content;
  private final List<String> sets = new ArrayList<>();
  private Consumer<EpochReport> listener = r -> {};
  private PrintStream log = new PrintStream(OutputStream.nullOutputStream(), true,
      StandardCharsets.UTF_8);

  private ExperimentBuilder(Path file, ObjectNode content) {
    this.file = file;
    this.content = content;
  }

  /** An experiment read from {@code file} when it is trained. */
  static ExperimentBuilder fromFile(Path file) {
    return new ExperimentBuilder(Objects.requireNonNull(file, "file"), null);
  }

  /** An empty experiment named {@code name}, filled in code. */
  static ExperimentBuilder inCode(String name) {
    ObjectNode root = ConfigMappers.json().createObjectNode();
    root.put("name", requireText(name, "name"));
    root.putArray("modalities");
    return new ExperimentBuilder(null, root);
  }

  /**
   * Sets the data set: its provider id ({@code type}) and that provider's options.
   *
   * @throws SharcsException for an experiment read from a file (use {@link #set} there)
   */
  public ExperimentBuilder dataset(String type, Map<String, ?> options) {
    ObjectNode dataset = requireInCode("dataset").putObject("dataset");
    dataset.put("type", requireText(type, "dataset type"));
    dataset.setAll(object(options, "dataset options"));
    return this;
  }

  /**
   * Adds a modality: its name in the data set, the plugin id that handles it, and the plugin's
   * options as the experiment file writes them (e.g. {@code encoder: {hidden: [30]}}).
   *
   * @throws SharcsException for an experiment read from a file (use {@link #set} there)
   */
  public ExperimentBuilder modality(String name, String plugin, Map<String, ?> options) {
    ObjectNode modality = ((com.fasterxml.jackson.databind.node.ArrayNode)
        requireInCode("modality").get("modalities")).addObject();
    modality.put("name", requireText(name, "modality name"));
    modality.put("plugin", requireText(plugin, "plugin id"));
    modality.setAll(object(options, "modality options"));
    return this;
  }

  /**
   * Sets one value by dotted path, as {@code sharcs run --set key=value}: e.g. {@code
   * set("training.epochs", 20)}, {@code set("seed", 42)}, {@code set("mode", "multi-cbm")},
   * {@code set("modalities.1.encoder.hidden", List.of(20, 20))}. Applied in call order after the
   * file or the in-code settings.
   */
  public ExperimentBuilder set(String key, Object value) {
    requireText(key, "key");
    try {
      sets.add(key + "=" + ConfigMappers.json().writeValueAsString(jsonValue(value)));
    } catch (JsonProcessingException e) {
      throw new SharcsException(key + ": cannot be written as JSON (" + e.getOriginalMessage()
          + ")", true, e);
    }
    return this;
  }

  /** Calls {@code listener} after every training epoch, on the training thread. */
  public ExperimentBuilder onEpoch(Consumer<EpochReport> listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Where the lines {@code sharcs run} prints go (the data set line, one line per epoch, the
   * summary); by default nowhere.
   */
  public ExperimentBuilder log(PrintStream out) {
    this.log = Objects.requireNonNull(out, "out");
    return this;
  }

  /**
   * Trains and evaluates the experiment into {@code runDirectory}, as {@code sharcs run --out
   * runDirectory} does: the folder receives the resolved config, provenance, the model, the
   * explanations and, last, {@code metrics.json}; an existing run folder is replaced only when
   * the new run succeeds.
   *
   * @return the run folder (absolute), ready for {@link Sharcs#load}
   * @throws SharcsException with one line on bad input (experiment, data, plugins) or a failure
   */
  public Path train(Path runDirectory) {
    Objects.requireNonNull(runDirectory, "runDirectory");
    Path workingDirectory = Path.of("").toAbsolutePath();
    Path temporary = null;
    try {
      Path experiment = file;
      if (experiment == null) {
        temporary = Files.createTempDirectory("sharcs-experiment");
        experiment = temporary.resolve(content.get("name").asText() + ".json");
        Files.writeString(experiment, ConfigMappers.json().writerWithDefaultPrettyPrinter()
            .writeValueAsString(content), StandardCharsets.UTF_8);
      }
      List<String> arguments = new ArrayList<>(List.of("api", "train",
          experiment.toString(), "--out", runDirectory.toString()));
      sets.forEach(s -> arguments.addAll(List.of("--set", s)));
      Consumer<EpochReport> callback = listener;
      TrainingPipeline pipeline = (data, bindings, settings, progress, model) ->
          TrainingPipeline.sharcs().run(data, bindings, settings, progress.andThen(callback),
              model);
      RunnerEnvironment env = RunnerEnvironment.system()
          .withPipeline(pipeline).withWorkingDirectory(workingDirectory);
      RunRequest request = new RunRequest(experiment.toAbsolutePath().toString(), null, null,
          runDirectory.toAbsolutePath().toString(), sets, arguments);
      synchronized (TRAINING) {
        return new ExperimentRunner(env, Plugins.registry(env.plugins().get()), log)
            .run(request);
      }
    } catch (IOException e) {
      throw new SharcsException("cannot write the experiment to a temporary file ("
          + e.getMessage() + ")", false, e);
    } catch (UncheckedIOException e) {
      throw new SharcsException(e.getMessage(), false, e);
    } catch (RuntimeException e) {
      throw SharcsException.wrap(e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private ObjectNode requireInCode(String what) {
    if (content == null) {
      throw new SharcsException(what + "(...): the experiment is read from " + file
          + ", expected set(key, value) to change it", true, null);
    }
    return content;
  }

  private static ObjectNode object(Map<String, ?> options, String what) {
    if (options == null) {
      return ConfigMappers.json().createObjectNode();
    }
    JsonNode node = jsonValue(options);
    if (!node.isObject()) {
      throw new SharcsException(what + ": expected a map", true, null);
    }
    return (ObjectNode) node;
  }

  /** {@code value} as JSON, with every {@link Path} inside made absolute. */
  static JsonNode jsonValue(Object value) {
    ObjectMapper json = ConfigMappers.json();
    return json.valueToTree(absolutePaths(value));
  }

  private static Object absolutePaths(Object value) {
    if (value instanceof Path p) {
      return p.toAbsolutePath().normalize().toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, absolutePaths(v)));
      return copy;
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(ExperimentBuilder::absolutePaths).toList();
    }
    return value;
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new SharcsException(what + ": got " + (value == null ? "null" : "''")
          + ", expected a non-empty text", true, null);
    }
    return value;
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null) {
      return;
    }
    try (var files = Files.list(directory)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // A leftover temporary experiment file harms nothing; the run's result stands.
    }
  }
}
