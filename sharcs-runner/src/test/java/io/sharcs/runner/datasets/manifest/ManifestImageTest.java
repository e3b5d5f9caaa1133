package io.sharcs.runner.datasets.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.TrainingPipeline;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest's {@code file} column read by the real image plugin, beside a text column: a short
 * run on PNG files the test draws, and the bad image cells, each one line naming the manifest,
 * the line, the column, what was found and what was expected.
 */
class ManifestImageTest {

  private static final String EXPERIMENT = """
      name: pictures
      seed: 0
      dataset:
        type: manifest
        file: data/rows.csv
        columns: {caption: caption, picture: {file: picture}}
        label: label
        split: split
        keys: {caption: shown, picture: shown}
      modalities:
        - {name: caption, plugin: text}
        - {name: picture, plugin: image, encoder: {width: 16, height: 16}}
      model: {concepts: 4}
      training: {epochs: 2, batch_size: 4}
      """;

  @TempDir Path work;

  private final List<String> rows = new ArrayList<>();

  /** Twelve rows: a red or blue disc and its caption; eight train, four test. */
  @BeforeEach
  void pictures() throws IOException {
    Files.createDirectories(work.resolve("data/pics"));
    rows.add("id,label,split,caption,picture,shown");
    for (int i = 0; i < 12; i++) {
      String colour = i % 2 == 0 ? "red" : "blue";
      BufferedImage image = new BufferedImage(20, 16, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setColor(Color.GRAY);
      g.fillRect(0, 0, 20, 16);
      g.setColor(i % 2 == 0 ? Color.RED : Color.BLUE);
      g.fillOval(2 + i % 5, 3, 9, 9);
      g.dispose();
      ImageIO.write(image, "png", work.resolve("data/pics/" + i + ".png").toFile());
      rows.add("p" + i + "," + colour + "," + (i < 8 ? "train" : "test") + ",a " + colour
          + " disc," + "pics/" + i + ".png," + colour);
    }
    Fixtures.write(work, "pictures.yaml", EXPERIMENT);
  }

  @Test
  void imageFilesOfAManifestTrainWithTheRealImagePlugin() throws IOException {
    writeRows();
    RunnerEnvironment env = Fixtures.env(work, TrainingPipeline.sharcs())
        .withPlugins(PluginCatalog::discover);

    Fixtures.CliResult r = Fixtures.cli(env, "run", "pictures.yaml", "--out", "run");

    assertThat(r.code()).as(r.err()).isZero();
    var metrics = new ObjectMapper().readTree(work.resolve("run/metrics.json").toFile());
    assertThat(metrics.has("accuracy.test")).isTrue();
    assertThat(metrics.has("missing_modality_accuracy.picture")).isTrue();
    assertThat(metrics.has("retrieval.caption_to_picture.exact")).isTrue();
    // The image plugin drew the manifest's pictures in the report.
    assertThat(work.resolve("run/report.html")).content().contains("data:image/png;base64,");
  }

  @Test
  void aMissingImageIsOneLine() {
    rows.set(4, rows.get(4).replace("pics/3.png", "pics/nope.png"));
    assertOneLine("sharcs: data/rows.csv: line 5: column 'picture': found 'pics/nope.png', but"
        + " no such file, expected an existing file inside the manifest's folder");
  }

  @Test
  void aPathLeavingTheManifestFolderIsOneLine() throws IOException {
    Files.copy(work.resolve("data/pics/3.png"), work.resolve("outside.png"));
    rows.set(4, rows.get(4).replace("pics/3.png", "../outside.png"));
    assertOneLine("sharcs: data/rows.csv: line 5: column 'picture': found '../outside.png',"
        + " which leaves the manifest's folder, expected a path inside it");
  }

  @Test
  void aFileThatIsNotAnImageIsOneLine() throws IOException {
    Files.writeString(work.resolve("data/pics/notes.png"), "a shopping list, not a picture");
    rows.set(4, rows.get(4).replace("pics/3.png", "pics/notes.png"));
    Path resolved = work.resolve("data").toRealPath().resolve("pics/notes.png");
    assertOneLine("sharcs: data/rows.csv: line 5: column 'picture': found '" + resolved + "',"
        + " not a PNG or JPEG image (no decoder recognises its content), expected a PNG or"
        + " JPEG file");
  }

  private void assertOneLine(String expected) {
    writeRows();
    RunnerEnvironment env = Fixtures.env(work, Fixtures.neverCalled())
        .withPlugins(PluginCatalog::discover);
    Fixtures.CliResult r = Fixtures.cli(env, "run", "pictures.yaml", "--out", "run");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.errLines()).containsExactly(expected);
    assertThat(work.resolve("run")).doesNotExist();
  }

  private void writeRows() {
    Fixtures.write(work.resolve("data"), "rows.csv", String.join("\n", rows) + "\n");
  }
}
