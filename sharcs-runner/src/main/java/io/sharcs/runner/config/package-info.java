/**
 * Experiment files: reading YAML/JSON, defaults, {@code --set} overrides, strict binding with
 * one-line errors ({@link io.sharcs.runner.config.InputError}), resolution against the installed
 * plugins into an {@link io.sharcs.runner.config.Experiment} whose modalities are the core's
 * {@code ModalityBinding}s, the modality-name rule, and the same strict binding for a data set
 * generator's command-line options.
 */
package io.sharcs.runner.config;
