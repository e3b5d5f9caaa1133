package io.sharcs.runner.datasets.clevr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.modality.image.ImageSample;
import io.sharcs.modality.text.TextSample;
import io.sharcs.runner.datasets.TestReaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real CLEVR mini set in {@code ../shared/data/clevr-mini}; skipped when it is absent. */
class ClevrMiniSetTest {

  private static MultimodalDataset dataset;

  @BeforeAll
  static void load() {
    Path repository = Path.of("").toAbsolutePath();
    while (repository != null && !Files.exists(repository.resolve("mvnw"))) {
      repository = repository.getParent();
    }
    assumeTrue(repository != null, "no repository root (a folder with mvnw) above the cwd");
    Path mini = repository.resolveSibling("shared").resolve("data/clevr-mini");
    assumeTrue(Files.isRegularFile(mini.resolve("questions.json")), mini + " is absent");
    dataset = new ClevrProvider().load(
        new ClevrConfig(mini.toString(), "questions.json", "images", null, 0.8, true, null),
        TestReaders.context(0, repository, "test"));
  }

  @Test
  void loadsEveryQuestionAndImage() {
    List<MultimodalSample> all = all();
    assertThat(all).hasSize(101);
    assertThat(dataset.train()).hasSize(80);
    Set<Object> images = new HashSet<>();
    all.forEach(s -> images.add(s.input("image").orElseThrow()));
    assertThat(images).hasSize(49);
    assertThat(all.stream().filter(s -> s.label() == 0)).hasSize(52);
    assertThat(all.stream().filter(s -> s.label() == 1)).hasSize(49);
  }

  @Test
  void everyImageHasAKeyAndNoCounterpartIsMisaligned() {
    Map<Object, Object> imageKeys = new HashMap<>();
    for (MultimodalSample s : all()) {
      Object key = s.contentKey("image").orElseThrow();
      assertThat(s.contentKey("stats")).contains(key);
      assertThat(imageKeys.putIfAbsent(s.input("image").orElseThrow(), key)).isIn(null, key);
    }
    for (MultimodalSample s : all()) {
      Object question = s.contentKey("text").orElseThrow();
      // Every image has exactly one true question, so every image has a true description.
      TextSample description = (TextSample) s.counterpart("image", "text").orElseThrow();
      assertThat(ClevrAttributes.parse(description.text())).isEqualTo(s.contentKey("image"));
      assertThat(s.label() == 1).isEqualTo(question.equals(s.contentKey("image").orElseThrow()));
      s.counterpart("text", "image").ifPresent(image -> {
        assertThat(image).isInstanceOf(ImageSample.class);
        assertThat(imageKeys.get(image)).isEqualTo(question);
      });
      if (s.label() == 1) {
        assertThat(s.counterpart("text", "image")).isEqualTo(s.input("image"));
        assertThat(description).isEqualTo(s.input("text").orElseThrow());
      }
    }
  }

  private static List<MultimodalSample> all() {
    List<MultimodalSample> all = new ArrayList<>(dataset.train());
    all.addAll(dataset.test());
    return all;
  }
}
