package io.sharcs.core.saved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.core.config.Mode;
import io.sharcs.core.config.ModelConfig;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.config.TrainingConfig;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.core.eval.ConceptBank;
import io.sharcs.core.fixtures.ThreeViewXorData;
import io.sharcs.core.fixtures.TwoViewXorData;
import io.sharcs.core.fixtures.VectorTestModality;
import io.sharcs.core.pipeline.Pipelines;
import io.sharcs.core.pipeline.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelTest {

  private static RunSettings settings(Mode mode, Protocol protocol) {
    return new RunSettings(
        11, mode, protocol, new ModelConfig(5, 5, 6, 8),
        new TrainingConfig(6, 32, 5e-3, 0.1, 0.1, false));
  }

  /** Bindings made afresh, as a new process would bind them from the saved config. */
  private static List<ModalityBinding> bindings(List<String> names) {
    ModalityDefinition<float[], VectorTestModality.Config> vector =
        VectorTestModality.definition();
    List<ModalityBinding> out = new ArrayList<>();
    for (String n : names) {
      out.add(new ModalityBinding(n, vector, new VectorTestModality.Config(8)));
    }
    return out;
  }

  @Test
  void twoModalityModelReloadsToIdenticalPredictionsAndMetrics(@TempDir Path dir) {
    reloadsExactly(TwoViewXorData.generate(200, 160, 5), dir, Protocol.CLEAN);
  }

  @Test
  void threeModalityModelReloadsToIdenticalPredictionsAndMetrics(@TempDir Path dir) {
    reloadsExactly(ThreeViewXorData.generate(240, 180, 6), dir, Protocol.CLEAN);
  }

  @Test
  void referenceProtocolModelReloadsToIdenticalPredictions(@TempDir Path dir) {
    // Stochastic concepts in evaluation: the predictor reseeds the engine, so the file and the
    // reload agree; metrics measured in training mode are not recomputed here.
    MultimodalDataset data = TwoViewXorData.generate(200, 160, 5);
    RunSettings s = settings(Mode.SHARCS, Protocol.REFERENCE);
    RunResult run = Pipelines.run(data, bindings(data.modalities()), s, r -> {}, dir);
    try (LoadedModel loaded = SavedModel.load(dir, bindings(data.modalities()), s)) {
      assertThat(PredictionsCsv.lines(rows(data, loaded.predictSamples(data.test())),
              loaded.classNames()))
          .isEqualTo(PredictionsCsv.lines(run.tables().predictions(), data.classNames()));
    }
  }

  private static void reloadsExactly(MultimodalDataset data, Path dir, Protocol protocol) {
    RunSettings s = settings(Mode.SHARCS, protocol);
    RunResult run = Pipelines.run(data, bindings(data.modalities()), s, r -> {}, dir);
    assertThat(run.tables().history().rows()).hasSize(6);
    assertThat(run.tables().predictions()).hasSize(data.test().size());

    // Bindings in another order: the folder's slot order wins.
    List<String> reversed = new ArrayList<>(data.modalities());
    java.util.Collections.reverse(reversed);
    try (LoadedModel loaded = SavedModel.load(dir, bindings(reversed), s)) {
      assertThat(loaded.modalities()).isEqualTo(data.modalities());
      assertThat(loaded.classNames()).isEqualTo(data.classNames());

      List<Prediction> all = loaded.predictSamples(data.test());
      assertThat(PredictionsCsv.lines(rows(data, all), loaded.classNames()))
          .isEqualTo(PredictionsCsv.lines(run.tables().predictions(), data.classNames()));
      for (int r = 0; r < all.size(); r++) {
        assertThat(all.get(r).probabilities())
            .isEqualTo(run.tables().predictions().get(r).prediction().probabilities());
        assertThat(all.get(r).retrieved()).isEmpty();
        assertThat(all.get(r).shared().keySet()).containsExactlyElementsOf(data.modalities());
      }
      assertThat(accuracy(all, data.test())).isEqualTo(run.metrics().get("accuracy.test"));

      // With one modality taken away, predicting is the missing-modality evaluation itself.
      for (String missing : data.modalities()) {
        List<Prediction> without = loaded.predictSamples(withoutModality(data.test(), missing));
        assertThat(accuracy(without, data.test()))
            .as("missing %s", missing)
            .isEqualTo(run.metrics().get("missing_modality_accuracy." + missing));
        for (Prediction p : without) {
          assertThat(p.retrieved().keySet()).containsExactly(missing);
          assertThat(p.shared()).doesNotContainKey(missing);
        }
      }
    }
  }

  @Test
  void predictFillsMissingModalitiesFromTheBankAndNamesTheSample(@TempDir Path dir) {
    MultimodalDataset data = ThreeViewXorData.generate(240, 180, 6);
    RunSettings s = settings(Mode.SHARCS, Protocol.CLEAN);
    Pipelines.run(data, bindings(data.modalities()), s, r -> {}, dir);
    try (LoadedModel loaded = SavedModel.load(dir, bindings(data.modalities()), s)) {
      MultimodalSample first = data.test().get(0);
      Map<String, Object> onlyA = Map.of("a", first.inputs().get("a"));
      Map<String, Object> onlyC = Map.of("c", first.inputs().get("c"));
      List<Prediction> p = loaded.predict(List.of(onlyA, onlyC, first.inputs()));
      assertThat(p).hasSize(3);
      assertThat(p.get(0).retrieved().keySet()).containsExactly("b", "c");
      assertThat(p.get(1).retrieved().keySet()).containsExactly("a", "b");
      assertThat(p.get(2).retrieved()).isEmpty();
      ConceptBank bankB = loaded.banks().get(1);
      var hit = p.get(0).retrieved().get("b");
      assertThat(bankB.id(hit.row())).isEqualTo(hit.sampleId());
      assertThat(hit.sampleId()).startsWith("t");
      // No counterparts: the query is the first present modality's own shared concepts.
      float[] query = p.get(0).shared().get("a");
      assertThat(bankB.nearestEntry(query)).isEqualTo(hit);
      assertThat(p.get(0).probabilities()[0] + p.get(0).probabilities()[1])
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));

      // One batch or one at a time: the same answers, up to float rounding (the CPU's matrix
      // kernels may sum in another order for another batch size: seen on a second machine).
      double[] single = loaded.predict(List.of(onlyA)).get(0).probabilities();
      for (int c = 0; c < single.length; c++) {
        assertThat(single[c])
            .isCloseTo(p.get(0).probabilities()[c], org.assertj.core.data.Offset.offset(1e-6));
      }

      assertThatThrownBy(() -> loaded.predict(List.of(onlyA, Map.of())))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("sample 1: no modality given, expected at least one of [a, b, c]");
      assertThatThrownBy(() -> loaded.predict(List.of(Map.of("d", new float[5]))))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("sample 0: modality 'd' is not one of the model's [a, b, c]");
      assertThatThrownBy(() -> loaded.predict(List.of(Map.of("a", "text"))))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("sample 0 modality 'a': found String, expected float[]");
    }
  }

  @Test
  void modelFolderIsDescribed(@TempDir Path dir) throws Exception {
    MultimodalDataset data = TwoViewXorData.generate(200, 160, 5);
    RunSettings s = settings(Mode.MULTI_CBM, Protocol.CLEAN);
    Pipelines.run(data, bindings(data.modalities()), s, r -> {}, dir);
    ModelManifest m = ModelManifest.read(dir);
    assertThat(m.format()).isEqualTo("sharcs-model");
    assertThat(m.version()).isEqualTo(1);
    assertThat(m.mode()).isEqualTo("multi-cbm");
    assertThat(m.seed()).isEqualTo(11);
    assertThat(m.network().sharedSpace()).isFalse();
    assertThat(m.classNames()).containsExactly("0", "1");
    assertThat(m.dataset()).isEqualTo(new ModelManifest.Dataset("two-view-xor", "test-5"));
    assertThat(m.modalities()).extracting(ModelManifest.Modality::name).containsExactly("a", "b");
    assertThat(m.modalities().get(0).plugin()).isEqualTo("vector");
    assertThat(m.modalities().get(0).inputShapes()).containsExactly(List.of(2L, 5L));
    assertThat(m.files())
        .containsExactly(
            "a.bank", "a.preprocessing.json", "b.bank", "b.preprocessing.json",
            "sharcs-0000.params");
    // multi-CBM reloads too
    try (LoadedModel loaded = SavedModel.load(dir, bindings(data.modalities()), s)) {
      assertThat(loaded.predictSamples(data.test())).hasSize(40);
    }
  }

  @Test
  void refusesNewerVersionsOtherFormatsAndCorruptFiles(@TempDir Path dir) throws Exception {
    MultimodalDataset data = TwoViewXorData.generate(200, 160, 5);
    RunSettings s = settings(Mode.SHARCS, Protocol.CLEAN);
    Pipelines.run(data, bindings(data.modalities()), s, r -> {}, dir);
    Path file = dir.resolve("model.json");
    String json = Files.readString(file);

    Files.writeString(file, json.replace("\"version\" : 1", "\"version\" : 2"));
    assertThatThrownBy(() -> SavedModel.load(dir, bindings(data.modalities()), s))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": format version 2, this sharcs reads version 1");

    Files.writeString(file, json.replace("sharcs-model", "other-model"));
    assertThatThrownBy(() -> SavedModel.load(dir, bindings(data.modalities()), s))
        .hasMessage(file + ": format 'other-model', expected 'sharcs-model'");

    Files.writeString(file, "{ not json");
    assertThatThrownBy(() -> SavedModel.load(dir, bindings(data.modalities()), s))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": not JSON (");

    Files.delete(file);
    assertThatThrownBy(() -> SavedModel.load(dir, bindings(data.modalities()), s))
        .hasMessage(file + ": file not found, expected a saved sharcs model");

    Files.writeString(file, json);
    RunSettings other =
        new RunSettings(12, s.mode(), s.protocol(), s.model(), s.training());
    assertThatThrownBy(() -> SavedModel.load(dir, bindings(data.modalities()), other))
        .hasMessage(
            file + ": seed is 11 but the config says 12, expected the config the model was"
                + " trained with");

    Files.write(dir.resolve("b.bank"), java.util.Arrays.copyOf(
        Files.readAllBytes(dir.resolve("b.bank")), 40));
    assertThatThrownBy(() -> SavedModel.load(dir, bindings(data.modalities()), s))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(dir.resolve("b.bank") + ": header promises");
  }

  @Test
  void refusesAMissingPluginNamingIt(@TempDir Path dir) {
    MultimodalDataset data = TwoViewXorData.generate(200, 160, 5);
    RunSettings s = settings(Mode.SHARCS, Protocol.CLEAN);
    Pipelines.run(data, bindings(data.modalities()), s, r -> {}, dir);
    ModalityDefinition<float[], VectorTestModality.Config> other =
        ModalityDefinition.of(
            new VectorTestModality() {
              @Override
              public String id() {
                return "other-vector";
              }
            });
    List<ModalityBinding> wrong =
        List.of(
            bindings(List.of("a")).get(0),
            new ModalityBinding("b", other, new VectorTestModality.Config(8)));
    assertThatThrownBy(() -> SavedModel.load(dir, wrong, s))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            dir.resolve("model.json") + ": modality 'b' needs plugin 'vector', but it is bound to"
                + " plugin 'other-vector'");
    assertThatThrownBy(() -> SavedModel.load(dir, bindings(List.of("a")), s))
        .hasMessage(
            dir.resolve("model.json") + ": modality 'b' (plugin 'vector') has no binding,"
                + " expected one of the experiment's modalities [a]");
  }

  @Test
  void baselineModelsAreRefusedWithOneLine(@TempDir Path dir) {
    MultimodalDataset data = TwoViewXorData.generate(200, 160, 5);
    RunSettings s = settings(Mode.CONCAT, Protocol.CLEAN);
    Pipelines.run(data, bindings(data.modalities()), s, r -> {}, dir);
    assertThat(ModelManifest.read(dir).network()).isNull();
    assertThatThrownBy(() -> SavedModel.load(dir, bindings(data.modalities()), s))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(dir.resolve("model.json") + ": mode concat models cannot be loaded yet");
  }

  @Test
  void bankFileRoundTripsExactly(@TempDir Path dir) throws Exception {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    float[][] v = new float[50][7];
    List<String> ids = new ArrayList<>();
    for (int r = 0; r < v.length; r++) {
      for (int j = 0; j < 7; j++) {
        v[r][j] = Float.intBitsToFloat(rng.nextInt());
      }
      ids.add("sample, \"" + r + "\" é");
    }
    v[0][0] = -0.0f;
    v[0][1] = Float.MIN_VALUE;
    v[0][2] = Float.NaN;
    ConceptBank bank = new ConceptBank(v, ids);
    Path file = dir.resolve("x.bank");
    BankFile.write(bank, file);
    ConceptBank back = BankFile.read(file);
    assertThat(back.ids()).isEqualTo(ids);
    for (int r = 0; r < v.length; r++) {
      for (int j = 0; j < 7; j++) {
        assertThat(Float.floatToRawIntBits(back.get(r)[j]))
            .isEqualTo(Float.floatToRawIntBits(v[r][j]));
      }
    }
    Files.write(file, "NOTABANK".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> BankFile.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": truncated, expected a complete retrieval bank");
  }

  private static List<PredictionsCsv.Row> rows(MultimodalDataset data, List<Prediction> p) {
    List<PredictionsCsv.Row> out = new ArrayList<>();
    for (int r = 0; r < p.size(); r++) {
      out.add(new PredictionsCsv.Row(data.test().get(r).id(), data.test().get(r).label(), p.get(r)));
    }
    return out;
  }

  private static double accuracy(List<Prediction> p, List<MultimodalSample> samples) {
    long correct = 0;
    for (int r = 0; r < p.size(); r++) {
      if (p.get(r).label() == samples.get(r).label()) {
        correct++;
      }
    }
    return correct / (double) samples.size();
  }

  private static List<MultimodalSample> withoutModality(
      List<MultimodalSample> samples, String missing) {
    List<MultimodalSample> out = new ArrayList<>();
    for (MultimodalSample s : samples) {
      Map<String, Object> inputs = new HashMap<>(s.inputs());
      inputs.remove(missing);
      out.add(new MultimodalSample(s.id(), s.label(), inputs, s.contentKeys(), s.counterparts()));
    }
    return out;
  }
}
