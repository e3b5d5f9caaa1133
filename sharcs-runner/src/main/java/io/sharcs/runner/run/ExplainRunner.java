package io.sharcs.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import io.sharcs.core.saved.LoadedModel;
import io.sharcs.core.saved.ModelManifest;
import io.sharcs.core.saved.Prediction;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.config.ConfigOverrides;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.explain.ExplanationJsonOutput;
import io.sharcs.runner.explain.ExplanationPage;
import io.sharcs.runner.explain.ExplanationText;
import io.sharcs.runner.explain.ExplanationsJson;
import io.sharcs.runner.explain.SampleExplainer;
import io.sharcs.runner.explain.SampleExplanation;
import io.sharcs.runner.explain.SampleInputFile;
import io.sharcs.runner.explain.SavedExplanations;
import io.sharcs.runner.plugins.PluginRegistry;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sharcs explain}: loads a run's model and {@value ExplanationsJson#FILE}, predicts one
 * sample (of the run's data set, or new from a JSON file) and prints why, as text or JSON, and
 * optionally as an HTML page. It lives here, not in the explain package, because it loads runs
 * and data sets (this package), and this package already writes the explanations.
 */
public final class ExplainRunner {

  /** The thumbnail size of the inputs on the HTML page, in pixels. */
  static final int THUMBNAIL = 160;

  private final RunnerEnvironment env;
  private final PluginRegistry registry;
  private final PrintStream out;

  /**
   * @param env the working directory
   * @param registry the installed plugins
   * @param out where the explanation goes
   */
  @Inject
  public ExplainRunner(RunnerEnvironment env, PluginRegistry registry, @Stdout PrintStream out) {
    this.env = env;
    this.registry = registry;
    this.out = out;
  }

  /**
   * Explains the requested sample.
   *
   * @throws InputError with one line for a folder without model or explanations, an unknown
   *     sample id, an input file that is missing, not an object or names an unknown modality,
   *     and a data set that changed since the run
   * @throws io.sharcs.api.InvalidInputException with the plugin reader's message for a malformed
   *     input
   */
  public SampleExplanation explain(ExplainRequest request) {
    if ((request.sample() == null) == (request.input() == null)) {
      throw new InputError(null, null, "give one of --sample ID and --input SAMPLE.json");
    }
    Path dir = env.workingDirectory().resolve(request.run()).normalize();
    boolean isModelFolder = Files.isRegularFile(dir.resolve(ModelManifest.FILE));
    Path runFolder = isModelFolder ? dir.getParent() : dir;
    String shownRun = isModelFolder ? request.run() + "/.." : request.run();
    Path htmlFile = request.html() == null ? null
        : env.workingDirectory().resolve(request.html()).normalize();
    if (htmlFile != null && !Files.isDirectory(htmlFile.toAbsolutePath().getParent())) {
      throw new InputError(request.html(), null, "its folder does not exist");
    }
    if (!isModelFolder && !Files.isDirectory(dir.resolve(RunArtifacts.MODEL))) {
      throw new InputError(request.run(), null,
          "no model folder, expected a run folder of sharcs run");
    }
    // Read before the model, which is the slow part: an older run fails at once.
    String shownExplanations = shownRun + "/" + ExplanationsJson.FILE;
    SavedExplanations saved =
        SavedExplanations.read(runFolder.resolve(ExplanationsJson.FILE), shownExplanations);
    try (ModelLoader.LoadedRun run = new ModelLoader(registry).load(dir, request.run())) {
      LoadedModel model = run.model();
      Map<String, Object> inputs;
      Prediction prediction;
      SampleExplanation e;
      SampleExplainer explainer = new SampleExplainer(model, saved, shownExplanations);
      if (request.input() != null) {
        Path file = env.workingDirectory().resolve(request.input()).normalize();
        inputs = SampleInputFile.read(file, request.input(), run.experiment().modalities());
        prediction = model.predict(List.of(inputs)).get(0);
        e = explainer.explain(prediction, null, request.input(), null);
      } else {
        MultimodalDataset data = dataset(run, runFolder, request);
        Found found = find(data, request.sample(), request.run());
        MultimodalSample sample = found.sample();
        inputs = sample.inputs();
        prediction = model.predictSamples(List.of(sample)).get(0);
        e = explainer.explain(prediction, sample.id(), found.split(),
            data.classNames().get(sample.label()));
      }
      if (request.json()) {
        out.println(ExplanationJsonOutput.text(e));
      } else {
        ExplanationText.lines(e).forEach(out::println);
      }
      if (htmlFile != null) {
        ExplanationPage.write(e, renderings(model, e, inputs), htmlFile);
        if (!request.json()) {
          out.println();
          out.println("explanation page: " + request.html());
        }
      }
      out.flush();
      return e;
    }
  }

  /** Each present modality's input drawn by its plugin. */
  private static Map<String, Rendering> renderings(
      LoadedModel model, SampleExplanation e, Map<String, Object> inputs) {
    Map<String, Rendering> out = new LinkedHashMap<>();
    for (SampleExplanation.PresentModality m : e.present()) {
      out.put(m.modality(),
          model.render(m.modality(), inputs.get(m.modality()), RenderHints.thumbnail(THUMBNAIL)));
    }
    return out;
  }

  /**
   * The run's data set, read or generated as the run did: relative paths resolve against the
   * experiment file's folder recorded in the provenance (else the run folder), and the data must
   * be the one the model was trained on.
   */
  private MultimodalDataset dataset(
      ModelLoader.LoadedRun run, Path runFolder, ExplainRequest request) {
    Experiment experiment = run.experiment();
    Path base = experimentFolder(runFolder).orElse(runFolder);
    String shownConfig = request.run() + "/" + RunArtifacts.CONFIG;
    MultimodalDataset data = ModalityBindings.load(experiment, base, shownConfig,
        new RunDataWrites(base, env.workingDirectory(), ConfigOverrides.none(),
            experiment.dataset().provider().id(), shownConfig),
        line -> {
          if (!request.json()) {
            out.println(line);
            out.flush();
          }
        }).dataset();
    String trained = run.model().manifest().dataset().fingerprint();
    if (!data.fingerprint().equals(trained)) {
      throw new InputError(shownConfig, "dataset", "the data set read now (fingerprint "
          + data.fingerprint() + ") is not the one the model was trained on (" + trained
          + "); expected the same data, or use --input");
    }
    return data;
  }

  /** The experiment file's folder as the run's provenance records it, if it still exists. */
  private static Optional<Path> experimentFolder(Path runFolder) {
    Path provenance = runFolder.resolve(RunArtifacts.PROVENANCE);
    if (!Files.isRegularFile(provenance)) {
      return Optional.empty();
    }
    try {
      JsonNode path = ConfigMappers.json().readTree(provenance.toFile())
          .path("experiment_file").path("absolute_path");
      if (!path.isTextual()) {
        return Optional.empty();
      }
      Path folder = Path.of(path.asText()).getParent();
      return folder != null && Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    } catch (IOException e) {
      // The provenance is a record, not an input: without it relative paths resolve in the run.
      return Optional.empty();
    }
  }

  /** A sample of the data set and the split it is in. */
  private record Found(MultimodalSample sample, String split) {}

  /** The sample called {@code id}, from the train split or else the test split. */
  private static Found find(MultimodalDataset data, String id, String shownRun) {
    for (MultimodalSample s : data.train()) {
      if (s.id().equals(id)) {
        return new Found(s, "train");
      }
    }
    for (MultimodalSample s : data.test()) {
      if (s.id().equals(id)) {
        return new Found(s, "test");
      }
    }
    List<MultimodalSample> any = data.train().isEmpty() ? data.test() : data.train();
    throw new InputError(shownRun, null, "no sample '" + id + "' in the train or test split of "
        + data.name() + (any.isEmpty() ? "" : ", expected an id such as '" + any.get(0).id() + "'"));
  }
}
