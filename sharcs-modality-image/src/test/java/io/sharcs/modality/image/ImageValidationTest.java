package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.PreprocessingData;
import io.sharcs.api.Preprocessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preprocessing's fit validates every image, naming the first bad sample; and reading. */
class ImageValidationTest {

  private final ModalityDefinition<ImageSample, ImageEncoderConfig> definition =
      ModalityDefinition.of(new ImagePlugin());

  /** Fits the default preprocessing on {@code samples} (all of them also the training split). */
  private Preprocessor<ImageSample> fit(List<ImageSample> samples, List<String> ids, String where) {
    return definition.fit(new PreprocessingData<>(samples, samples, ids, where),
        ImageEncoderConfig.DEFAULTS).preprocessor();
  }

  @TempDir Path dir;

  private Path good(String name) {
    return TestImages.write(TestImages.uniform(6, 4, 1, 2, 3), "png", dir.resolve(name));
  }

  private void assertRejected(Path bad, String problem) {
    List<ImageSample> samples =
        List.of(ImageSample.ofFile(good("ok.png")), ImageSample.ofFile(bad));
    assertThatThrownBy(() -> fit(samples, List.of("q1", "q2"), "data set 'clevr'"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("data set 'clevr' sample q2: image " + bad.toAbsolutePath() + ": " + problem);
  }

  @Test
  void missingFileNamesTheSampleAndTheFile() {
    assertRejected(dir.resolve("nope.png"), "file not found");
  }

  @Test
  void directoryIsNotAnImage() throws Exception {
    assertRejected(Files.createDirectory(dir.resolve("folder.png")),
        "is a directory, expected a PNG or JPEG file");
  }

  @Test
  void fileWithoutImageContentIsRejected() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.png"), "not an image at all");
    assertRejected(text, "not a PNG or JPEG image (no decoder recognises its content)");
  }

  @Test
  void truncatedPngIsCorrupt() throws Exception {
    Path full = TestImages.write(TestImages.uniform(64, 64, 9, 99, 199), "png",
        dir.resolve("full.png"));
    byte[] bytes = Files.readAllBytes(full);
    Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));

    List<ImageSample> samples = List.of(ImageSample.ofFile(cut));
    assertThatThrownBy(() -> fit(samples, List.of("7"), "d"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("d sample 7: image " + cut.toAbsolutePath()
            + ": cannot be decoded, the file is corrupt or not a PNG/JPEG (");
  }

  @Test
  void reportsTheFirstBadSampleInDataSetOrder() {
    Path ok = good("ok.png");
    List<ImageSample> samples = List.of(
        ImageSample.ofFile(ok), ImageSample.ofFile(dir.resolve("b.png")),
        ImageSample.ofFile(ok), ImageSample.ofFile(dir.resolve("a.png")));

    for (int repeat = 0; repeat < 5; repeat++) {
      assertThatThrownBy(() -> fit(samples, List.of("0", "1", "2", "3"), "d"))
          .hasMessageStartingWith("d sample 1: image " + dir.resolve("b.png").toAbsolutePath());
    }
  }

  @Test
  void validatesEverySampleNotOnlyTheTrainingSplit() {
    ImageSample ok = ImageSample.ofFile(good("ok.png"));
    ImageSample missing = ImageSample.ofFile(dir.resolve("test-only.png"));
    PreprocessingData<ImageSample> data = new PreprocessingData<>(
        List.of(ok), List.of(ok, missing), List.of("train 0", "test 0"), "d");

    assertThatThrownBy(() -> definition.fit(data, ImageEncoderConfig.DEFAULTS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("d sample test 0: image " + dir.resolve("test-only.png").toAbsolutePath()
            + ": file not found");
  }

  @Test
  void noImagesIsAnError() {
    assertThatThrownBy(() -> fit(List.of(), List.of(), "d"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("d: found no images, expected at least one");
  }

  @Test
  void batchingAnUnseenFileThatVanishedNamesIt() throws Exception {
    // Images seen when fitting are served from the preprocessor's cache; one it never saw (new
    // data given to a fitted model) is read from disk, and a vanished file is named.
    Path seen = good("seen.png");
    Path file = good("gone.png");
    Preprocessor<ImageSample> pre = fit(List.of(ImageSample.ofFile(seen)), List.of("1"), "d");
    Files.delete(file);
    List<ImageSample> samples = List.of(ImageSample.ofFile(file));

    try (NDManager manager = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> pre.batch(samples, manager))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("image " + file.toAbsolutePath() + ": file not found");
    }
  }

  @Test
  void readsAPathStringAndRejectsAnythingElse() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Path file = good("a.png");
    ImageSample sample = definition.reader().read(
        json.getNodeFactory().textNode(file.toString()), "data.jsonl line 3");

    assertThat(sample).isEqualTo(ImageSample.ofFile(file));
    assertThat(sample.file()).contains(file.toAbsolutePath());
    assertThatThrownBy(
            () -> definition.reader().read(json.readTree("[1, 2]"), "data.jsonl line 4"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("data.jsonl line 4: found array [1,2], expected the path of a PNG or JPEG file or an inline raster");
    assertThatThrownBy(
            () -> definition.reader().read(json.readTree("\"  \""), "data.jsonl line 5"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected the path of a PNG or JPEG file");
    assertThatThrownBy(() -> definition.reader().read(null, "x"))
        .hasMessageStartingWith("x: found nothing, expected the path of a PNG or JPEG file or an inline raster");
  }

  /** The header is checked when read, so the message names where the path was written. */
  @Test
  void readingAMissingFileOrANonImageNamesWhereThePathWasWritten() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Path missing = dir.resolve("nope.png");
    Path text = Files.writeString(dir.resolve("notes.png"), "not an image at all");
    Path folder = Files.createDirectory(dir.resolve("folder.png"));

    assertThatThrownBy(() -> definition.reader().read(
            json.getNodeFactory().textNode(missing.toString()), "rows.csv: line 4: column 'p'"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("rows.csv: line 4: column 'p': found '" + missing + "', file not found,"
            + " expected a PNG or JPEG file");
    assertThatThrownBy(() -> definition.reader().read(
            json.getNodeFactory().textNode(text.toString()), "rows.csv: line 5: column 'p'"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("rows.csv: line 5: column 'p': found '" + text + "', not a PNG or JPEG image"
            + " (no decoder recognises its content), expected a PNG or JPEG file");
    assertThatThrownBy(() -> definition.reader().read(
            json.getNodeFactory().textNode(folder.toString()), "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("x: found '" + folder + "', is a directory, expected a PNG or JPEG file");
  }
}
