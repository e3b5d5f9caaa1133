package io.sharcs.core.pipeline;

import io.sharcs.core.data.PreprocessingReport;
import java.util.List;

/**
 * Every result of one run, as typed records; {@link MetricNames} names them.
 *
 * @param model what the model pipeline measured
 * @param preprocessing what each slot's preprocessing reports about each split
 * @param totalSeconds the wall time of the whole run
 */
public record RunReport(
    ModelResults model, List<PreprocessingReport> preprocessing, double totalSeconds) {
  public RunReport {
    preprocessing = List.copyOf(preprocessing);
  }
}
