/**
 * Training: the core's one mini-batch loop ({@link io.sharcs.core.train.MiniBatchLoop}), the
 * SHARCS loss (task loss, semantic regulariser) and the reproducible Adam.
 *
 * <p>May depend on {@code config}, {@code data} and {@code model}. Only the pipelines use it:
 * evaluation reads trained models and needs none of it.
 */
package io.sharcs.core.train;
