package io.sharcs.api;

import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * What the core hands a plugin for {@link ModalityPlugin#pretrain}: this run's training split of
 * the modality, its fitted preprocessing, a manager and a seed.
 *
 * @param train the training split's samples of this modality, in split order (a sample may occur
 *     more than once, as a CLEVR image asked about twice)
 * @param preprocessor the preprocessing {@link ModalityPlugin#fit} made for this run
 * @param manager the manager the encoder's parameters live in; allocate temporaries in a sub
 *     manager and close it
 * @param seed a seed derived from the run's master seed and the modality name, for orders and
 *     coins drawn in Java
 * @param <S> the raw-sample type of the modality
 */
public record PretrainingContext<S>(
    List<? extends S> train, Preprocessor<S> preprocessor, NDManager manager, long seed) {
  public PretrainingContext {
    if (train == null || preprocessor == null || manager == null) {
      throw new IllegalArgumentException("train, preprocessor and manager are required");
    }
    train = List.copyOf(train);
  }
}
