/**
 * The run's configuration as validated records and enums (mode, protocol, model sizes, training
 * options and schedule) and the derivation of every random stream from the master seed.
 *
 * <p>The bottom layer of the core: depends on {@code io.sharcs.api} only.
 */
package io.sharcs.core.config;
