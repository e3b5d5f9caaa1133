package io.sharcs.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One run of a sweep, validated and placed.
 *
 * @param point the grid point
 * @param name the run folder relative to the sweep folder, e.g. {@code lambda-0.1/sharcs/seed-0}
 * @param folder the run folder (absolute)
 * @param config the resolved config the run must have (as read back from YAML)
 * @param complete whether the folder already holds this run's result
 */
record PlannedRun(GridPoint point, String name, Path folder, JsonNode config, boolean complete) {

  PlannedRun {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(config, "config");
  }
}
