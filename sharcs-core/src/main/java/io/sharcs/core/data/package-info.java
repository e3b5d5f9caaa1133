/**
 * A data set checked against the experiment's modality bindings and arranged by slot and split
 * ({@link io.sharcs.core.data.PreparedData}), with the core's one batching path, and every call
 * the core makes to a modality plugin in one place ({@link io.sharcs.core.data.ModalityCalls}).
 *
 * <p>May depend on {@code config}; nothing else of the core.
 */
package io.sharcs.core.data;
