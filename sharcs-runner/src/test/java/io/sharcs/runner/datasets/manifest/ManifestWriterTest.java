package io.sharcs.runner.datasets.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sharcs.api.AttributeKey;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.api.SampleForm;
import io.sharcs.modality.image.ImageSample;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.datasets.TestReaders;
import io.sharcs.runner.datasets.clevr.ClevrConfig;
import io.sharcs.runner.datasets.clevr.ClevrGenerator;
import io.sharcs.runner.datasets.clevr.ClevrNegatives;
import io.sharcs.runner.datasets.clevr.ClevrProvider;
import io.sharcs.runner.plugins.PluginCatalog;
import io.sharcs.runner.plugins.PluginReaders;
import io.sharcs.runner.plugins.PluginRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ManifestWriter} stores each modality in its plugin's form and the manifest reads back
 * the same data set: CLEVR with its three modalities (a text, an image file shared by two
 * questions, a table of statistics), counterparts and attribute keys; files written once;
 * local labels by class name with their class order; and one-line refusals where a manifest
 * could not hold the data set faithfully.
 */
class ManifestWriterTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @TempDir Path work;

  @Test
  void threeModalClevrWrittenElsewhereCopiesEachImageOnceAndReadsBackTheSameDataSet()
      throws IOException {
    Path source = work.resolve("source");
    new ClevrGenerator(12, 3L, ClevrNegatives.UNIFORM).writeTo(source);
    ClevrProvider clevr = new ClevrProvider();
    ClevrConfig config = new ClevrConfig(source.toString(), ClevrGenerator.QUESTIONS,
        ClevrGenerator.IMAGES, ClevrGenerator.SCENES, 0.75, true, null);
    MultimodalDataset trees = clevr.load(config,
        new DatasetContext(0, work, "clevr", PluginReaders.trees()));
    Path out = work.resolve("out");

    int rows = ManifestWriter.write(trees, forms(clevr.plugins(config)), out);

    assertThat(rows).isEqualTo(12);
    // Six scenes, each shown by two questions and named again as counterparts: six copies.
    try (Stream<Path> copies = Files.list(out.resolve("image"))) {
      assertThat(copies.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("CLEVR_new_000000.png", "CLEVR_new_000001.png",
              "CLEVR_new_000002.png", "CLEVR_new_000003.png", "CLEVR_new_000004.png",
              "CLEVR_new_000005.png");
    }
    assertThat(out.resolve("rows.csv")).content()
        .startsWith("id,label,split,text,image,stats_0,")
        .contains(",\"image/CLEVR_new_000000.png\",");
    assertThat(out.resolve("manifest.yaml")).content()
        .contains("stats_key_material").contains("file: \"text_as_image\"");

    MultimodalDataset expected = clevr.load(config, TestReaders.context(0, work, "clevr"));
    MultimodalDataset actual = new ManifestProvider().load(block(out),
        TestReaders.context(0, out, ManifestWriter.BLOCK));
    assertThat(actual.classNames()).isEqualTo(expected.classNames());
    assertThat(actual.modalities()).containsExactly("text", "image", "stats");
    same(actual.train(), expected.train());
    same(actual.test(), expected.test());
  }

  @Test
  void filesInsideTheFolderAreReferencedWhereTheyAre() throws IOException {
    Path folder = work.resolve("gen");
    new ClevrGenerator(4, 1L, ClevrNegatives.UNIFORM).writeTo(folder);
    ClevrProvider clevr = new ClevrProvider();
    ClevrConfig config = new ClevrConfig(".", ClevrGenerator.QUESTIONS, ClevrGenerator.IMAGES,
        ClevrGenerator.SCENES, 0.5, false, null);
    MultimodalDataset trees = clevr.load(config,
        new DatasetContext(0, folder, "clevr", PluginReaders.trees()));

    ManifestWriter.write(trees, forms(clevr.plugins(config)), folder);

    assertThat(folder.resolve("image")).doesNotExist();
    assertThat(folder.resolve("rows.csv")).content()
        .contains(",\"images/CLEVR_new_000001.png\",");
  }

  @Test
  void aFileThatExistsAlreadyStopsTheWriterBeforeItWritesAnything() throws IOException {
    Path source = work.resolve("source");
    new ClevrGenerator(4, 1L, ClevrNegatives.UNIFORM).writeTo(source);
    ClevrProvider clevr = new ClevrProvider();
    ClevrConfig config = new ClevrConfig(source.toString(), ClevrGenerator.QUESTIONS,
        ClevrGenerator.IMAGES, ClevrGenerator.SCENES, 0.5, false, null);
    MultimodalDataset trees = clevr.load(config,
        new DatasetContext(0, work, "clevr", PluginReaders.trees()));
    Path out = work.resolve("out");
    Fixtures.write(out.resolve("image"), "CLEVR_new_000001.png", "mine");

    assertThatThrownBy(() -> ManifestWriter.write(trees, forms(clevr.plugins(config)), out))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(out.resolve("image/CLEVR_new_000001.png") + ": exists already, expected a"
            + " folder without it (nothing is overwritten)");
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile).toList())
          .containsExactly(out.resolve("image/CLEVR_new_000001.png"));
    }

    Fixtures.write(work.resolve("again"), ManifestWriter.ROWS, "id\n");
    assertThatThrownBy(() -> ManifestWriter.write(trees, Map.of(), work.resolve("again")))
        .hasMessage(work.resolve("again/rows.csv") + ": exists already, expected a folder"
            + " without a manifest (nothing is overwritten)");
  }

  @Test
  void withoutADeclaredFormAStringIsAJsonDocumentNotAGuessedFile() throws IOException {
    MultimodalDataset data = twoModalities(i -> "caption " + i, i -> "key " + i % 2);
    Path out = work.resolve("out");

    ManifestWriter.write(data, Map.of("table", SampleForm.NUMBERS), out);

    assertThat(out.resolve("caption/s0.json")).hasContent("\"caption 0\"");
    MultimodalDataset back = new ManifestProvider().load(block(out),
        new DatasetContext(0, out, ManifestWriter.BLOCK, PluginReaders.trees()));
    assertThat(back.train().get(1).input("caption")).contains(NODES.textNode("caption 1"));
    assertThat(back.train().get(1).contentKey("caption")).contains("key 1");
    assertThat(back.test().get(0).input("table").orElseThrow().toString())
        .isEqualTo("[3.0,0.5]");
  }

  @Test
  void aBlankTextIsRefusedSinceAManifestReadsItAsMissing() {
    MultimodalDataset data = twoModalities(i -> i == 2 ? " " : "caption " + i, i -> "k");
    assertThatThrownBy(() -> ManifestWriter.write(data,
        Map.of("caption", SampleForm.TEXT, "table", SampleForm.NUMBERS), work.resolve("out")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("data set sample s2: column 'caption' (plugin form text): found the string"
            + " ' ', expected a non-blank string (a blank cell reads as a missing modality)");
  }

  @Test
  void keysWhoseTextCannotTellThemApartAreRefused() {
    record Opaque(int value) {
      @Override
      public String toString() {
        return "same";
      }
    }
    MultimodalDataset data = twoModalities(i -> "caption " + i, Opaque::new);
    assertThatThrownBy(() -> ManifestWriter.write(data, Map.of(), work.resolve("out")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("data set sample s1: content key of 'caption': found 'same', written the"
            + " same as an unequal key, expected keys whose text tells them apart");
    assertThat(work.resolve("out/rows.csv")).doesNotExist();
  }

  @Test
  void localLabelsAreWrittenByClassNameAndReadBackWithTheirClassOrder() throws IOException {
    // Local classes in an order no rule would find, one of them used by no sample; the test
    // sample has no caption label.
    List<String> captionClasses = List.of("zebra", "ant", "unused");
    MultimodalDataset data = withLocalLabels(twoModalities(i -> "caption " + i, i -> "k" + i),
        Map.of("caption", captionClasses, "table", List.of("10", "9")),
        i -> i == 3 ? Map.of("table", 0) : Map.of("caption", i % 2, "table", (i + 1) % 2));
    Path out = work.resolve("out");

    ManifestWriter.write(data, Map.of("caption", SampleForm.TEXT, "table", SampleForm.NUMBERS),
        out);

    assertThat(Files.readAllLines(out.resolve(ManifestWriter.ROWS))).containsExactly(
        "id,label,split,caption,table_0,table_1,caption_key,table_key,caption_label,table_label",
        "s0,a,train,\"caption 0\",0.0,0.5,k0,k0,zebra,9",
        "s1,b,train,\"caption 1\",1.0,0.5,k1,k1,ant,10",
        "s2,a,train,\"caption 2\",2.0,0.5,k2,k2,zebra,9",
        "s3,b,test,\"caption 3\",3.0,0.5,k3,k3,,10");
    MultimodalDataset back = new ManifestProvider().load(block(out),
        new DatasetContext(0, out, ManifestWriter.BLOCK, PluginReaders.trees()));
    assertThat(back.localClassNames()).isEqualTo(data.localClassNames());
    for (int i = 0; i < 3; i++) {
      assertThat(back.train().get(i).localLabels()).isEqualTo(data.train().get(i).localLabels());
    }
    assertThat(back.test().get(0).localLabels()).isEqualTo(Map.of("table", 0));
  }

  @Test
  void localLabelsAManifestCouldNotReadBackAreRefusedBeforeAnythingIsWritten() {
    MultimodalDataset base = twoModalities(i -> "caption " + i, i -> "k");
    Map<String, SampleForm> forms = Map.of("caption", SampleForm.TEXT);
    Path out = work.resolve("out");
    assertThatThrownBy(() -> ManifestWriter.write(withLocalLabels(base,
        Map.of("caption", List.of("x", "y")), i -> i == 1 ? Map.of() : Map.of("caption", 0)),
        forms, out))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("data set sample s1: local label of 'caption': found none on a training"
            + " sample, expected one (a manifest needs the local label of every training row)");
    assertThatThrownBy(() -> ManifestWriter.write(withLocalLabels(base,
        Map.of("caption", List.of("x", " y")), i -> Map.of("caption", 0)), forms, out))
        .hasMessage("data set 'two': local class names of 'caption': found [x,  y], expected at"
            + " least two distinct names without leading or trailing blanks");
    assertThatThrownBy(() -> ManifestWriter.write(withLocalLabels(base,
        Map.of("caption", List.of("x", "y")), i -> Map.of("caption", 0, "table", 1)), forms, out))
        .hasMessage("data set sample s0: local label of 'table': found 1 for a modality without"
            + " local class names, expected local labels only for [caption]");
    assertThatThrownBy(() -> ManifestWriter.write(withLocalLabels(base,
        Map.of("caption", List.of("x", "y")), i -> Map.of("caption", i)), forms, out))
        .hasMessage("data set sample s2: local label of 'caption': found 2, expected 0..1");
    assertThat(out.resolve(ManifestWriter.ROWS)).doesNotExist();
  }

  /** {@code data} with local class names and, per sample index, local labels. */
  private static MultimodalDataset withLocalLabels(MultimodalDataset data,
      Map<String, List<String>> classes,
      java.util.function.IntFunction<Map<String, Integer>> labels) {
    List<MultimodalSample> all = new ArrayList<>(data.train());
    all.addAll(data.test());
    List<MultimodalSample> labelled = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      MultimodalSample s = all.get(i);
      labelled.add(new MultimodalSample(s.id(), s.label(), s.inputs(), s.contentKeys(),
          s.counterparts(), labels.apply(i)));
    }
    int train = data.train().size();
    Map<String, List<String>> ordered = new java.util.TreeMap<>(classes);
    return new MultimodalDataset(data.name(), data.modalities(), data.classNames(),
        labelled.subList(0, train), labelled.subList(train, all.size()), data.fingerprint(),
        ordered);
  }

  /** Four samples (three train) of a caption and a two-column table, keyed by {@code key}. */
  private static MultimodalDataset twoModalities(
      java.util.function.IntFunction<String> caption, java.util.function.IntFunction<Object> key) {
    List<MultimodalSample> samples = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put("caption", NODES.textNode(caption.apply(i)));
      inputs.put("table", NODES.arrayNode().add(i).add(0.5f));
      samples.add(new MultimodalSample("s" + i, i % 2, inputs,
          Map.of("caption", key.apply(i), "table", key.apply(i)), Map.of()));
    }
    return new MultimodalDataset("two", List.of("caption", "table"), List.of("a", "b"),
        samples.subList(0, 3), samples.subList(3, 4), "f");
  }

  /** The forms of the installed plugins the provider names, as {@code sharcs generate} asks. */
  private static Map<String, SampleForm> forms(Map<String, String> plugins) {
    PluginRegistry registry = Fixtures.registry(PluginCatalog.discover());
    Map<String, SampleForm> forms = new LinkedHashMap<>();
    plugins.forEach((m, id) -> forms.put(m, registry.modality(id).orElseThrow().sampleForm()));
    return forms;
  }

  private static ManifestConfig block(Path out) throws IOException {
    ObjectMapper yaml = io.sharcs.runner.config.ConfigMappers.yaml();
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        (com.fasterxml.jackson.databind.node.ObjectNode) yaml.readTree(
            out.resolve(ManifestWriter.BLOCK).toFile());
    assertThat(tree.remove("type").asText()).isEqualTo(ManifestProvider.ID);
    return yaml.treeToValue(tree, ManifestConfig.class);
  }

  private static void same(List<MultimodalSample> actual, List<MultimodalSample> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.size(); i++) {
      MultimodalSample a = actual.get(i);
      MultimodalSample e = expected.get(i);
      assertThat(a.id()).isEqualTo(e.id());
      assertThat(a.label()).isEqualTo(e.label());
      for (String m : List.of("text", "image", "stats")) {
        assertThat(comparable(a.input(m).orElseThrow()))
            .as(a.id() + " " + m).isEqualTo(comparable(e.input(m).orElseThrow()));
        assertThat(a.contentKey(m).map(ManifestWriterTest::comparable))
            .as(a.id() + " key " + m).isEqualTo(e.contentKey(m).map(ManifestWriterTest::comparable));
        for (String in : List.of("text", "image", "stats")) {
          assertThat(a.counterpart(m, in).map(ManifestWriterTest::comparable))
              .as(a.id() + " " + m + " as " + in)
              .isEqualTo(e.counterpart(m, in).map(ManifestWriterTest::comparable));
        }
      }
    }
  }

  /** An image by its file's bytes (a copy is the same picture), a key by its attributes. */
  private static Object comparable(Object value) {
    if (value instanceof ImageSample image) {
      try {
        return "image " + HexFormat.of().formatHex(java.security.MessageDigest
            .getInstance("SHA-256").digest(Files.readAllBytes(image.file().orElseThrow())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    if (value instanceof AttributeKey key) {
      return key.attributes();
    }
    return value;
  }
}
