package io.sharcs.runner.cli;

import io.sharcs.api.InvalidInputException;
import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.plugins.PluginError;
import java.io.PrintStream;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Reports failures as exactly one line on stderr, {@code sharcs: ...}, plus the stack trace with
 * {@code --verbose}. Bad input ({@link InputError}, {@link io.sharcs.api.InvalidInputException},
 * {@link PluginError}, command-line syntax) exits with {@link ExitCodes#BAD_INPUT}; anything else
 * with {@link ExitCodes#FAILURE}.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

  /** The global option that turns on stack traces. */
  public static final String VERBOSE = "--verbose";

  private final PrintStream err;

  /** @param err where the line goes */
  public ErrorReporter(PrintStream err) {
    this.err = err;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    return report(ex, verbose(parseResult));
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    String help = ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
    err.println("sharcs: " + InputError.oneLine(ex.getMessage()) + " (see '" + help + "')");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /** Prints the line for {@code t} and returns the exit code. */
  public int report(Throwable t, boolean verbose) {
    int code;
    String line;
    if (t instanceof InputError e) {
      code = ExitCodes.BAD_INPUT;
      line = e.line();
    } else if (t instanceof InvalidInputException || t instanceof PluginError) {
      code = ExitCodes.BAD_INPUT;
      line = "sharcs: " + InputError.oneLine(t.getMessage());
    } else {
      code = ExitCodes.FAILURE;
      line = "sharcs: internal error: " + t.getClass().getName()
          + (t.getMessage() == null ? "" : ": " + InputError.oneLine(t.getMessage()))
          + (verbose ? "" : " (run with --verbose for the stack trace)");
    }
    err.println(line);
    if (verbose) {
      t.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** Whether {@code --verbose} was given to the command or any subcommand. */
  public static boolean verbose(ParseResult result) {
    for (ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption(VERBOSE)) {
        return true;
      }
    }
    return false;
  }
}
