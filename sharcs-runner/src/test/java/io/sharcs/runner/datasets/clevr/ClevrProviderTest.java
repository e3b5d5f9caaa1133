package io.sharcs.runner.datasets.clevr;

import static io.sharcs.runner.datasets.clevr.ClevrTestFiles.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.DatasetProvider;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.modality.image.ImageSample;
import io.sharcs.modality.tabular.TabularSample;
import io.sharcs.modality.text.TextSample;
import io.sharcs.runner.datasets.TestReaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClevrProviderTest {

  private static final ClevrProvider PROVIDER = new ClevrProvider();

  @TempDir Path dir;

  /**
   * Images a and c show a large red metal sphere, b a small blue rubber cube; d has no true
   * question, so what it shows is unknown. Question 6 has neither counterpart (the reference's
   * list misalignment case); the questions after it must still get their own.
   */
  private static final List<ClevrTestFiles.Q> QUESTIONS = List.of(
      q("a.png", "big red shiny ball", "1"),                //  0 true
      q("a.png", "large red metal cube", "\"0\""),           //  1
      q("b.png", "Tiny  BLUE matte block", "\"yes\""),      //  2 true
      q("b.png", "large red shiny ball", "\"no\""),          //  3
      q("c.png", "large red metallic sphere", "true"),       //  4 true
      q("c.png", "small green rubber cylinder", "\"false\""),//  5
      q("d.png", "small cyan metal cylinder", "0"),          //  6 neither counterpart
      q("a.png", "small blue matte cube", "0"),              //  7
      q("c.png", "big red metal cube", "\"False\""),         //  8
      q("a.png", "large red rubber sphere", "\"NO\""),       //  9
      q("d.png", "big gray rubber cube", "\"1\""));          // 10 true

  private MultimodalDataset load(ClevrConfig config) {
    return PROVIDER.load(config, TestReaders.context(7, dir, "experiment.yaml"));
  }

  private static ClevrConfig config(String root) {
    return new ClevrConfig(root, "questions.json", "images", null, 0.8, false, null);
  }

  private MultimodalDataset handWritten(boolean stats) {
    Path root = dir.resolve("clevr");
    ClevrTestFiles.questions(root, QUESTIONS);
    ClevrTestFiles.images(root, "a.png", "b.png", "c.png", "d.png");
    return load(new ClevrConfig("clevr", "questions.json", "images", null, 0.8, stats, null));
  }

  private static List<MultimodalSample> all(MultimodalDataset d) {
    List<MultimodalSample> all = new ArrayList<>(d.train());
    all.addAll(d.test());
    return all;
  }

  private static ClevrAttributes attrs(String size, String color, String material, String shape) {
    return new ClevrAttributes(size, color, material, shape);
  }

  @Test
  void isFoundThroughServiceLoader() {
    List<DatasetProvider> providers = new ArrayList<>();
    ServiceLoader.load(DatasetProvider.class).forEach(providers::add);
    assertThat(providers).filteredOn(p -> p.id().equals("clevr")).singleElement()
        .isInstanceOf(ClevrProvider.class);
  }

  @Test
  void readsQuestionsLabelsAndTheSplitInFileOrder() {
    MultimodalDataset d = handWritten(false);

    assertThat(d.name()).isEqualTo("clevr");
    assertThat(d.modalities()).containsExactly("text", "image");
    assertThat(d.classNames()).containsExactly("no", "yes");
    assertThat(d.train()).hasSize(8); // int(0.8 * 11)
    assertThat(d.test()).hasSize(3);
    List<MultimodalSample> all = all(d);
    assertThat(all).extracting(MultimodalSample::label)
        .containsExactly(1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1);
    assertThat(all).extracting(MultimodalSample::id)
        .startsWith("questions.json#0", "questions.json#1");
    assertThat(all.get(2).input("text")).contains(new TextSample("Tiny  BLUE matte block"));
    Path images = dir.resolve("clevr/images").toAbsolutePath().normalize();
    assertThat(all.get(2).input("image")).contains(ImageSample.ofFile(images.resolve("b.png")));
    assertThat(d.fingerprint()).matches("[0-9a-f]{64}");
  }

  @Test
  void contentKeysFoldSynonymsAndComeFromTheTrueQuestions() {
    List<MultimodalSample> all = all(handWritten(false));
    ClevrAttributes redBall = attrs("large", "red", "metal", "sphere");
    ClevrAttributes blueCube = attrs("small", "blue", "rubber", "cube");

    assertThat(all.get(0).contentKey("text")).contains(redBall);
    assertThat(all.get(2).contentKey("text")).contains(blueCube);
    assertThat(all.get(4).contentKey("text")).contains(redBall);
    assertThat(all.get(0).contentKey("image")).contains(redBall);
    assertThat(all.get(1).contentKey("image")).contains(redBall);
    assertThat(all.get(3).contentKey("image")).contains(blueCube);
    assertThat(all.get(5).contentKey("image")).contains(redBall); // image c
    // Image d: its only true question is the last one.
    assertThat(all.get(6).contentKey("image")).contains(attrs("large", "gray", "rubber", "cube"));
    assertThat(((ClevrAttributes) all.get(0).contentKey("image").orElseThrow()).attributes())
        .containsExactly(
            java.util.Map.entry("size", "large"), java.util.Map.entry("color", "red"),
            java.util.Map.entry("material", "metal"), java.util.Map.entry("shape", "sphere"));
  }

  @Test
  void counterpartsAreTwoIndependentLookupsPerQuestion() {
    Path root = dir.resolve("clevr");
    // Without question 10, image d shows nothing known: question 6 has neither counterpart.
    ClevrTestFiles.questions(root, QUESTIONS.subList(0, 10));
    ClevrTestFiles.images(root, "a.png", "b.png", "c.png", "d.png");
    List<MultimodalSample> all = all(load(config("clevr")));
    Path images = root.resolve("images").toAbsolutePath().normalize();

    // A true question is its image's description, and its own image is the image it is true for.
    assertThat(description(all.get(0))).contains("big red shiny ball");
    assertThat(imageFor(all.get(0))).contains(ImageSample.ofFile(images.resolve("a.png")));
    // False: the next true question of the same image, cyclically.
    assertThat(description(all.get(1))).contains("big red shiny ball");
    assertThat(description(all.get(3))).contains("Tiny  BLUE matte block");
    // False: the image of the first later question whose image shows the question's content.
    assertThat(imageFor(all.get(3))).contains(ImageSample.ofFile(images.resolve("c.png")));
    assertThat(imageFor(all.get(1))).isEmpty(); // nobody shows a large red metal cube
    // The misalignment case: neither counterpart for 6, and 7, 8, 9 still get their own.
    assertThat(all.get(6).counterparts()).isEmpty();
    assertThat(all.get(6).contentKey("image")).isEmpty();
    assertThat(description(all.get(7))).contains("big red shiny ball");
    assertThat(imageFor(all.get(7))).contains(ImageSample.ofFile(images.resolve("b.png")));
    assertThat(description(all.get(8))).contains("large red metallic sphere");
    assertThat(imageFor(all.get(8))).isEmpty();
    // Wraps around: after question 9 comes question 0.
    assertThat(description(all.get(9))).contains("big red shiny ball");
    assertThat(imageFor(all.get(9))).isEmpty();
  }

  @Test
  void everyCounterpartAgreesWithTheContentKeys() {
    List<MultimodalSample> all = all(handWritten(false));
    java.util.Map<ImageSample, Object> imageKeys = new java.util.HashMap<>();
    for (MultimodalSample s : all) {
      s.contentKey("image").ifPresent(k -> imageKeys.put((ImageSample) s.inputs().get("image"), k));
    }
    for (MultimodalSample s : all) {
      description(s).ifPresent(text ->
          assertThat(ClevrAttributes.parse(text)).isEqualTo(s.contentKey("image")));
      imageFor(s).ifPresent(image ->
          assertThat(imageKeys.get(image)).isEqualTo(s.contentKey("text").orElseThrow()));
    }
  }

  @Test
  void sceneFileGivesImageKeysAndDescriptionsOfImagesWithoutTrueQuestions() {
    Path root = dir.resolve("clevr");
    ClevrTestFiles.questions(root, QUESTIONS.subList(0, 10));
    ClevrTestFiles.images(root, "a.png", "b.png", "c.png", "d.png");
    ClevrTestFiles.write(root.resolve("scenes.json"), """
        {"info": {}, "scenes": [
          {"image_filename": "a.png", "objects": [{"size": "large", "color": "red", "material": "metal", "shape": "sphere"}]},
          {"image_filename": "d.png", "objects": [{"size": "small", "color": "cyan", "material": "rubber", "shape": "cylinder"}]}
        ]}
        """);
    List<MultimodalSample> all = all(load(
        new ClevrConfig("clevr", "questions.json", "images", "scenes.json", 0.8, false, null)));

    assertThat(all.get(6).contentKey("image"))
        .contains(attrs("small", "cyan", "rubber", "cylinder"));
    assertThat(description(all.get(6))).contains("small cyan rubber cylinder");
    assertThat(all.get(0).contentKey("image")).contains(attrs("large", "red", "metal", "sphere"));
  }

  @Test
  void statisticsModalityAddsStatsWithKeysAndCounterparts() {
    List<MultimodalSample> all = all(handWritten(true));
    MultimodalSample s = all.get(3); // image b, false question about a red ball -> image c

    TabularSample stats = (TabularSample) s.input("stats").orElseThrow();
    assertThat(stats.width()).isEqualTo(ClevrImageStatistics.NAMES.size());
    assertThat(s.contentKey("stats")).isEqualTo(s.contentKey("image"));
    assertThat(s.counterpart("image", "stats")).contains(stats);
    assertThat(s.counterpart("stats", "text")).isEqualTo(s.counterpart("image", "text"));
    assertThat(s.counterpart("stats", "image")).isEqualTo(s.input("image"));
    Object statsOfC = all.get(4).input("stats").orElseThrow();
    assertThat(s.counterpart("text", "stats")).contains(statsOfC);
    assertThat(statsOfC).isNotEqualTo(stats);
  }

  @Test
  void fingerprintFollowsTheQuestionFileAndTheImages() throws IOException {
    String first = handWritten(false).fingerprint();
    assertThat(load(config("clevr")).fingerprint()).isEqualTo(first);
    // A picture of another size (still an image: the image plugin checks it when read).
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png", dir.resolve("clevr/images/a.png").toFile());
    assertThat(load(config("clevr")).fingerprint()).isNotEqualTo(first);
  }

  @Test
  void aQuestionNotInTheFormatIsAOneLineError() {
    Path root = dir.resolve("clevr");
    Path file = ClevrTestFiles.questions(root, List.of(
        q("a.png", "big red metal ball", "1"), q("a.png", "Is there a big red ball?", "0")));
    ClevrTestFiles.images(root, "a.png");

    assertThatThrownBy(() -> load(config("clevr")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("question 1")
        .hasMessageContaining("'Is there a big red ball?'")
        .hasMessageContaining("expected '<size> <color> <material> <shape>'")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anUnknownWordIsAnError() {
    Path root = dir.resolve("clevr");
    ClevrTestFiles.questions(root, List.of(q("a.png", "big pink metal ball", "1")));
    ClevrTestFiles.images(root, "a.png");

    assertThatThrownBy(() -> load(config("clevr")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("question 0: question 'big pink metal ball'");
  }

  @Test
  void anUnknownAnswerIsAOneLineError() {
    Path root = dir.resolve("clevr");
    Path file = ClevrTestFiles.questions(root, List.of(
        q("a.png", "big red metal ball", "1"), q("a.png", "big red metal cube", "\"maybe\""),
        q("a.png", "big red metal cube", "2")));
    ClevrTestFiles.images(root, "a.png");

    assertThatThrownBy(() -> load(config("clevr")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": question 1: answer 'maybe', expected 0 or 1, \"0\" or \"1\","
            + " yes or no, true or false");
  }

  @Test
  void aMissingImageFolderIsAnErrorNamingIt() {
    Path root = dir.resolve("clevr");
    ClevrTestFiles.questions(root, List.of(q("a.png", "big red metal ball", "1")));

    assertThatThrownBy(() -> load(config("clevr")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(root.resolve("images").toAbsolutePath() + ": no such folder")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aMissingImageIsAnErrorNamingItsPath() {
    Path root = dir.resolve("clevr");
    ClevrTestFiles.questions(root, List.of(
        q("a.png", "big red metal ball", "1"), q("b.png", "big red metal ball", "0")));
    ClevrTestFiles.images(root, "a.png");

    assertThatThrownBy(() -> load(config("clevr")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            root.resolve("images/b.png").toAbsolutePath() + ": no such image file (question 1")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aMissingQuestionFileNamesWhereItWasLookedFor() {
    assertThatThrownBy(() -> load(config("nowhere")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(dir.resolve("nowhere/questions.json") + ": no such file")
        .hasMessageContaining("resolved against " + dir);
  }

  @Test
  void contradictingAnswersAreErrors() {
    Path root = dir.resolve("clevr");
    ClevrTestFiles.images(root, "a.png");
    ClevrTestFiles.questions(root, List.of(
        q("a.png", "big red metal ball", "1"), q("a.png", "small red metal ball", "1")));
    assertThatThrownBy(() -> load(config("clevr")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("question 1 'small red metal ball' and question 0");

    ClevrTestFiles.questions(root, List.of(
        q("a.png", "big red metal ball", "1"), q("a.png", "large red shiny sphere", "0")));
    assertThatThrownBy(() -> load(config("clevr")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("question 1 'large red shiny sphere' has answer 0 but image a.png"
            + " shows a large red metal sphere (from question 0), expected answer 1");
  }

  @Test
  void imageNamesFallBackToClevrNaming() {
    Path root = dir.resolve("clevr");
    ClevrTestFiles.write(root.resolve("questions.json"), """
        {"info": {"split": "val"}, "questions": [
          {"image_index": 3, "question": "big red metal ball", "answer": 1},
          {"image_index": 3, "question": "big red metal cube", "answer": 0}]}
        """);
    ClevrTestFiles.images(root, "CLEVR_val_000003.png");

    MultimodalDataset d = load(config("clevr"));
    assertThat(((ImageSample) d.train().get(0).input("image").orElseThrow()).name())
        .endsWith("CLEVR_val_000003.png");
  }

  @Test
  void trainFractionMustLeaveBothSplitsNonEmpty() {
    Path root = dir.resolve("clevr");
    ClevrTestFiles.questions(root, List.of(
        q("a.png", "big red metal ball", "1"), q("a.png", "big red metal cube", "0")));
    ClevrTestFiles.images(root, "a.png");

    assertThatThrownBy(() -> load(
            new ClevrConfig("clevr", "questions.json", "images", null, 0.4, false, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2 questions with train_fraction 0.4 give 0 training questions");
  }

  private static Optional<String> description(MultimodalSample s) {
    return s.counterpart("image", "text").map(t -> ((TextSample) t).text());
  }

  private static Optional<Object> imageFor(MultimodalSample s) {
    return s.counterpart("text", "image");
  }
}
