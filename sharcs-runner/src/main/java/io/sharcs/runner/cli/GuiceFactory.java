package io.sharcs.runner.cli;

import com.google.inject.Injector;
import picocli.CommandLine.IFactory;
import picocli.CommandLine;

/**
 * Picocli's factory backed by the CLI's injector: commands, version providers and their
 * collaborators are built by Guice ({@code @Inject} constructors, or a public no-argument one).
 */
final class GuiceFactory implements IFactory {

  private final Injector injector;

  GuiceFactory(Injector injector) {
    this.injector = injector;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
      // Collections and other types picocli instantiates for option values.
      return CommandLine.defaultFactory().create(type);
    }
    return injector.getInstance(type);
  }
}
