package io.sharcs.core.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Wall times of a model's stages, in seconds.
 *
 * @param trainEpochMedian the median epoch of training
 * @param train training (for the baselines: up to the end of their evaluation)
 * @param pretrain the encoders' unsupervised pretraining
 * @param robustness the robustness tests, where they ran (the concept models)
 * @param evaluation the evaluation after training, phase by phase in the order they ran (empty
 *     where a pipeline does not split it); written as {@code timing.evaluation.<phase>_seconds}
 */
public record Timings(
    double trainEpochMedian,
    double train,
    double pretrain,
    OptionalDouble robustness,
    Map<String, Double> evaluation) {

  public Timings {
    evaluation = Collections.unmodifiableMap(new LinkedHashMap<>(evaluation));
  }

  /** Timings without a split of the evaluation. */
  public Timings(
      double trainEpochMedian, double train, double pretrain, OptionalDouble robustness) {
    this(trainEpochMedian, train, pretrain, robustness, Map.of());
  }

  /** Wall times of consecutive phases: each {@link #lap} closes the phase since the last one. */
  static final class Clock {
    private final Map<String, Double> laps = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the phase {@code name} now (adding to it when it ran before). */
    void lap(String name) {
      long now = System.nanoTime();
      laps.merge(name, (now - last) / 1e9, Double::sum);
      last = now;
    }

    /** Records a phase measured elsewhere. */
    void record(String name, double seconds) {
      laps.merge(name, seconds, Double::sum);
    }

    Map<String, Double> laps() {
      return laps;
    }
  }
}
