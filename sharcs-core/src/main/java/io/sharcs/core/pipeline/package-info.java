/**
 * The top layer: one run end to end. {@link io.sharcs.core.pipeline.Pipelines} chooses the model
 * pipeline of the mode from one table (SHARCS and multi-CBM, anchors, unimodal, concat, as peers)
 * and wraps it in the skeleton they share (data preparation, engine seeding, manager, saving);
 * {@link io.sharcs.core.pipeline.MetricNames} turns the run's result records into metric names.
 *
 * <p>May depend on every other core package; none depends on it.
 */
package io.sharcs.core.pipeline;
