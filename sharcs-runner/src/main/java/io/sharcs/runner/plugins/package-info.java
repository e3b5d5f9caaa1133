/**
 * Plugin lookup: modality plugins and data set providers found by {@link java.util.ServiceLoader}
 * ({@link io.sharcs.runner.plugins.PluginCatalog}) enter Guice through map bindings keyed by id
 * ({@link io.sharcs.runner.plugins.PluginModule}, which rejects blank and duplicate ids) and are
 * looked up in the {@link io.sharcs.runner.plugins.PluginRegistry}. {@link
 * io.sharcs.runner.plugins.PluginReaders} is the one place where a plugin reads a sample.
 */
package io.sharcs.runner.plugins;
