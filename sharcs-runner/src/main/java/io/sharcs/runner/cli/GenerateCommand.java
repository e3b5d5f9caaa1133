package io.sharcs.runner.cli;

import io.sharcs.api.DatasetGenerator;
import io.sharcs.api.DatasetProvider;
import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.config.GeneratorOptions;
import io.sharcs.runner.plugins.PluginRegistry;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.Stdout;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code sharcs generate ID --out DIR [--key value]...}: writes the data set of any provider into
 * a folder. A provider with a {@link DatasetGenerator} writes its own files (e.g. {@code sharcs
 * generate clevr --questions 8000 --out DIR}) and, unless the generator opts out ({@link
 * DatasetGenerator#readBack}), the same data set as a manifest beside them; any other provider's
 * data set is written as a manifest ({@link ManifestExport}).
 */
@Command(
    name = GenerateCommand.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "Write a data set into a folder as a data manifest (rows.csv, manifest.yaml): a",
      "provider with a generator (listed below) writes its own files and the manifest beside",
      "them, any other provider the manifest alone. Options follow as --key value, bound",
      "strictly by name."
    })
public final class GenerateCommand implements Callable<Integer> {

  /** The command's name. */
  static final String NAME = "generate";

  @Parameters(index = "0", arity = "0..1", paramLabel = "ID",
      description = "The data set provider's id, e.g. clevr.")
  String id;

  @Option(names = "--out", paramLabel = "DIR",
      description = "The folder to create (or an empty one).")
  String out;

  @Parameters(index = "1..*", paramLabel = "--KEY VALUE",
      description = "The generator's options, e.g. --questions 8000.")
  List<String> options;

  @Spec CommandSpec spec;

  private final PluginRegistry registry;
  private final RunnerEnvironment env;
  private final PrintStream stdout;

  /**
   * @param registry the data set providers
   * @param env the outside world (relative paths resolve against its working directory)
   * @param stdout where the summary goes
   */
  @Inject
  public GenerateCommand(
      PluginRegistry registry, RunnerEnvironment env, @Stdout PrintStream stdout) {
    this.registry = registry;
    this.env = env;
    this.stdout = stdout;
  }

  /**
   * Lets the generators' own options through to {@link #options}, unknown to picocli, and lists
   * the generators and their options in the help.
   */
  static void configure(CommandLine generate, PluginRegistry registry) {
    generate.setUnmatchedOptionsArePositionalParams(true);
    List<String> footer = new ArrayList<>();
    registry.datasets().forEach((id, p) -> p.generator().ifPresent(g -> {
      footer.add("");
      footer.add(id + ": " + p.description());
      g.usage().lines().forEach(line -> footer.add("  " + line));
    }));
    generate.getCommandSpec().usageMessage().footer(footer.toArray(new String[0]));
  }

  @Override
  public Integer call() {
    List<String> ids = new ArrayList<>();
    // Every provider can be written: by its own generator, or as a manifest (ManifestExport).
    registry.datasets().forEach((key, p) -> ids.add(key));
    String expected = ids.isEmpty()
        ? "a data set provider that can generate, but none is installed"
        : String.join(" or ", ids);
    if (id == null || id.startsWith("-")) {
      throw new ParameterException(spec.commandLine(), "missing data set, expected " + expected);
    }
    DatasetProvider provider = registry.dataset(id).orElseThrow(() ->
        new ParameterException(spec.commandLine(), "got '" + id + "', expected " + expected));
    if (out == null) {
      throw new ParameterException(spec.commandLine(), "missing --out DIR, expected the folder"
          + " to write the data set into");
    }
    Path target = env.workingDirectory().resolve(out).normalize();
    long start = System.nanoTime();
    List<String> tokens = options == null ? List.of() : options;
    // A provider without a generator of its own is written as a manifest, generically; one
    // with a generator writes its own files, and a manifest beside them unless it opts out.
    String written = provider.generator().isPresent()
        ? generate(provider, provider.generator().get(), tokens, target)
        : ManifestExport.export(provider, registry, tokens, target);
    stdout.printf(Locale.ROOT, "wrote %s to %s in %.1f s%n",
        written, target, (System.nanoTime() - start) / 1e9);
    stdout.flush();
    return ExitCodes.OK;
  }

  private <O> String generate(
      DatasetProvider provider, DatasetGenerator<O> generator, List<String> tokens, Path out) {
    O bound = GeneratorOptions.bind(generator, tokens);
    generator.plan(bound).ifPresent(plan -> {
      stdout.println("generating " + plan + " into " + out);
      stdout.flush();
    });
    String written = generator.generate(bound, out);
    return generator.readBack(bound)
        .map(options -> written + " and " + ManifestExport.beside(provider, registry, options, out))
        .orElse(written);
  }
}
