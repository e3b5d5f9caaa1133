package io.sharcs.runner.cli;

import io.sharcs.api.DatasetProvider;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.testkit.ConformanceReport;
import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.plugins.BrokenPlugin;
import io.sharcs.runner.plugins.PluginError;
import io.sharcs.runner.plugins.PluginRegistry;
import io.sharcs.runner.run.PluginChecker;
import io.sharcs.runner.run.Stdout;
import io.sharcs.runner.run.Versions;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sharcs plugins}: lists the modality plugins and data set providers found; {@code sharcs
 * plugins --check ID --sample FILE} runs the conformance kit on one modality plugin.
 */
@Command(
    name = PluginsCommand.NAME,
    mixinStandardHelpOptions = true,
    description = {
      "List the modality plugins and data set providers found (built in, or from a jar in a"
          + " plugin folder), with where each came from, and the broken ones with why.",
      "With --check ID --sample FILE: check one modality plugin against the plugin contract."
    })
public final class PluginsCommand implements Callable<Integer> {

  /** The command's name. */
  public static final String NAME = "plugins";

  @Option(names = PluginChecker.CHECK, paramLabel = "ID",
      description = "Run the conformance kit on the modality plugin ID as found (built in or"
          + " from a plugin folder): read, fit, batch, forward shapes, determinism, save/load,"
          + " render; one line per check; exit 2 if any fails. Needs --sample.")
  String check;

  @Option(names = PluginChecker.SAMPLE, paramLabel = "FILE",
      description = "With --check: a JSON or YAML file holding a list of samples, each in the"
          + " form the plugin reads from a data file (e.g. [[0.5, 1, 2], [1.5, 0, -1]] for"
          + " tabular); repeatable; at least two samples in all.")
  List<String> samples;

  @Option(names = PluginChecker.ENCODER, paramLabel = "MAPPING",
      description = "With --check: encoder options as a YAML mapping laid over the plugin's"
          + " defaults, as an experiment's 'encoder:' block (e.g. '{hidden: [16]}').")
  String encoder;

  private final PluginRegistry registry;
  private final PluginChecker checker;
  private final PrintStream stdout;

  /**
   * @param registry the plugins found
   * @param checker runs the conformance kit for {@code --check}
   * @param stdout where the list goes
   */
  @Inject
  public PluginsCommand(PluginRegistry registry, PluginChecker checker,
      @Stdout PrintStream stdout) {
    this.registry = registry;
    this.checker = checker;
    this.stdout = stdout;
  }

  @Override
  public Integer call() {
    if (check != null) {
      return check();
    }
    if (samples != null || encoder != null) {
      throw new InputError(null, samples != null ? PluginChecker.SAMPLE : PluginChecker.ENCODER,
          "given without " + PluginChecker.CHECK + ", expected " + PluginChecker.CHECK + " ID "
              + PluginChecker.SAMPLE + " FILE");
    }
    List<String[]> modalities = new ArrayList<>();
    for (ModalityDefinition<?, ?> p : registry.modalities().values()) {
      modalities.add(
          new String[] {p.id(), p.version(), p.description(),
            p.plugin().getClass().getName() + " (" + registry.origin(p) + ")"});
    }
    List<String[]> datasets = new ArrayList<>();
    for (DatasetProvider p : registry.datasets().values()) {
      datasets.add(new String[] {
        p.id(), Versions.of(p.getClass()), p.description(),
        p.getClass().getName() + " (" + registry.origin(p) + ")"});
    }
    int[] widths = new int[3];
    for (List<String[]> rows : List.of(modalities, datasets)) {
      for (String[] r : rows) {
        for (int i = 0; i < widths.length; i++) {
          widths[i] = Math.max(widths[i], r[i].length());
        }
      }
    }
    print("modality plugins:", modalities, widths);
    print("data set providers:", datasets, widths);
    List<BrokenPlugin> broken = registry.broken();
    if (!broken.isEmpty()) {
      stdout.println("broken plugins:");
      broken.forEach(b -> stdout.println("  " + b.line()));
    }
    stdout.flush();
    if (!broken.isEmpty()) {
      throw new PluginError(broken.size() + " broken plugin" + (broken.size() == 1 ? "" : "s")
          + " (listed above), first: " + broken.get(0).line());
    }
    return ExitCodes.OK;
  }

  /**
   * {@code --check}: one line per step of the kit, then a verdict; a failed step is the plugin's
   * fault, so it is bad input (exit 2), not an internal error.
   */
  private int check() {
    PluginChecker.Result r =
        checker.check(check, samples == null ? List.of() : samples, encoder);
    stdout.println("plugin '" + r.plugin().id() + "' " + r.plugin().version() + " ("
        + r.origin() + "): conformance check on " + r.samples() + " samples, encoder "
        + r.options());
    List<ConformanceReport.Step> steps = r.report().steps();
    int width = steps.stream().mapToInt(s -> s.name().length()).max().orElse(0);
    for (ConformanceReport.Step s : steps) {
      stdout.println(String.format("  %-" + width + "s  %s", s.name(),
          (s.passed() ? "passed (" + s.detail() + ")" : "FAILED: " + s.detail())));
    }
    List<ConformanceReport.Step> failed = r.report().failures();
    if (failed.isEmpty()) {
      stdout.println("all " + steps.size() + " checks passed");
      stdout.flush();
      return ExitCodes.OK;
    }
    stdout.flush();
    throw new PluginError("plugin '" + r.plugin().id() + "' (" + r.origin() + "): "
        + failed.size() + " of " + steps.size() + " conformance checks failed ("
        + String.join(", ", failed.stream().map(ConformanceReport.Step::name).toList())
        + "), expected all to pass (the lines above say why)");
  }

  private void print(String title, List<String[]> rows, int[] widths) {
    stdout.println(title);
    if (rows.isEmpty()) {
      stdout.println("  (none)");
    }
    for (String[] r : rows) {
      stdout.println(String.format(
          "  %-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s",
          r[0], r[1], r[2], r[3]));
    }
  }
}
