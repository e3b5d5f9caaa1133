package io.sharcs.runner.datasets.clevr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.runner.datasets.TestReaders;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClevrGeneratorTest {

  @TempDir Path dir;

  @Test
  void sameSeedGivesByteIdenticalFilesWhateverTheThreads() {
    new ClevrGenerator(7, 11, 1).writeTo(dir.resolve("one"));
    new ClevrGenerator(7, 11, 2).writeTo(dir.resolve("two"));
    new ClevrGenerator(7, 12, 2).writeTo(dir.resolve("other"));

    Map<String, String> one = snapshot(dir.resolve("one"));
    assertThat(one).containsKeys("questions.json", "scenes.json", "images/CLEVR_new_000000.png",
        "images/CLEVR_new_000003.png");
    assertThat(one).hasSize(2 + 4);
    assertThat(snapshot(dir.resolve("two"))).isEqualTo(one);
    Map<String, String> other = snapshot(dir.resolve("other"));
    assertThat(other.get("questions.json")).isNotEqualTo(one.get("questions.json"));
    assertThat(other.get("images/CLEVR_new_000000.png"))
        .isNotEqualTo(one.get("images/CLEVR_new_000000.png"));
  }

  @Test
  void writesClevrFormatsThatDescribeTheScenes() throws IOException {
    new ClevrGenerator(40, 3).writeTo(dir.resolve("data"));
    ObjectMapper json = new ObjectMapper();
    JsonNode questions = json.readTree(dir.resolve("data/questions.json").toFile());
    JsonNode scenes = json.readTree(dir.resolve("data/scenes.json").toFile());

    assertThat(questions.get("questions")).hasSize(40);
    assertThat(scenes.get("scenes")).hasSize(20);
    int trues = 0;
    for (int i = 0; i < 40; i++) {
      JsonNode q = questions.get("questions").get(i);
      assertThat(q.get("question_index").asInt()).isEqualTo(i);
      assertThat(q.get("question_family_index").asInt()).isZero();
      assertThat(q.get("program")).hasSize(6);
      int image = q.get("image_index").asInt();
      assertThat(image).isEqualTo(i / 2);
      assertThat(q.get("image_filename").asText()).isEqualTo(ClevrGenerator.imageName(image));
      JsonNode object = scenes.get("scenes").get(image).get("objects").get(0);
      ClevrAttributes truth = new ClevrAttributes(object.get("size").asText(),
          object.get("color").asText(), object.get("material").asText(),
          object.get("shape").asText());
      ClevrAttributes asked = ClevrAttributes.parse(q.get("question").asText()).orElseThrow();
      // The program's filters hold the canonical values of the question's words.
      assertThat(List.of(1, 2, 3, 4).stream()
              .map(n -> q.get("program").get(n).get("value_inputs").get(0).asText()).toList())
          .containsExactlyElementsOf(asked.attributes().values());
      int answer = q.get("answer").asInt();
      assertThat(asked.equals(truth)).isEqualTo(answer == 1);
      trues += answer;
      // One true and one false question per scene.
      if (i % 2 == 1) {
        assertThat(answer + questions.get("questions").get(i - 1).get("answer").asInt())
            .isEqualTo(1);
      }
      assertThat(object.get("3d_coords")).hasSize(3);
      JsonNode pixel = object.get("pixel_coords");
      assertThat(pixel.get(0).asInt()).isBetween(0, ClevrRenderer.WIDTH - 1);
      assertThat(pixel.get(1).asInt()).isBetween(0, ClevrRenderer.HEIGHT - 1);
    }
    assertThat(trues).isEqualTo(20);
    BufferedImage image = ImageIO.read(dir.resolve("data/images/CLEVR_new_000000.png").toFile());
    assertThat(image.getWidth()).isEqualTo(320);
    assertThat(image.getHeight()).isEqualTo(240);
  }

  /**
   * The default false questions are any other description, uniformly: of the 95 others, 11
   * differ in one attribute, 33 in two, 37 in three and 14 in all four (real CLEVR's mini set:
   * 8, 11, 27 and 6 of 52).
   */
  @Test
  void uniformFalseQuestionsAreAnyOtherDescription() {
    int[] counts = new int[5];
    java.util.Set<ClevrAttributes> seen = new java.util.HashSet<>();
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    ClevrAttributes object = new ClevrAttributes("large", "red", "metal", "cube");
    int n = 9500;
    for (int i = 0; i < n; i++) {
      ClevrAttributes wrong = ClevrSceneSampler.otherDescription(random, object);
      seen.add(wrong);
      int differences = 0;
      for (String k : object.attributes().keySet()) {
        differences += object.attributes().get(k).equals(wrong.attributes().get(k)) ? 0 : 1;
      }
      counts[differences]++;
    }
    assertThat(counts[0]).isZero();
    assertThat(seen).hasSize(95);
    int[] expected = {0, 11, 33, 37, 14};
    for (int d = 1; d <= 4; d++) {
      // 100 draws per description: within about 4 standard deviations.
      assertThat(counts[d]).as("differing in %d", d)
          .isBetween(expected[d] * 100 - 250, expected[d] * 100 + 250);
    }
  }

  @Test
  void theGeneratorWritesTheKindOfFalseQuestionsAndBothKindsDiffer() throws Exception {
    ClevrGenerator uniform = new ClevrGenerator(400, 3, 1, ClevrNegatives.UNIFORM);
    ClevrGenerator near = new ClevrGenerator(400, 3, 1, ClevrNegatives.NEAR);
    int oneUniform = oneAttributeNegatives(uniform.draw());
    int oneNear = oneAttributeNegatives(near.draw());
    // 200 false questions each: about 23 (uniform) against about 100 (near).
    assertThat(oneUniform).isLessThan(45);
    assertThat(oneNear).isGreaterThan(75);
    assertThat(new ClevrGenerator(400, 3).draw()).isEqualTo(uniform.draw());
  }

  private static int oneAttributeNegatives(java.util.List<ClevrSceneSampler.Draw> draws) {
    int count = 0;
    for (ClevrSceneSampler.Draw d : draws) {
      ClevrAttributes object = d.scene().object();
      for (ClevrSceneSampler.Question q : d.questions()) {
        if (q.answer() == 1) {
          continue;
        }
        var said = q.attributes().attributes();
        int differences = 0;
        for (String k : object.attributes().keySet()) {
          differences += object.attributes().get(k).equals(said.get(k)) ? 0 : 1;
        }
        count += differences == 1 ? 1 : 0;
      }
    }
    return count;
  }

  @Test
  void falseQuestionsDifferInOneToFourAttributesMostlyOne() {
    int[] counts = new int[5];
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    ClevrAttributes object = new ClevrAttributes("large", "red", "metal", "cube");
    for (int i = 0; i < 2000; i++) {
      ClevrAttributes wrong = ClevrSceneSampler.falseDescription(random, object);
      int differences = 0;
      for (String k : object.attributes().keySet()) {
        differences += object.attributes().get(k).equals(wrong.attributes().get(k)) ? 0 : 1;
      }
      counts[differences]++;
    }
    assertThat(counts[0]).isZero();
    assertThat(counts[1]).isBetween(900, 1100);
    assertThat(counts[2]).isBetween(400, 600);
    assertThat(counts[3] + counts[4]).isBetween(400, 600);
    assertThat(counts[4]).isPositive();
  }

  @Test
  void theReaderLoadsTheGeneratorsOutputWithOrWithoutTheSceneFile() {
    new ClevrGenerator(21, 9).writeTo(dir.resolve("data"));
    ClevrProvider provider = new ClevrProvider();
    DatasetContext context = TestReaders.context(0, dir, "x.yaml");

    MultimodalDataset fromQuestions = provider.load(
        new ClevrConfig("data", "questions.json", "images", null, 0.8, false, null), context);
    MultimodalDataset fromScenes = provider.load(
        new ClevrConfig("data", "questions.json", "images", "scenes.json", 0.8, true, null),
        context);

    assertThat(fromQuestions.train()).hasSize(16);
    assertThat(fromQuestions.test()).hasSize(5);
    List<MultimodalSample> a = all(fromQuestions);
    List<MultimodalSample> b = all(fromScenes);
    for (int i = 0; i < a.size(); i++) {
      // The scene file knows every object; the questions all but that of the last scene, whose
      // only question (21 is odd) may be false.
      assertThat(b.get(i).contentKey("image")).isPresent();
      assertThat(b.get(i).counterpart("image", "text")).isPresent();
      if (i < 20) {
        assertThat(a.get(i).contentKey("image")).isEqualTo(b.get(i).contentKey("image"));
        assertThat(a.get(i).counterpart("image", "text")).isPresent();
      }
      assertThat(b.get(i).input("stats")).isPresent();
    }
  }

  @Test
  void anOddNumberOfQuestionsLeavesTheLastSceneWithOne() throws IOException {
    new ClevrGenerator(5, 1).writeTo(dir.resolve("data"));
    JsonNode questions = new ObjectMapper().readTree(dir.resolve("data/questions.json").toFile());
    assertThat(questions.get("questions")).hasSize(5);
    assertThat(questions.get("questions").get(4).get("image_index").asInt()).isEqualTo(2);
    try (Stream<Path> images = Files.list(dir.resolve("data/images"))) {
      assertThat(images.count()).isEqualTo(3);
    }
  }

  @Test
  void writesIntoAnEmptyFolderButNeverOverAnExistingDataSet() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    new ClevrGenerator(2, 1).writeTo(dir.resolve("empty"));
    assertThat(dir.resolve("empty/questions.json")).exists();

    assertThatThrownBy(() -> new ClevrGenerator(2, 1).writeTo(dir.resolve("empty")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("exists already");
    Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> new ClevrGenerator(2, 1).writeTo(dir.resolve("file")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is a file");
    // No temporary folders are left behind.
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("empty", "file");
    }
  }

  @Test
  void theProviderGeneratesWhenAskedAndTheDataIsAbsent() {
    ClevrProvider provider = new ClevrProvider();
    ClevrConfig config = new ClevrConfig("gen", "questions.json", "images", null, 0.5, false,
        new ClevrConfig.Generate(6, 4L));
    DatasetContext context = TestReaders.context(0, dir, "x.yaml");

    MultimodalDataset first = provider.load(config, context);
    assertThat(first.train()).hasSize(3);
    // The second load reads what the first wrote.
    assertThat(provider.load(config, context).fingerprint()).isEqualTo(first.fingerprint());
  }

  private static List<MultimodalSample> all(MultimodalDataset d) {
    List<MultimodalSample> all = new ArrayList<>(d.train());
    all.addAll(d.test());
    return all;
  }

  private static Map<String, String> snapshot(Path root) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), HexFormat.of().formatHex(Files.readAllBytes(p)));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return files;
  }
}
