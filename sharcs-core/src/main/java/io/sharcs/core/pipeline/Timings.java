package io.sharcs.core.pipeline;

import java.util.OptionalDouble;

/**
 * Wall times of a model's stages, in seconds.
 *
 * @param trainEpochMedian the median epoch of training
 * @param train training (for the baselines: up to the end of their evaluation)
 * @param pretrain the encoders' unsupervised pretraining
 * @param robustness the robustness tests, where they ran (the concept models)
 */
public record Timings(
    double trainEpochMedian, double train, double pretrain, OptionalDouble robustness) {}
