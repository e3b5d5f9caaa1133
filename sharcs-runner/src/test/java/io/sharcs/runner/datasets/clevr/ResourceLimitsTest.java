package io.sharcs.runner.datasets.clevr;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.runner.Fixtures;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.TrainingPipeline;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, items 2 and 3, through the CLI: the bound on generated questions, the estimate printed
 * before generating, the refusal when the disk is too small, and the image pixel limit. Each bad
 * case exits 2 with exactly one stderr line, writes no data and leaves an existing run folder as
 * it was.
 */
class ResourceLimitsTest {

  private static final String EXPERIMENT = """
      name: clevr-limits
      seed: 0
      mode: sharcs
      dataset:
        type: clevr
        root: data
        generate: {questions: 8}
        train_fraction: 0.5
      modalities:
        - name: text
          plugin: text
          encoder: {representation: bag-of-words, hidden: [8]}
        - name: image
          plugin: image
          encoder: {}
      model: {concepts: 4, steepness: 5, projection_hidden: 4, predictor_hidden: 4}
      training: {epochs: 1, batch_size: 4}
      runtime: {threads: 1}
      """;

  private static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());

  @TempDir Path dir;
  private Path previous;

  @BeforeEach
  void previousRun() {
    previous = dir.resolve("runs/previous");
    Fixtures.previousRun(previous);
  }

  @AfterEach
  void realDisk() {
    ClevrGenerator.freeSpace = ClevrGenerator::usableSpaceForTests;
  }

  private RunnerEnvironment env(TrainingPipeline pipeline) {
    return Fixtures.env(dir, pipeline).withPlugins(PluginCatalog::discover);
  }

  private Fixtures.CliResult run(String experiment, TrainingPipeline pipeline, String... extra) {
    Fixtures.write(dir.resolve("examples"), "exp.yaml", experiment);
    List<String> args = new ArrayList<>(List.of("run", "examples/exp.yaml", "--out",
        "runs/previous"));
    args.addAll(List.of(extra));
    return Fixtures.cli(env(pipeline), args.toArray(String[]::new));
  }

  private static void assertOneLine(Fixtures.CliResult r, String regex) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).matches(regex);
  }

  @Test
  void generateRefusesATypoOfEightMillionQuestions() {
    Fixtures.CliResult r = Fixtures.cli(env(Fixtures.neverCalled()),
        "generate", "clevr", "--questions", "8000000", "--out", "gen");
    assertOneLine(r, Pattern.quote("sharcs: --questions: got 8000000, expected at most 200000"
        + " (100,000 scenes, about 2.2 GB)"));
    assertThat(r.out()).isEmpty();
    assertThat(dir.resolve("gen")).doesNotExist();
  }

  @Test
  void generateRefusesOneQuestionAboveTheBound() {
    Fixtures.CliResult r = Fixtures.cli(env(Fixtures.neverCalled()),
        "generate", "clevr", "--questions", "200001", "--out", "gen");
    assertOneLine(r, Pattern.quote("sharcs: --questions: got 200001, expected at most 200000"
        + " (100,000 scenes, about 2.2 GB)"));
    assertThat(dir.resolve("gen")).doesNotExist();
  }

  @Test
  void runRefusesAnUnboundedGenerateBlockBeforeWritingAnything() {
    Map<String, String> before = Fixtures.snapshot(previous);
    Fixtures.CliResult r = run(EXPERIMENT.replace("questions: 8", "questions: 8000000"),
        Fixtures.neverCalled());
    assertOneLine(r, Pattern.quote("sharcs: examples/exp.yaml: dataset.generate.questions: got"
        + " 8000000, expected at most 200000 (100,000 scenes, about 2.2 GB)"));
    assertThat(r.out()).isEmpty();
    assertThat(dir.resolve("examples/data")).doesNotExist();
    assertThat(Fixtures.snapshot(previous)).isEqualTo(before);
  }

  @Test
  void generatePrintsItsEstimateBeforeItStarts() {
    Fixtures.CliResult r = Fixtures.cli(env(Fixtures.neverCalled()),
        "generate", "clevr", "--questions", "8", "--out", "gen");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.outLines()).hasSize(2);
    assertThat(r.outLines().get(0)).isEqualTo(String.format(Locale.ROOT,
        "generating 8 questions (4 scenes, about 88 KB, about 2 s on %d %s) into %s", CORES,
        CORES == 1 ? "core" : "cores", dir.resolve("gen")));
    assertThat(r.outLines().get(1)).startsWith("wrote 8 questions about 4 scenes (images/,"
        + " questions.json, scenes.json) and a manifest of 8 rows (rows.csv, manifest.yaml) to ");
  }

  @Test
  void generateRefusesWhenTheDiskHasLessRoomThanTheEstimate() {
    ClevrGenerator.freeSpace = path -> 50_000;
    Fixtures.CliResult r = Fixtures.cli(env(Fixtures.neverCalled()),
        "generate", "clevr", "--questions", "8", "--out", "gen");
    assertOneLine(r, Pattern.quote("sharcs: " + dir.resolve("gen") + ": generating 8 questions"
        + " (4 scenes, about 88 KB, about 2 s on " + CORES + (CORES == 1 ? " core" : " cores")
        + ") needs about 88 KB, but its file system has 50 KB free; free some space or generate"
        + " fewer questions"));
    assertThat(dir.resolve("gen")).doesNotExist();
    assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().contains(".tmp-"));
  }

  @Test
  void runRefusesToGenerateOnAFullDiskAndLeavesTheRunFolderAlone() {
    ClevrGenerator.freeSpace = path -> 1_000;
    Map<String, String> before = Fixtures.snapshot(previous);
    Fixtures.CliResult r = run(EXPERIMENT, Fixtures.neverCalled());
    assertOneLine(r, "^sharcs: " + Pattern.quote(dir.resolve("examples/data").toString())
        + ": generating 8 questions \\(.*\\) needs about 88 KB, but its file system has 1 KB"
        + " free; free some space or generate fewer questions$");
    assertThat(r.out()).isEmpty();
    assertThat(dir.resolve("examples/data")).doesNotExist();
    assertThat(Fixtures.snapshot(previous)).isEqualTo(before);
  }

  @Test
  void runPrintsTheEstimateBeforeGenerating() {
    Fixtures.CliResult r = run(EXPERIMENT, Fixtures.fakeTraining());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.outLines().get(0)).isEqualTo(String.format(Locale.ROOT,
        "generating 8 questions (4 scenes, about 88 KB, about 2 s on %d %s) into %s", CORES,
        CORES == 1 ? "core" : "cores", dir.resolve("examples/data")));
    assertThat(dir.resolve("examples/data/questions.json")).exists();
  }

  @Test
  void anImageAboveMaxPixelsIsOneLineNamingTheFileAndItsSize() throws Exception {
    Fixtures.CliResult generated = Fixtures.cli(env(Fixtures.neverCalled()),
        "generate", "clevr", "--questions", "8", "--out", "examples/data");
    assertThat(generated.code()).as(generated.err()).isZero();
    // A valid 8000x8000 PNG, a few tens of KB on disk, in place of a scene.
    Path big = dir.resolve("examples/data/images").resolve(ClevrGenerator.imageName(1));
    blankGreyPng(8000, 8000, big);
    Map<String, String> before = Fixtures.snapshot(previous);

    Fixtures.CliResult r = run(EXPERIMENT, TrainingPipeline.sharcs());

    assertOneLine(r, "^sharcs: .*image " + Pattern.quote(big.toString())
        + ": 8000x8000 = 64\\.0 megapixels, expected at most 40\\.0 \\(option max_pixels\\)$");
    assertThat(Fixtures.snapshot(previous)).isEqualTo(before);
  }

  @Test
  void maxPixelsIsAnOptionOfTheExperiment() {
    Fixtures.CliResult generated = Fixtures.cli(env(Fixtures.neverCalled()),
        "generate", "clevr", "--questions", "8", "--out", "examples/data");
    assertThat(generated.code()).as(generated.err()).isZero();
    Map<String, String> before = Fixtures.snapshot(previous);

    Fixtures.CliResult r = run(EXPERIMENT, TrainingPipeline.sharcs(),
        "--set", "modalities.1.encoder.max_pixels=50000");

    assertOneLine(r, "^sharcs: .*image " + Pattern.quote(
            dir.resolve("examples/data/images").resolve(ClevrGenerator.imageName(0)).toString())
        + ": 320x240 = 0\\.0768 megapixels, expected at most 0\\.05 \\(option max_pixels\\)$");
    assertThat(Fixtures.snapshot(previous)).isEqualTo(before);
  }

  @Test
  void maxPixelsIsValidatedLikeTheOtherImageOptions() {
    Map<String, String> before = Fixtures.snapshot(previous);
    Fixtures.CliResult r = run(EXPERIMENT, Fixtures.neverCalled(),
        "--set", "modalities.1.encoder.max_pixels=0");
    assertOneLine(r, Pattern.quote("sharcs: examples/exp.yaml: modalities[1].encoder.max_pixels:"
        + " got 0, expected an integer in [1, 500000000] (pixels, width x height)"));
    assertThat(dir.resolve("examples/data")).doesNotExist();
    assertThat(Fixtures.snapshot(previous)).isEqualTo(before);
  }

  /** A valid 8-bit grey PNG of {@code width x height} zeros, written without an image in memory. */
  static void blankGreyPng(int width, int height, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(ihdr);
      h.writeInt(width);
      h.writeInt(height);
      h.write(new byte[] {8, 0, 0, 0, 0});
      chunk(out, "IHDR", ihdr.toByteArray());
      ByteArrayOutputStream idat = new ByteArrayOutputStream();
      try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
        byte[] row = new byte[1 + width];
        for (int y = 0; y < height; y++) {
          z.write(row);
        }
      }
      chunk(out, "IDAT", idat.toByteArray());
      chunk(out, "IEND", new byte[0]);
    }
  }

  private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    d.writeInt(data.length);
    d.write(t);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
