package io.sharcs.runner.run;

import io.sharcs.api.DataWrites;
import io.sharcs.runner.config.ConfigOverride;
import io.sharcs.runner.config.ConfigOverrides;
import io.sharcs.runner.config.InputError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code sharcs run} lets a data set provider generate data (docs/decisions.md, "Where data
 * is generated"): inside the experiment file's folder, inside the working directory (where the
 * {@code runs/} folder goes), or at an absolute path given for that option on the command line
 * ({@code --set dataset.root=/abs/path}). Paths are compared after {@code ..} and symbolic links
 * are resolved, so neither leads out. Reading existing data is not restricted.
 */
final class RunDataWrites implements DataWrites {

  private final Path experimentFolder;
  private final Path workingDirectory;
  private final ConfigOverrides overrides;
  private final String datasetType;
  private final String file;

  /**
   * @param experimentFolder the experiment file's folder
   * @param workingDirectory the working directory
   * @param overrides the command line's overrides
   * @param datasetType the data set's id, for the message
   * @param file the experiment file as the user named it
   */
  RunDataWrites(Path experimentFolder, Path workingDirectory, ConfigOverrides overrides,
      String datasetType, String file) {
    this.experimentFolder = experimentFolder.toAbsolutePath().normalize();
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.overrides = overrides;
    this.datasetType = datasetType;
    this.file = file;
  }

  @Override
  public void check(Path folder, String field) {
    List<Path> allowed = new ArrayList<>(List.of(experimentFolder, workingDirectory));
    allowed.addAll(commandLinePaths(field));
    if (DataWrites.isInside(folder, allowed)) {
      return;
    }
    throw new InputError(file, "dataset." + field,
        "resolves to " + folder.toAbsolutePath().normalize() + ", outside the experiment's folder"
            + " and the working directory, where data is generated; expected a folder inside"
            + " one of them, an absolute path on the command line (--set dataset." + field
            + "=/abs/path), or data written beforehand (sharcs generate " + datasetType
            + " --out DIR)");
  }

  /** The absolute paths given for {@code dataset.<field>} with {@code --set}. */
  private List<Path> commandLinePaths(String field) {
    List<Path> paths = new ArrayList<>();
    for (ConfigOverride o : overrides.items()) {
      if (o.keys().equals(List.of("dataset", field)) && o.value().isTextual()) {
        Path p = Path.of(o.value().asText());
        if (p.isAbsolute()) {
          paths.add(p.normalize());
        }
      }
    }
    return paths;
  }
}
