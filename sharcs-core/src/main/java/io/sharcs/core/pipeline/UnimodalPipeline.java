package io.sharcs.core.pipeline;

import io.sharcs.core.eval.Accuracies;
import io.sharcs.core.eval.Matrices;
import io.sharcs.core.eval.Vote;
import io.sharcs.core.model.EmbeddingNetwork.Fusion;

/**
 * The unimodal baseline: one network per modality (plain embedding encoder, head), trained
 * jointly on the summed task losses; the multimodal prediction is the most confident head's
 * ({@link Vote}).
 */
final class UnimodalPipeline implements ModelPipeline {

  @Override
  public Trained run(Setup setup) {
    int epochs = setup.settings().training().epochs();
    EmbeddingStage stage = new EmbeddingStage(setup, Fusion.HEADS, epochs, epochs);
    EmbeddingStage.Heads heads = stage.heads();
    Accuracies accuracy =
        new Accuracies(
            Matrices.accuracy(Vote.predict(heads.train()), stage.data.train().labels()),
            Matrices.accuracy(Vote.predict(heads.test()), stage.data.test().labels()),
            heads.accuracies());
    return stage.trained(accuracy);
  }
}
