package io.sharcs.runner.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.sharcs.runner.plugins.PluginModule;
import io.sharcs.runner.run.CommandArguments;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.Stdout;
import io.sharcs.runner.sweep.ChildMain;
import java.io.PrintStream;
import java.util.List;

/**
 * The CLI's one injector: the outside world ({@link RunnerEnvironment}, standard output, the
 * command line), the plugins found by {@link java.util.ServiceLoader} (through {@link
 * PluginModule}'s multibinders), and how a sweep starts its child JVMs. The commands and their
 * collaborators are built from it by picocli's {@link GuiceFactory}.
 */
final class CliModule extends AbstractModule {

  private final RunnerEnvironment env;
  private final PrintStream stdout;
  private final List<String> arguments;
  private final PluginModule plugins;

  /**
   * @param env the outside world; its plugins are discovered here, once
   * @param stdout standard output
   * @param arguments the whole command line, for provenance
   * @throws io.sharcs.runner.plugins.PluginError on a duplicate or blank plugin id
   */
  CliModule(RunnerEnvironment env, PrintStream stdout, List<String> arguments) {
    this.env = env;
    this.stdout = stdout;
    this.arguments = List.copyOf(arguments);
    // Discovered and checked here, so that a broken class path fails before Guice starts.
    this.plugins = new PluginModule(env.plugins().get());
  }

  @Override
  protected void configure() {
    bind(RunnerEnvironment.class).toInstance(env);
    bind(PrintStream.class).annotatedWith(Stdout.class).toInstance(stdout);
    install(plugins);
  }

  @Provides
  @CommandArguments
  List<String> arguments() {
    return arguments;
  }

  @Provides
  ChildMain childMain() {
    return new ChildMain(SharcsCli.class.getName(), ErrorReporter.VERBOSE);
  }
}
