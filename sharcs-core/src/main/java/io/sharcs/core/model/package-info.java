/**
 * The networks as DJL blocks: SHARCS's concept layers, shared concept space and predictor, and
 * the non-concept baselines' embedding network and relative predictor.
 *
 * <p>May depend on {@code config} and {@code data}; never on training, evaluation or pipelines.
 */
package io.sharcs.core.model;
