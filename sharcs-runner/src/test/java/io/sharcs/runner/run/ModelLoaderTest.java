package io.sharcs.runner.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.MultimodalSample;
import io.sharcs.core.saved.Prediction;
import io.sharcs.core.saved.PredictionsCsv;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.config.ConfigOverrides;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.ExperimentLoader;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.plugins.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short real XOR run, then its run folder's model loaded back as {@code sharcs explain} would. */
@Tag("slow")
class ModelLoaderTest {

  @TempDir static Path work;
  static Path run;

  @BeforeAll
  static void trainShortXorRun() {
    run = Fixtures.shortXorRun(Fixtures.workingIn(work), "run", 4, 120, 80);
  }

  private static PluginRegistry registry() {
    return PluginRegistry.of(PluginCatalog.discover());
  }

  @Test
  void theRunFolderHoldsACompleteModelHistoryAndPredictions() throws Exception {
    assertThat(run.resolve("model/config.resolved.yaml"))
        .hasSameTextualContentAs(run.resolve("config.resolved.yaml"));
    assertThat(Files.readString(run.resolve("model/model.json")))
        .contains("\"config.resolved.yaml\"", "\"graph.bank\"", "\"table.bank\"");
    List<String> history = Files.readAllLines(run.resolve("history.csv"));
    assertThat(history).hasSize(5);
    assertThat(history.get(0))
        .isEqualTo("epoch,loss,d,train_accuracy,test_accuracy,test_accuracy_mode,seconds");
    assertThat(history.get(4)).startsWith("4,").contains(",eval,");
    assertThat(Files.readAllLines(run.resolve("predictions.csv"))).hasSize(41);
  }

  @Test
  void theReloadedModelPredictsTheTestSplitAsTheRunDid() throws Exception {
    // The data set is made again here only to have inputs to predict; loading does not read it.
    Path config = run.resolve("config.resolved.yaml");
    Experiment experiment =
        new ExperimentLoader(registry()).load(config, "config", ConfigOverrides.none());
    List<MultimodalSample> test =
        ModalityBindings.load(experiment, run, "config", io.sharcs.api.DataWrites.inside(work),
            line -> {}).dataset().test();

    try (ModelLoader.LoadedRun loaded = new ModelLoader(registry()).load(run, "run")) {
      assertThat(loaded.experiment().name()).isEqualTo("xor-and-xor");
      List<Prediction> predicted = loaded.model().predictSamples(test);
      List<PredictionsCsv.Row> rows = new ArrayList<>();
      for (int r = 0; r < test.size(); r++) {
        rows.add(new PredictionsCsv.Row(test.get(r).id(), test.get(r).label(), predicted.get(r)));
      }
      assertThat(PredictionsCsv.lines(rows, loaded.model().classNames()))
          .isEqualTo(Files.readAllLines(run.resolve("predictions.csv")));
    }
  }

  @Test
  void badFoldersAreOneLineInputErrors() throws Exception {
    ModelLoader loader = new ModelLoader(registry());
    assertThatThrownBy(() -> loader.load(work.resolve("nowhere"), "nowhere"))
        .isInstanceOf(InputError.class)
        .hasMessage("nowhere: no model folder, expected a run folder of sharcs run");

    Path copy = work.resolve("copy");
    copyTree(run, copy);
    Path json = copy.resolve("model/model.json");
    String text = Files.readString(json);
    Files.writeString(json, text.replace("\"version\" : 1", "\"version\" : 2"));
    assertThatThrownBy(() -> loader.load(copy, "copy"))
        .isInstanceOf(InputError.class)
        .hasMessage("copy/model/model.json: format version 2, this sharcs reads version 1");
    Files.writeString(json, "{");
    assertThatThrownBy(() -> loader.load(copy, "copy"))
        .isInstanceOf(InputError.class)
        .hasMessageStartingWith("copy/model/model.json: not JSON (");
    Files.delete(copy.resolve("model/config.resolved.yaml"));
    assertThatThrownBy(() -> loader.load(copy, "copy"))
        .isInstanceOf(InputError.class)
        .hasMessage("copy/model/config.resolved.yaml: file not found, expected the resolved"
            + " config sharcs run saves with the model");
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
