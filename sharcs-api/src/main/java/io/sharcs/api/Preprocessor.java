package io.sharcs.api;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The preprocessing of one modality for one run: turns raw samples into the tensors its local
 * concept encoder reads. It is made by {@link ModalityPlugin#fit} from the training split only, so
 * state learned from data (a text vocabulary, say) never sees a test sample, and it is saved next
 * to the model so the model can be used again.
 *
 * @param <S> the raw-sample type of the modality
 */
public interface Preprocessor<S> {

  /**
   * The input shape the encoder is built for; it may differ from what {@link
   * ModalityPlugin#inspect} found (a text modality's width is its vocabulary size).
   */
  InputSpec spec();

  /**
   * Turns samples into the tensors the encoder reads. The arrays must be attached to {@code
   * manager}; the caller closes it. Must be deterministic: the same samples give the same tensors.
   */
  NDList batch(List<? extends S> samples, NDManager manager);

  /**
   * Facts about how {@code samples} fit what was learned in training, as metric name to value,
   * for example {@code unseen_tokens}. The core reports them under {@code
   * preprocessing.<modality>.<name>.<split>}. Never throws for unseen content.
   */
  default Map<String, Double> report(List<? extends S> samples) {
    return Map.of();
  }

  /**
   * Writes the learned state into {@code directory} (the run's model folder), in files whose
   * names start with the modality name given. Nothing by default: stateless preprocessing has
   * nothing to save.
   */
  default void save(Path directory, String modality) throws IOException {}
}
