package io.sharcs.runner.cli;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.plugins.BrokenPlugin;
import io.sharcs.runner.plugins.PluginDiscovery;
import io.sharcs.runner.plugins.PluginError;
import io.sharcs.runner.plugins.PluginFolders;
import io.sharcs.runner.plugins.PluginRegistry;
import io.sharcs.runner.run.ParentWatchdog;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.Versions;
import io.sharcs.runner.sweep.SweepCommand;
import io.sharcs.runner.sweep.SweepWorker;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code sharcs} command line: {@code sharcs run}, {@code sweep}, {@code report}, {@code explain},
 * {@code generate} and {@code plugins}.
 * Exit codes: 0 success, 2 bad input, 1 anything else (see {@link ExitCodes}).
 */
@Command(
    name = "sharcs",
    mixinStandardHelpOptions = true,
    versionProvider = SharcsCli.Version.class,
    subcommands = {
      RunCommand.class, SweepCommand.class, ReportCommand.class, ExplainCommand.class,
      PredictCommand.class,
      GenerateCommand.class, PluginsCommand.class
    },
    description = "SHARCS: concept-based multimodal learning (arXiv 2307.00316).")
public final class SharcsCli implements Runnable {

  @Option(names = ErrorReporter.VERBOSE, scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean verbose;

  @Option(names = PluginFolders.OPTION, scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "A folder of plugin jars to load, besides plugins/ under the sharcs home and"
          + " the folders of SHARCS_PLUGIN_PATH (repeatable).")
  List<String> pluginPath;

  @Spec CommandSpec spec;

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // A sweep's child: end with the sweep, even when it is killed with kill -9.
    ParentWatchdog.startIfRequested(System.err);
    if (args.length == 1 && args[0].equals(SweepWorker.ARGUMENT)) {
      // A sweep's worker: runs one point after another, as this class's execute would.
      System.exit(SweepWorker.serve(System.in, System.out, SharcsCli::execute));
    }
    System.exit(execute(args, System.out, System.err));
  }

  /** Runs the command line in the real environment; returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    return execute(args, out, err, RunnerEnvironment.system());
  }

  /**
   * Runs the command line; never calls {@link System#exit}.
   *
   * @param args the arguments after {@code sharcs}
   * @param out standard output: progress, summaries, help
   * @param err standard error: exactly one line per error
   * @param env plugins, pipeline, clock, working directory
   * @return the exit code
   */
  public static int execute(String[] args, PrintStream out, PrintStream err,
      RunnerEnvironment env) {
    ErrorReporter reporter = new ErrorReporter(err);
    List<String> arguments = Arrays.asList(args);
    try {
      // Plugins configure commands (generate's options), so their folders are read first.
      List<String> folders = PluginFolders.optionValues(arguments);
      if (env.plugins() instanceof PluginDiscovery discovery) {
        env = env.withPlugins(discovery.withOptions(folders, env.workingDirectory()));
      }
      Injector injector = Guice.createInjector(new CliModule(env, out, arguments));
      CommandLine cl = new CommandLine(SharcsCli.class, new GuiceFactory(injector));
      PluginRegistry registry = injector.getInstance(PluginRegistry.class);
      GenerateCommand.configure(cl.getSubcommands().get(GenerateCommand.NAME), registry);
      cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
      cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
      cl.setExecutionExceptionHandler(reporter);
      cl.setParameterExceptionHandler(reporter);
      cl.setExecutionStrategy(parsed -> brokenPlugins(parsed, registry, reporter));
      return cl.execute(args);
    } catch (CreationException e) {
      // Plugins are checked before Guice starts; should a binding still fail, report its cause.
      Throwable cause = e.getErrorMessages().stream()
          .map(m -> m.getCause()).filter(c -> c != null).findFirst().orElse(e);
      return reporter.report(cause, arguments.contains(ErrorReporter.VERBOSE));
    } catch (RuntimeException | Error e) {
      return reporter.report(e, arguments.contains(ErrorReporter.VERBOSE));
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Runs the parsed command, unless a plugin is broken and the command is not {@code plugins}
   * (which lists broken plugins) or a help or version request: then one line naming the first
   * broken plugin, exit 2.
   */
  private static int brokenPlugins(
      ParseResult parsed, PluginRegistry registry, ErrorReporter reporter) {
    ParseResult leaf = parsed;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    boolean lists = PluginsCommand.NAME.equals(leaf.commandSpec().name());
    boolean help = false;
    for (ParseResult r = parsed; r != null; r = r.hasSubcommand() ? r.subcommand() : null) {
      help |= r.isUsageHelpRequested() || r.isVersionHelpRequested();
    }
    if (!registry.broken().isEmpty() && !lists && !help) {
      List<BrokenPlugin> broken = registry.broken();
      String more = broken.size() == 1 ? ""
          : " (and " + (broken.size() - 1) + " more; 'sharcs plugins' lists them)";
      return reporter.report(new PluginError("broken plugin: " + broken.get(0).line()
          + more + " (fix or remove it)"),
          ErrorReporter.verbose(parsed));
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command, expected run, sweep, report, explain, predict, generate or plugins");
  }

  /** {@code sharcs --version}. */
  public static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sharcs " + Versions.sharcs() + " (DJL " + Versions.djl() + ")"};
    }
  }
}
