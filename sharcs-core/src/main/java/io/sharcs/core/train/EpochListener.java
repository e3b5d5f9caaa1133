package io.sharcs.core.train;

import java.util.function.Consumer;

/**
 * Told when a training epoch is about to run its first batch. The progress consumer that a
 * pipeline is given ({@code Consumer<EpochReport>}, told when each epoch has ended) may implement
 * this too; the trainers then call it before each epoch, so that exactly one epoch's training
 * steps can be observed (the runner's {@code --profile-epoch} records the engine's operations
 * between the two calls, and nothing of the per-epoch test pass that follows an epoch).
 */
public interface EpochListener {

  /** Epoch {@code epoch} (1-based) starts now. */
  void epochStarting(int epoch);

  /** Tells {@code progress} that {@code epoch} starts, if it listens for that. */
  static void starting(Consumer<EpochReport> progress, int epoch) {
    if (progress instanceof EpochListener listener) {
      listener.epochStarting(epoch);
    }
  }
}
