package io.sharcs.api;

import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * What the core hands a plugin for {@link EncoderPretraining#pretrain}: the modality's name, this
 * run's training split of it, its fitted preprocessing, a manager and a seed.
 *
 * @param modality the modality's name in the data set (for progress lines: one plugin may serve
 *     several modalities)
 * @param train the training split's samples of this modality, in split order (a sample may occur
 *     more than once, as a CLEVR image asked about twice)
 * @param preprocessor the preprocessing fitted for this run ({@link Preprocessing#fit})
 * @param manager the manager the encoder's parameters live in; allocate temporaries in a sub
 *     manager and close it
 * @param seed a seed derived from the run's master seed and the modality name, for orders and
 *     coins drawn in Java
 * @param <S> the raw-sample type of the modality
 */
public record PretrainingContext<S>(
    String modality,
    List<? extends S> train,
    Preprocessor<S> preprocessor,
    NDManager manager,
    long seed) {
  public PretrainingContext {
    if (modality == null || train == null || preprocessor == null || manager == null) {
      throw new IllegalArgumentException(
          "modality, train, preprocessor and manager are required");
    }
    train = List.copyOf(train);
  }
}
