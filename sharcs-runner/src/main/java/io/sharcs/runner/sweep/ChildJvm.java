package io.sharcs.runner.sweep;

import io.sharcs.runner.run.ParentWatchdog;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM that runs the CLI's main class ({@link ChildMain}): the same
 * java executable, JVM options and class path as this JVM, so that a child started from the
 * {@code ./sharcs} launcher or from a test runs the same code with the same settings. Debugger
 * agents are not passed on (every child would try to listen on the same port). Each child
 * watches this JVM ({@link ParentWatchdog}) and ends when it ends.
 */
final class ChildJvm {

  private final List<String> prefix;
  private final String verboseOption;

  private ChildJvm(List<String> prefix, String verboseOption) {
    this.prefix = List.copyOf(prefix);
    this.verboseOption = verboseOption;
  }

  /** The JVM this code runs in, starting {@code main}. */
  static ChildJvm current(ChildMain main) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    String parent = "-D" + ParentWatchdog.PROPERTY + "=";
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!isDebugAgent(option) && !option.startsWith(parent)) {
        cmd.add(option);
      }
    }
    // The child ends when this JVM does, even after kill -9 (no shutdown hook runs then).
    cmd.add(parent + ParentWatchdog.currentProcess());
    cmd.add("-cp");
    cmd.add(absoluteClassPath(System.getProperty("java.class.path")));
    cmd.add(main.mainClass());
    return new ChildJvm(cmd, main.verboseOption());
  }

  /** The option that makes the child print stack traces. */
  String verboseOption() {
    return verboseOption;
  }

  /** The full command for {@code sharcs <arguments>}. */
  List<String> command(List<String> arguments) {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(arguments);
    return cmd;
  }

  private static boolean isDebugAgent(String option) {
    return option.startsWith("-agentlib:jdwp") || option.startsWith("-Xrunjdwp")
        || option.equals("-Xdebug");
  }

  /** Children may start in another directory: relative class-path entries are made absolute. */
  private static String absoluteClassPath(String classPath) {
    List<String> entries = new ArrayList<>();
    for (String e : classPath.split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(Path.of(e).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
