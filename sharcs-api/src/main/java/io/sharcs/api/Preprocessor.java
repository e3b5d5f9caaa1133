package io.sharcs.api;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;

/**
 * The preprocessing of one modality for one run: turns raw samples into the tensors its local
 * concept encoder reads. It is made by {@link Preprocessing#fit} from the training split only, so
 * state learned from data (a vocabulary, an input shape) never sees a test sample; it is saved
 * with the model and loaded with it ({@link Preprocessing#save}, {@link Preprocessing#load}).
 *
 * <p>A plugin implements it with its own type (a record holding the input shape, say) and gets
 * that type back in its {@link EncoderFactory}, so the encoder reads typed fields.
 *
 * @param <S> the raw-sample type of the modality
 */
public interface Preprocessor<S> {

  /**
   * Turns samples into the tensors the encoder reads. The arrays must be attached to {@code
   * manager}; the caller closes it. Must be deterministic: the same samples give the same tensors
   * (no engine random numbers here: draw them in the encoder). The core may call it on a helper
   * thread, to build the next batch while the current one trains, but never two calls at once.
   */
  NDList batch(List<? extends S> samples, NDManager manager);

  /**
   * The most samples worth batching at once outside training (evaluation, concept tables,
   * prediction): the core cuts passes over many samples into chunks of at most this many (and at
   * most its own chunk size). An encoder whose batch arrays grow faster than the number of samples
   * (dense per-graph matrices, say) returns a bound that keeps a batch to some tens of megabytes;
   * the default leaves the choice to the core. Training batches have the configured size.
   */
  default int evaluationBatchLimit() {
    return Integer.MAX_VALUE;
  }

  /** A short description for logs and provenance, e.g. {@code "6 columns"}. */
  String summary();

  /**
   * Facts about how {@code samples} fit what was learned in training, as metric name to value,
   * for example {@code unseen_tokens}. The core reports them under {@code
   * preprocessing.<modality>.<name>.<split>}. Never throws for unseen content.
   */
  default Map<String, Double> report(List<? extends S> samples) {
    return Map.of();
  }
}
