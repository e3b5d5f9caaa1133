package io.sharcs.core.pipeline;

import io.sharcs.core.eval.Accuracies;
import io.sharcs.core.model.EmbeddingNetwork.Fusion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The concat baseline: the modalities' plain embeddings concatenated into a predictor of
 * SHARCS's shape, trained end to end; no concepts.
 */
final class ConcatPipeline implements ModelPipeline {

  @Override
  public Trained run(Setup setup) {
    int epochs = setup.settings().training().epochs();
    EmbeddingStage stage = new EmbeddingStage(setup, Fusion.CONCAT, epochs, epochs);
    Accuracies accuracy =
        new Accuracies(
            EmbeddingStage.accuracy(
                stage.inference.fusedLogits(stage.trainEmbeddings), stage.data.train().labels()),
            EmbeddingStage.accuracy(
                stage.inference.fusedLogits(stage.testEmbeddings), stage.data.test().labels()));
    Timings timings = stage.timings();
    ModelResults results =
        new ModelResults(
            accuracy, List.of(), List.of(), List.of(), Optional.empty(), OptionalInt.empty(),
            stage.finalLoss, timings);
    return new Trained(
        results, List.of(new Saved(Pipelines.MODEL_NAME, stage.network)), Map.of());
  }
}
