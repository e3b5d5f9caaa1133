package io.sharcs.runner.run;

import io.sharcs.core.train.EpochReport;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Prints one line per epoch: {@code epoch  12/150  loss 0.5123  train-acc 0.812  d 0.104  31 ms};
 * in an epoch with local supervision also each local head's loss and accuracy, {@code  local
 * graph 0.1412/0.934}.
 */
public final class ProgressPrinter implements Consumer<EpochReport> {

  private final PrintStream out;

  /** @param out where lines go */
  public ProgressPrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void accept(EpochReport r) {
    out.println(format(r));
    out.flush();
  }

  /** The line for {@code r}. */
  public static String format(EpochReport r) {
    int width = Integer.toString(Math.max(r.epochs(), r.epoch())).length();
    StringBuilder local = new StringBuilder();
    for (EpochReport.Local l : r.local()) {
      local.append(String.format(
          Locale.ROOT, "  local %s %.4f/%.3f", l.modality(), l.loss(), l.accuracy()));
    }
    return String.format(
        Locale.ROOT,
        "epoch %" + width + "d/%d  loss %.4f  train-acc %.3f  d %.3f%s  %d ms",
        r.epoch(), r.epochs(), r.loss(), r.trainAccuracy(), r.distance(), local,
        Math.round(r.seconds() * 1000));
  }
}
