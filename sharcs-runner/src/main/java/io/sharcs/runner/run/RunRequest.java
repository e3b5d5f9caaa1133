package io.sharcs.runner.run;

import java.util.List;

/**
 * What {@code sharcs run} was asked to do.
 *
 * @param experiment the experiment file as the user named it
 * @param seed {@code --seed}, or null
 * @param mode {@code --mode}, or null
 * @param out {@code --out}, or null for {@code runs/<name>/<mode>/seed-<seed>}
 * @param sets the {@code --set key=value} options in order
 * @param arguments the whole command line, for provenance
 * @param profileEpoch {@code --profile-epoch}: the training epoch whose engine operations are
 *     recorded, or null
 */
public record RunRequest(
    String experiment, Long seed, String mode, String out, List<String> sets,
    List<String> arguments, Integer profileEpoch) {

  public RunRequest {
    sets = sets == null ? List.of() : List.copyOf(sets);
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
  }

  /** A request without profiling. */
  public RunRequest(
      String experiment, Long seed, String mode, String out, List<String> sets,
      List<String> arguments) {
    this(experiment, seed, mode, out, sets, arguments, null);
  }
}
