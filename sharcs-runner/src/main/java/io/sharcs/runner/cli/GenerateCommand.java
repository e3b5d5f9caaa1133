package io.sharcs.runner.cli;

import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.run.RunnerEnvironment;

import io.sharcs.api.InvalidConfigException;
import io.sharcs.runner.datasets.clevr.ClevrGenerator;
import io.sharcs.runner.datasets.clevr.ClevrNegatives;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sharcs generate clevr --questions N --out DIR [--seed S] [--negatives uniform|near]}:
 * writes a data set.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generate a data set into a folder.")
public final class GenerateCommand implements Runnable {

  @Spec CommandSpec spec;

  private final RunnerEnvironment env;
  private final PrintStream stdout;

  /**
   * @param env the outside world (relative paths resolve against its working directory)
   * @param stdout where the summary goes
   */
  public GenerateCommand(RunnerEnvironment env, PrintStream stdout) {
    this.env = env;
    this.stdout = stdout;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing data set, expected clevr");
  }

  /** {@code generate clevr}: single-object CLEVR scenes, two questions each. */
  @Command(
      name = "clevr",
      mixinStandardHelpOptions = true,
      description = {
        "Render single-object CLEVR scenes (320x240) with two questions each, one true and",
        "one false, in CLEVR's formats: images/CLEVR_new_NNNNNN.png, questions.json,",
        "scenes.json. The same seed and number of questions give identical files."
      })
  int clevr(
      @Option(names = "--questions", required = true, paramLabel = "N",
          description = "The number of questions (>= 2); scenes = ceil(N / 2).") int questions,
      @Option(names = "--out", required = true, paramLabel = "DIR",
          description = "The folder to create (or an empty one).") String out,
      @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
          description = "The seed (default ${DEFAULT-VALUE}).") long seed,
      @Option(names = "--negatives", defaultValue = "uniform", paramLabel = "KIND",
          description = "The false questions: uniform (any other description, as real CLEVR;"
              + " default) or near (half differ from the object in one attribute only).")
          String negatives) {
    if (questions < 2) {
      throw new InputError(null, "--questions", "got " + questions + ", expected an integer >= 2");
    }
    Path target = env.workingDirectory().resolve(out).normalize();
    long start = System.nanoTime();
    ClevrNegatives kind;
    try {
      kind = ClevrNegatives.parse("--negatives", negatives);
    } catch (InvalidConfigException e) {
      throw new InputError(null, "--negatives", e.problem());
    }
    ClevrGenerator generator = new ClevrGenerator(questions, seed, kind);
    generator.writeTo(target);
    stdout.printf(Locale.ROOT, "wrote %d questions about %d scenes to %s in %.1f s%n",
        questions, generator.scenes(), target, (System.nanoTime() - start) / 1e9);
    stdout.flush();
    return ExitCodes.OK;
  }
}
