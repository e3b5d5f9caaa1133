package io.sharcs.runner.explain;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.runner.config.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a run's {@value ExplanationsJson#FILE} that explain one sample: the catalogue's
 * sentences (per concept set: each modality's local concepts and {@code shared}) and the concept
 * trees with their nodes.
 */
public final class SavedExplanations {

  private final JsonNode root;
  private final List<SavedTree> trees;

  private SavedExplanations(JsonNode root, List<SavedTree> trees) {
    this.root = root;
    this.trees = List.copyOf(trees);
  }

  /**
   * Reads {@code file}, checking its format and version.
   *
   * @param display the file as the user named it, for messages
   * @throws InputError with one line when the file is missing (a run of an older sharcs: run it
   *     again or use {@code sharcs report}), not JSON, of another format or newer version
   */
  public static SavedExplanations read(Path file, String display) {
    if (!Files.isRegularFile(file)) {
      throw new InputError(display, null, "file not found; the run is older than sharcs explain"
          + " or not of a concept model: run it again or use `sharcs report`");
    }
    JsonNode root;
    try {
      root = ExplanationsJson.read(file);
    } catch (IOException e) {
      throw new InputError(display, null, "not JSON (" + e.getMessage() + ")", e);
    }
    if (!ExplanationsJson.FORMAT.equals(root.path("format").asText())) {
      throw new InputError(display, "format", "got '" + root.path("format").asText()
          + "', expected '" + ExplanationsJson.FORMAT + "'");
    }
    int version = root.path("version").asInt(-1);
    if (version != ExplanationsJson.VERSION) {
      throw new InputError(display, "version", "format version " + version + ", this sharcs reads"
          + " version " + ExplanationsJson.VERSION);
    }
    List<SavedTree> trees = new ArrayList<>();
    for (JsonNode t : root.path("trees")) {
      trees.add(SavedTree.of(t, display));
    }
    return new SavedExplanations(root, trees);
  }

  /** Whether the model has a shared concept space (SHARCS), else only local concepts. */
  public boolean sharedSpace() {
    return root.path("shared_space").asBoolean(false);
  }

  /**
   * The catalogue's sentence for concept {@code index} of {@code set} (a modality name or {@code
   * shared}), or empty when the catalogue has no such concept.
   */
  public Optional<String> sentence(String set, int index) {
    JsonNode c = root.path("catalogue").path(set).path("concepts").path(index);
    JsonNode s = c.path("sentence");
    return s.isTextual() ? Optional.of(s.asText()) : Optional.empty();
  }

  /** The tree called {@code name} (e.g. {@code depth3}), if the run fitted one. */
  public Optional<SavedTree> tree(String name) {
    return trees.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
