package io.sharcs.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.core.train.EpochReport;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

  @Test
  void oneLinePerEpochInTheDocumentedFormat() {
    assertThat(ProgressPrinter.format(new EpochReport(12, 150, 0.51234, 0.8123, 0.1042, 0.0312)))
        .isEqualTo("epoch  12/150  loss 0.5123  train-acc 0.812  d 0.104  31 ms");
    assertThat(ProgressPrinter.format(new EpochReport(3, 10, 1, 0.5, 0, 1.5)))
        .isEqualTo("epoch  3/10  loss 1.0000  train-acc 0.500  d 0.000  1500 ms");
  }
}
