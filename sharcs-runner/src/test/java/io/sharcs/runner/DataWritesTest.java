package io.sharcs.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sharcs.runner.config.ExitCodes;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.run.RunnerEnvironment;
import io.sharcs.runner.run.TrainingPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18, item 4, through the CLI with the real plugins: a rejected CLEVR experiment writes
 * nothing (no generated data, no run folder), data is generated only inside the experiment's
 * folder, the working directory or an absolute root given on the command line, and files read
 * through experiment keys are not echoed in the one error line.
 *
 * <p>Layout: {@code top/cwd} is the working directory, the experiment is {@code
 * top/cwd/examples/clevr.yaml}, and {@code top/outside} is outside both.
 */
class DataWritesTest {

  private static final String FILE = "examples/clevr.yaml";
  private static final String P = "sharcs: " + FILE + ": ";

  /** A CLEVR experiment that generates 4 questions into {@code data} next to it. */
  private static final String CLEVR = """
      name: clevr
      dataset:
        type: clevr
        root: data
        scenes: scenes.json
        train_fraction: 0.5
        generate: {questions: 4}
      modalities:
        - name: text
          plugin: text
        - name: image
          plugin: image
      training: {epochs: 1, batch_size: 2}
      """;

  @TempDir Path top;
  private Path cwd;
  private Path outside;

