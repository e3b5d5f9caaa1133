package io.sharcs.runner.cli;

import io.sharcs.api.DatasetProvider;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.plugins.BrokenPlugin;
import io.sharcs.runner.plugins.PluginError;
import io.sharcs.runner.plugins.PluginRegistry;
import io.sharcs.runner.run.Stdout;
import io.sharcs.runner.run.Versions;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sharcs plugins}: lists the modality plugins and data set providers found. */
@Command(
    name = PluginsCommand.NAME,
    mixinStandardHelpOptions = true,
    description = "List the modality plugins and data set providers found (built in, or from a"
        + " jar in a plugin folder), with where each came from, and the broken ones with why.")
public final class PluginsCommand implements Callable<Integer> {

  /** The command's name. */
  public static final String NAME = "plugins";

  private final PluginRegistry registry;
  private final PrintStream stdout;

  /**
   * @param registry the plugins found
   * @param stdout where the list goes
   */
  @Inject
  public PluginsCommand(PluginRegistry registry, @Stdout PrintStream stdout) {
    this.registry = registry;
    this.stdout = stdout;
  }

  @Override
  public Integer call() {
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
