package io.sharcs.api.testkit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.FittedModality;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.PreprocessingData;
import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import io.sharcs.api.SampleForm;
import io.sharcs.api.testkit.ConformanceReport.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A conformance check for a {@link ModalityPlugin}, for the plugin's own tests (JUnit or any
 * other: failures are an {@link AssertionError} or a {@link ConformanceReport}). Given a few
 * samples as JSON, it does what sharcs will do with the plugin and names the first thing that
 * breaks the contract:
 *
 * <ol>
 *   <li>{@code setup}: {@link ModalityDefinition#of} accepts the plugin's setup;
 *   <li>{@code read}: every sample is read into the declared sample type, and a JSON null is
 *       refused with an {@link InvalidInputException} naming the location (not a
 *       NullPointerException);
 *   <li>{@code sample form}: the samples have the declared {@link SampleForm} (a list of numbers
 *       of one width, a non-blank string), so a data set written as a manifest reads back;
 *   <li>{@code fit}: the preprocessing inspects and fits on the samples;
 *   <li>{@code batch}: the preprocessor's batch holds arrays whose first dimension is the number
 *       of samples, and the same samples give the same batch twice;
 *   <li>{@code forward concepts} and {@code forward embedding}: each encoder, initialised with the
 *       batch's shapes, outputs one array of shape (B, width) in evaluation and in training mode;
 *   <li>{@code determinism}: the concept encoder in evaluation mode gives the same output twice;
 *   <li>{@code save/load}: the preprocessing saved and loaded again batches the samples into the
 *       same tensors;
 *   <li>{@code render}: a plugin with a renderer draws the first sample (not a failure message).
 * </ol>
 *
 * <p>Needs a DJL engine at test time (e.g. {@code ai.djl.pytorch:pytorch-engine} and its native
 * library in test scope). It seeds the engine's JVM-global random generator, so it must not run
 * in parallel with other DJL work in the same JVM.
 *
 * <pre>{@code
 * @Test
 * void conforms() {
 *   PluginConformance.assertConforms(new SeriesPlugin(),
 *       List.of(json("[0,1,2,3,4,5]"), json("[5,4,3,2,1,0]"), json("[1,1,1,1,1,1]")));
 * }
 * }</pre>
 */
public final class PluginConformance {

  /** The concept width k the encoders are asked for. */
  public static final int CONCEPTS = 3;
  /** The embedding width the embedding encoder is asked for. */
  public static final int EMBEDDING = 5;

  private PluginConformance() {}

  /**
   * Checks {@code plugin} on {@code samples} with its default options.
   *
   * @param samples at least two samples, each as its data files write it
   * @throws AssertionError naming every failed step, with the whole report
   */
  public static void assertConforms(ModalityPlugin<?, ?> plugin, List<JsonNode> samples) {
    check(plugin, samples, null).assertPassed();
  }

  /**
   * Checks {@code plugin} on {@code samples}.
   *
   * @param samples at least two samples (batch normalisation in training mode needs two)
   * @param options the encoder options to use, or null for the plugin's defaults
   * @return every step that ran, passed or failed
   */
  public static ConformanceReport check(
      ModalityPlugin<?, ?> plugin, List<JsonNode> samples, EncoderConfig options) {
    if (samples.size() < 2) {
      throw new IllegalArgumentException(
          "got " + samples.size() + " sample(s), expected at least 2");
    }
    List<Step> steps = new ArrayList<>();
    ModalityDefinition<?, ?> definition;
    try {
      definition = ModalityDefinition.of(plugin);
      steps.add(new Step("setup", true, "id '" + definition.id() + "', samples "
          + definition.sampleType().getSimpleName() + ", options "
          + definition.optionsType().getSimpleName()));
    } catch (RuntimeException | LinkageError e) {
      steps.add(new Step("setup", false, describe(e)));
      return new ConformanceReport(plugin.getClass().getName(), steps);
    }
    new Run<>(definition, samples, options, steps).run();
    return new ConformanceReport(definition.id(), steps);
  }

  /** One check run, typed by the plugin's sample and options types. */
  private static final class Run<S, C extends EncoderConfig> {
    private final ModalityDefinition<S, C> definition;
    private final List<JsonNode> json;
    private final EncoderConfig requested;
    private final List<Step> steps;

    Run(ModalityDefinition<S, C> definition, List<JsonNode> json, EncoderConfig options,
        List<Step> steps) {
      this.definition = definition;
      this.json = json;
      this.requested = options;
      this.steps = steps;
    }

    void run() {
      List<S> samples = read();
      if (samples == null) {
        return;
      }
      C options;
      try {
        options = requested == null ? definition.defaults() : definition.options(requested);
      } catch (RuntimeException e) {
        steps.add(new Step("options", false, describe(e)));
        return;
      }
      FittedModality<S, C> fitted = attempt("fit", () -> {
        List<String> ids = IntStream.range(0, samples.size()).mapToObj(Integer::toString).toList();
        return definition.fit(
            new PreprocessingData<>(samples, samples, ids, "conformance"), options);
      }, f -> f.preprocessor().summary());
      if (fitted == null) {
        return;
      }
      Engine.getInstance().setRandomSeed(0);
      try (NDManager manager = NDManager.newBaseManager()) {
        NDList batch = batch(fitted, samples, manager);
        if (batch == null) {
          return;
        }
        forward("forward concepts", fitted.conceptEncoder(new EncoderContext(CONCEPTS, false)),
            batch, CONCEPTS, manager, true);
        forward("forward embedding", fitted.embeddingEncoder(EncoderContext.of(EMBEDDING)),
            batch, EMBEDDING, manager, false);
        saveAndLoad(fitted, samples, batch, options, manager);
      }
      if (fitted.renders()) {
        attempt("render", () -> {
          Rendering r = fitted.render(samples.get(0), RenderHints.thumbnail(RenderHints.MAX_PIXELS));
          if (r.text() != null && r.text().startsWith("rendering failed")) {
            throw new AssertionError(r.text());
          }
          return r;
        }, r -> "drew sample 0");
      }
    }

    /**
     * Whether the samples, as given, have the declared {@link SampleForm}: a data set written as a
     * manifest stores them by it, so a form that does not fit would not read back.
     */
    private Step form() {
      SampleForm form = definition.sampleForm();
      int width = -1;
      for (int i = 0; i < json.size(); i++) {
        JsonNode node = json.get(i);
        String problem = null;
        switch (form) {
          case NUMBERS -> {
            boolean numbers = node.isArray() && node.size() > 0;
            for (JsonNode c : node) {
              numbers &= c.isNumber();
            }
            if (!numbers) {
              problem = "is not a list of numbers";
            } else if (width >= 0 && node.size() != width) {
              problem = "has " + node.size() + " numbers where sample 0 has " + width;
            }
            width = node.size();
          }
          case TEXT -> problem = node.isTextual() && !node.asText().isBlank()
              ? null : "is not a non-blank string";
          // A path, or the plugin's inline form (an image raster), written as a JSON document.
          case FILE -> problem = (node.isTextual() && !node.asText().isBlank())
              || node.isContainerNode() ? null : "is neither a non-blank path nor an inline value";
          case JSON -> problem = null;
        }
        if (problem != null) {
          return new Step("sample form", false, "conformance sample " + i + " " + problem
              + ", expected a value of the declared form " + form);
        }
      }
      return new Step("sample form", true, form.name());
    }

    private List<S> read() {
      List<S> samples = new ArrayList<>();
      for (int i = 0; i < json.size(); i++) {
        String where = "conformance sample " + i;
        try {
          S s = definition.reader().read(json.get(i), where);
          if (!definition.sampleType().isInstance(s)) {
            steps.add(new Step("read", false, where + ": the reader returned "
                + (s == null ? "null" : s.getClass().getName()) + ", expected "
                + definition.sampleType().getName()));
            return null;
          }
          samples.add(s);
        } catch (RuntimeException e) {
          steps.add(new Step("read", false, where + ": " + describe(e)));
          return null;
        }
      }
      steps.add(new Step("read", true, samples.size() + " samples"));
      steps.add(form());
      try {
        definition.reader().read(NullNode.getInstance(), "conformance null sample");
        steps.add(new Step("read refuses bad input", false,
            "a JSON null was read as a sample, expected an InvalidInputException"));
      } catch (InvalidInputException e) {
        boolean named = e.getMessage() != null
            && e.getMessage().contains("conformance null sample");
        steps.add(new Step("read refuses bad input", named, named ? e.getMessage()
            : "the message '" + e.getMessage() + "' does not name the location it was given"));
      } catch (RuntimeException e) {
        steps.add(new Step("read refuses bad input", false,
            "a JSON null threw " + describe(e) + ", expected an InvalidInputException"));
      }
      return samples;
    }

    private NDList batch(FittedModality<S, C> fitted, List<S> samples, NDManager manager) {
      NDList batch = attempt("batch", () -> {
        NDList b = fitted.preprocessor().batch(samples, manager);
        if (b == null || b.isEmpty()) {
          throw new AssertionError("the batch holds no array");
        }
        for (NDArray a : b) {
          if (a.getShape().dimension() == 0 || a.getShape().get(0) != samples.size()) {
            throw new AssertionError("an array of shape " + a.getShape()
                + ", expected every array's first dimension to be the " + samples.size()
                + " samples");
          }
        }
        return b;
      }, b -> "shapes " + shapes(b));
      if (batch != null) {
        attempt("batch determinism", () -> {
          NDList again = fitted.preprocessor().batch(samples, manager);
          requireEqual(batch, again, "the same samples batched twice");
          return again;
        }, b -> "the same samples give the same tensors");
      }
      return batch;
    }

    private void forward(String name, Block encoder, NDList batch, int width, NDManager manager,
        boolean checkDeterminism) {
      Shape expected = new Shape(batch.head().getShape().get(0), width);
      NDList out = attempt(name, () -> {
        encoder.initialize(manager, DataType.FLOAT32, batch.getShapes());
        ParameterStore ps = new ParameterStore(manager, false);
        requireShape(encoder.forward(ps, batch, false), expected, "in evaluation mode");
        requireShape(encoder.forward(ps, batch, true), expected, "in training mode");
        return encoder.forward(ps, batch, false);
      }, o -> "output " + expected + " in evaluation and training mode");
      if (out != null && checkDeterminism) {
        attempt("determinism", () -> {
          NDList again = encoder.forward(new ParameterStore(manager, false), batch, false);
          requireEqual(out, again, "the concept encoder run twice in evaluation mode");
          return again;
        }, o -> "the same batch gives the same output in evaluation mode");
      }
      // Last: training steps move batch-norm statistics, which the checks above must not see.
      if (out != null) {
        // "concepts arrays freed", "embedding arrays freed": no longer than the other names.
        attempt(name.substring(name.indexOf(' ') + 1) + " arrays freed", () -> {
          leftBehind(encoder, batch, manager);
          return batch;
        }, o -> "a training step in its own manager leaves no array with the parameters");
      }
    }

    /**
     * Fails when a training step (forward and backward, its inputs in a manager of its own) leaves
     * arrays in the manager of the encoder's parameters. DJL attaches an operation's result to
     * its first operand's manager, so an encoder that reshapes or widens a parameter in {@code
     * forward} keeps the result until the model is closed unless it attaches it to the batch's
     * manager: every step leaks it.
     */
    private static void leftBehind(Block encoder, NDList batch, NDManager manager) {
      ParameterStore ps = new ParameterStore(manager, false);
      int before = manager.getManagedArrays().size();
      for (int step = 0; step < 2; step++) {
        try (NDManager local = manager.newSubManager();
            GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDList inputs = new NDList(batch.size());
          for (NDArray a : batch) {
            NDArray copy = a.duplicate();
            copy.attach(local);
            inputs.add(copy);
          }
          gc.backward(encoder.forward(ps, inputs, true).head().sum());
        }
      }
      int after = manager.getManagedArrays().size();
      if (after != before) {
        throw new AssertionError("two training steps left " + (after - before) + " arrays in the"
            + " parameters' manager (results of operations on a parameter belong to the"
            + " parameter's manager: attach them to the batch's)");
      }
    }

    private void saveAndLoad(FittedModality<S, C> fitted, List<S> samples, NDList batch,
        C options, NDManager manager) {
      attempt("save/load", () -> {
        Path dir = Files.createTempDirectory("sharcs-conformance");
        try {
          fitted.save(dir, "m");
          FittedModality<S, C> loaded = definition.load(dir, "m", options);
          requireEqual(batch, loaded.preprocessor().batch(samples, manager),
              "the batch of the loaded preprocessing");
          return loaded;
        } finally {
          try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
              Files.deleteIfExists(p);
            }
          }
        }
      }, l -> "the loaded preprocessing batches the same tensors ("
          + l.preprocessor().summary() + ")");
    }

    /** Runs {@code step}, records it, and returns its result (null when it failed). */
    private <T> T attempt(String name, Checked<T> step, java.util.function.Function<T, String> ok) {
      try {
        T result = step.get();
        steps.add(new Step(name, true, ok.apply(result)));
        return result;
      } catch (AssertionError e) {
        steps.add(new Step(name, false, e.getMessage()));
      } catch (IOException e) {
        steps.add(new Step(name, false, describe(new UncheckedIOException(e))));
      } catch (RuntimeException | LinkageError e) {
        steps.add(new Step(name, false, describe(e)));
      }
      return null;
    }
  }

  /** A step that may throw. */
  @FunctionalInterface
  private interface Checked<T> {
    T get() throws IOException;
  }

  private static void requireShape(NDList out, Shape expected, String mode) {
    if (out.size() != 1 || !out.head().getShape().equals(expected)) {
      throw new AssertionError("output " + shapes(out) + " " + mode + ", expected one array of "
          + "shape " + expected + " = (batch, width asked for in EncoderContext.outputs())");
    }
  }

  private static void requireEqual(NDList a, NDList b, String what) {
    if (a.size() != b.size()) {
      throw new AssertionError(what + ": " + b.size() + " arrays, expected " + a.size());
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).getShape().equals(b.get(i).getShape()) || !a.get(i).contentEquals(b.get(i))) {
        throw new AssertionError(what + ": array " + i + " differs, expected the same tensors");
      }
    }
  }

  private static String shapes(NDList list) {
    List<String> s = new ArrayList<>();
    for (NDArray a : list) {
      s.add(a.getShape().toString());
    }
    return s.size() == 1 ? s.get(0) : s.toString();
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName()
        + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
  }
}