  @BeforeEach
  void layout() throws Exception {
    cwd = Files.createDirectories(top.resolve("cwd"));
    outside = Files.createDirectories(top.resolve("outside"));
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        arguments("a modality name the data set does not have",
            CLEVR.replace("name: image", "name: picture"), List.of(),
            exact(P + "modalities: got names [text, picture], expected the modality names of"
                + " data set 'clevr': [text, image]")),
        arguments("statistics modality without its modality",
            CLEVR.replace("train_fraction: 0.5", "train_fraction: 0.5\n  statistics_modality: true"),
            List.of(),
            exact(P + "modalities: got names [text, image], expected the modality names of"
                + " data set 'clevr': [text, image, stats]")),
        arguments("a bad key elsewhere in the file",
            CLEVR.replace("training: {epochs: 1", "training: {epoch: 1"), List.of(),
            "^" + Pattern.quote(P + "training.epoch: unknown key, expected one of") + ".*"),
        arguments("a bad modality option",
            CLEVR.replace("plugin: image", "plugin: image\n    encoder: {widht: 64}"), List.of(),
            "^" + Pattern.quote(P + "modalities[1].encoder.widht: unknown key, expected one of")
                + ".*"),
        arguments("a bad --set elsewhere", CLEVR, List.of("--set", "model.concepts=0"),
            exact(P + "model.concepts: got 0, expected an integer > 0")),
        arguments("a root through .. out of the experiment's folder and the working directory",
            CLEVR.replace("root: data", "root: ../../outside/data"), List.of(),
            outsideLine("outside/data")),
        arguments("a root through many .. to the outside folder",
            CLEVR.replace("root: data", "root: ../../../../../../../../../..TOP/outside/deep"),
            List.of(), outsideLine("outside/deep")),
        arguments("an absolute root in the file",
            CLEVR.replace("root: data", "root: TOP/outside/abs"), List.of(),
            outsideLine("outside/abs")),
        arguments("a relative root on the command line leading out",
            CLEVR, List.of("--set", "dataset.root=../../outside/cli"),
            outsideLine("outside/cli")),
        arguments("an absolute path on the command line for another key",
            CLEVR.replace("root: data", "root: ../../outside/other"),
            List.of("--set", "dataset.images=TOP/outside/other/images"),
            outsideLine("outside/other")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejectedExperimentsWriteNothing(
      String label, String content, List<String> extra, String expected) throws Exception {
    String text = content.replace("../../../../../../../../../..TOP", "../../../../../../../../../.."
        + top.toAbsolutePath()).replace("TOP", top.toAbsolutePath().toString());
    Fixtures.write(cwd.resolve("examples"), "clevr.yaml", text);
    Map<String, String> before = Fixtures.snapshot(top);
    List<String> args = new ArrayList<>(List.of("run", FILE));
    for (String e : extra) {
      args.add(e.replace("TOP", top.toAbsolutePath().toString()));
    }

    Fixtures.CliResult r = Fixtures.cli(env(Fixtures.neverCalled()), args.toArray(String[]::new));

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.errLines()).singleElement().asString()
        .matches(expected.replace("TOP", Pattern.quote(top.toAbsolutePath().toString())));
    assertThat(Fixtures.snapshot(top)).as("nothing written").isEqualTo(before);
    try (Stream<Path> all = Files.walk(top)) {
      assertThat(all.filter(Files::isDirectory).map(top::relativize).map(Path::toString))
          .containsExactlyInAnyOrder("", "cwd", "cwd/examples", "outside");
    }
  }

  @Test
  void aSymbolicLinkInsideTheExperimentFolderDoesNotLeadOut() throws Exception {
    Fixtures.write(cwd.resolve("examples"), "clevr.yaml",
        CLEVR.replace("root: data", "root: link/data"));
    Files.createSymbolicLink(cwd.resolve("examples/link"), outside);

    Fixtures.CliResult r = Fixtures.cli(env(Fixtures.neverCalled()), "run", FILE);

    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith(P + "dataset.root: resolves to " + cwd.resolve("examples/link/data"));
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void aRunFolderThatIsAFileIsRejectedBeforeAnyDataIsGenerated() {
    Fixtures.write(cwd.resolve("examples"), "clevr.yaml", CLEVR);
    Fixtures.write(cwd, "taken", "a file");

    Fixtures.CliResult r = Fixtures.cli(env(Fixtures.neverCalled()),
        "run", FILE, "--out", "taken");

    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.errLines()).containsExactly(
        "sharcs: taken: is a file, expected a run folder (a directory)");
    assertThat(cwd.resolve("examples/data")).doesNotExist();
  }

  @Test
  void dataIsGeneratedInsideTheExperimentFolderOrTheWorkingDirectory() {
    // Next to the experiment file.
    Fixtures.write(cwd.resolve("examples"), "clevr.yaml", CLEVR);
    Fixtures.CliResult r = Fixtures.cli(env(Fixtures.fakeTraining()), "run", FILE);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(cwd.resolve("examples/data/questions.json")).isRegularFile();

    // Through .. out of the experiment's folder but inside the working directory, as
    // examples/clevr.yaml's ../data/clevr-generated from the repository root.
    Fixtures.write(cwd.resolve("examples"), "clevr.yaml",
        CLEVR.replace("root: data", "root: ../data/clevr-generated"));
    Fixtures.CliResult up = Fixtures.cli(env(Fixtures.fakeTraining()), "run", FILE);
    assertThat(up.code()).as(up.err()).isZero();
    assertThat(cwd.resolve("data/clevr-generated/scenes.json")).isRegularFile();
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void anAbsoluteRootOnTheCommandLineIsWrittenAndExistingDataIsReadFromAnywhere() {
    Fixtures.write(cwd.resolve("examples"), "clevr.yaml", CLEVR);
    Path data = outside.resolve("data");
    Fixtures.CliResult r = Fixtures.cli(env(Fixtures.fakeTraining()),
        "run", FILE, "--set", "dataset.root=" + data.toAbsolutePath());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(data.resolve("questions.json")).isRegularFile();
    assertThat(cwd.resolve("examples/data")).doesNotExist();

    // Reading existing data through .. is not restricted.
    Fixtures.write(cwd.resolve("examples"), "clevr.yaml",
        CLEVR.replace("root: data", "root: ../../outside/data"));
    Map<String, String> before = Fixtures.snapshot(outside);
    Fixtures.CliResult read = Fixtures.cli(env(Fixtures.fakeTraining()), "run", FILE);
    assertThat(read.code()).as(read.err()).isZero();
    assertThat(Fixtures.snapshot(outside)).isEqualTo(before);
  }

  /** A long secret in a file read through an experiment key, never shown whole. */
  private static final String SECRET = "s3cr3t-" + "x".repeat(200) + "-END";

  static Stream<Arguments> echoing() {
    return Stream.of(
        arguments("a question file that is not JSON",
            "questions.json", SECRET + " {\"questions\": []}",
            "^" + Pattern.quote("sharcs: ") + ".*questions\\.json: not valid JSON \\(line 1,"
                + " column \\d+: .*\\), expected a CLEVR question file$"),
        arguments("a question file with a broken value later on",
            "questions.json", "{\"questions\": [\n\n  " + SECRET + "]}",
            "^.*questions\\.json: not valid JSON \\(line 3, column \\d+: .*\\).*$"),
        arguments("a question that is not a single-object question",
            "questions.json", "{\"questions\": [{\"question\": \"" + SECRET
                + "\", \"answer\": \"yes\", \"image_filename\": \"a.png\"}]}",
            "^.*questions\\.json: question 0: question 's3cr3t-x+\\.\\.\\. \\(211 characters\\)'"
                + " is not a single-object question.*$"),
        arguments("an answer that is an object",
            "questions.json", "{\"questions\": [{\"question\": \"large red rubber"
                + " cube\", \"answer\": {\"a\": \"" + SECRET + "\"}, \"image_filename\":"
                + " \"a.png\"}]}",
            "^.*questions\\.json: question 0: answer an object, expected .*$"),
        arguments("a long image file name that does not exist",
            "questions.json", "{\"questions\": [{\"question\": \"large red rubber"
                + " cube\", \"answer\": \"yes\", \"image_filename\": \"" + SECRET + "\"}]}",
            "^.*s3cr3t-x+\\.\\.\\. \\(211 characters\\): no such image file \\(question 0 of"
                + " .*$"),
        arguments("a scene file that is not JSON", "scenes.json", "[" + SECRET,
            "^.*scenes\\.json: not valid JSON \\(line 1, column \\d+: .*\\), expected a CLEVR"
                + " scene file$"),
        arguments("a scene with a long value", "scenes.json",
            "{\"scenes\": [{\"image_filename\": \"CLEVR_new_000000.png\", \"objects\": [{\"size\":"
                + " \"" + SECRET + "\"}]}]}",
            "^.*scenes\\.json: scene 0 \\(CLEVR_new_000000\\.png\\) object 0: size"
                + " 's3cr3t-x+\\.\\.\\. \\(211 characters\\)', expected a CLEVR size$"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("echoing")
  void filesReadThroughExperimentKeysAreNotEchoed(
      String label, String name, String content, String expected) {
    Fixtures.CliResult gen = Fixtures.cli(env(Fixtures.neverCalled()),
        "generate", "clevr", "--questions", "4", "--out", "examples/data");
    assertThat(gen.code()).as(gen.err()).isZero();
    Fixtures.write(cwd.resolve("examples/data"), name, content);
    Fixtures.write(cwd.resolve("examples"), "clevr.yaml", CLEVR);
    Map<String, String> before = Fixtures.snapshot(top);

    Fixtures.CliResult r = Fixtures.cli(env(Fixtures.neverCalled()), "run", FILE);

    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.errLines()).singleElement().asString().matches(expected)
        .doesNotContain(SECRET.substring(0, 60)).doesNotContain("-END");
    assertThat(r.err().length()).isLessThan(600);
    assertThat(Fixtures.snapshot(top)).isEqualTo(before);
  }

  private static String outsideLine(String folder) {
    return "^" + Pattern.quote(P) + "dataset\\.root: resolves to TOP/" + Pattern.quote(folder)
        + Pattern.quote(", outside the experiment's folder and the working directory, where"
            + " data is generated; expected a folder inside one of them, an absolute path on"
            + " the command line (--set dataset.root=/abs/path), or data written beforehand"
            + " (sharcs generate clevr --out DIR)") + "$";
  }

  private static String exact(String line) {
    return Pattern.quote(line);
  }

  /** The plugins on the class path, as the launcher finds them, rooted at {@code cwd}. */
  private RunnerEnvironment env(TrainingPipeline pipeline) {
    return Fixtures.env(cwd, pipeline).withPlugins(PluginCatalog::discover);
  }
}
