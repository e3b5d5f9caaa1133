package io.sharcs.runner.api;

import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.plugins.PluginModule;
import io.sharcs.runner.plugins.PluginRegistry;

/** The plugins an API call uses: those the command line would find, checked the same way. */
final class Plugins {

  private Plugins() {}

  /**
   * The registry of {@code catalog}'s plugins.
   *
   * @throws io.sharcs.runner.plugins.PluginError on a duplicate or blank id
   */
  static PluginRegistry registry(PluginCatalog catalog) {
    // The module's constructor checks the ids exactly as the command line does.
    new PluginModule(catalog);
    return PluginRegistry.of(catalog);
  }
}
