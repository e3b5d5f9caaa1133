package io.sharcs.core.pipeline;

import io.sharcs.core.eval.Accuracies;
import io.sharcs.core.model.EmbeddingNetwork.Fusion;

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
    return stage.trained(accuracy);
  }
}
