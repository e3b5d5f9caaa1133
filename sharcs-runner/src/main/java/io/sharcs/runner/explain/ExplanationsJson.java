package io.sharcs.runner.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.core.analysis.ClassMetrics;
import io.sharcs.core.analysis.ConceptCatalogue;
import io.sharcs.core.analysis.ConceptTree;
import io.sharcs.core.explain.CrossModalExample;
import io.sharcs.core.explain.Explanations;
import io.sharcs.core.explain.RetrievalExample;
import io.sharcs.core.explain.SampleView;
import io.sharcs.core.explain.TreeExplanation;
import io.sharcs.runner.config.ConfigMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@value #FILE}: the explanations of a run without the pictures, for machines and for
 * {@code sharcs explain} (which reads the catalogue sentences and the trees back with {@link
 * SavedExplanations}). Format {@value #FORMAT}, version {@value #VERSION}.
 */
public final class ExplanationsJson {

  /** The file name in the run folder. */
  public static final String FILE = "explanations.json";

  /** The format name. */
  public static final String FORMAT = "sharcs-explanations";

  /** The format version this sharcs writes and reads. */
  public static final int VERSION = 1;

  private ExplanationsJson() {}

  /** Writes {@code e} to {@code file}. */
  public static void write(Explanations e, Path file) {
    ObjectMapper json = ConfigMappers.json();
    try {
      Files.writeString(
          file,
          json.writerWithDefaultPrettyPrinter().writeValueAsString(tree(e, json)) + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write " + file, ex);
    }
  }

  /** The JSON tree of {@code e}. */
  static ObjectNode tree(Explanations e, ObjectMapper json) {
    ObjectNode root = json.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    strings(root.putArray("modalities"), e.modalities());
    strings(root.putArray("classes"), e.classNames());
    root.put("shared_space", e.sharedSpace());
    ObjectNode catalogue = root.putObject("catalogue");
    for (ConceptCatalogue c : e.catalogues()) {
      catalogue.set(c.setName(), catalogue(c, json));
    }
    ArrayNode trees = root.putArray("trees");
    for (TreeExplanation t : e.trees()) {
      trees.add(tree(t, e, json));
    }
    ArrayNode cross = root.putArray("cross_modal");
    for (CrossModalExample x : e.crossModal()) {
      ObjectNode n = cross.addObject();
      n.put("from", x.from());
      n.put("to", x.to());
      n.set("query", sample(e.sample(x.query()), json));
      ArrayNode nbs = n.putArray("neighbours");
      for (CrossModalExample.Neighbour nb : x.neighbours()) {
        ObjectNode o = sample(e.sample(nb.sample()), json);
        o.put("distance", nb.distance());
        nbs.add(o);
      }
    }
    ArrayNode retrievals = root.putArray("retrievals");
    for (RetrievalExample r : e.retrievals()) {
      ObjectNode n = retrievals.addObject();
      n.put("missing", r.missing());
      n.set("query", sample(e.sample(r.query()), json));
      n.set("retrieved", sample(e.sample(r.retrieved()), json));
      n.put("distance", r.distance());
      n.put("predicted", r.predictedName());
    }
    root.set("classes_metrics", classes(e.classMetrics(), json));
    return root;
  }

  private static ObjectNode catalogue(ConceptCatalogue c, ObjectMapper json) {
    ObjectNode n = json.createObjectNode();
    n.put("rows", c.rows());
    ArrayNode concepts = n.putArray("concepts");
    for (ConceptCatalogue.Entry entry : c.concepts()) {
      ObjectNode o = concepts.addObject();
      o.put("index", entry.index());
      o.put("on_fraction", entry.onFraction());
      o.put("sentence", entry.sentence());
      ObjectNode labels = o.putObject("labels");
      entry.labels().forEach(s -> labels.put(s.name(), s.share()));
      if (!entry.groups().isEmpty()) {
        ObjectNode groups = o.putObject("modalities");
        entry.groups().forEach(s -> groups.put(s.name(), s.share()));
      }
      entry.purest().ifPresent(p -> {
        ObjectNode purest = o.putObject("purest");
        purest.put("attribute", p.attribute());
        purest.put("value", p.value());
        purest.put("purity", p.purity());
      });
      ArrayNode prototypes = o.putArray("prototypes");
      entry.prototypes().forEach(p -> prototypes.add(p.rowId()));
    }
    ArrayNode patterns = n.putArray("patterns");
    for (ConceptCatalogue.Pattern p : c.patterns()) {
      ObjectNode o = patterns.addObject();
      o.put("pattern", p.pattern());
      o.put("members", p.members());
      ArrayNode prototypes = o.putArray("prototypes");
      p.prototypes().forEach(q -> prototypes.add(q.rowId()));
    }
    return n;
  }

  private static ObjectNode tree(TreeExplanation t, Explanations e, ObjectMapper json) {
    ConceptTree tree = t.tree();
    ObjectNode n = json.createObjectNode();
    n.put("name", t.name());
    n.put("max_depth", t.maxDepth());
    n.put("depth", tree.depth());
    n.put("fidelity", t.fidelity().agreement());
    n.put("accuracy", t.fidelity().treeAccuracy());
    n.put("test_rows", t.fidelity().rows());
    strings(n.putArray("features"), tree.featureNames());
    ArrayNode nodes = n.putArray("nodes");
    for (ConceptTree.Node node : tree.nodes()) {
      ObjectNode o = nodes.addObject();
      o.put("id", node.id());
      if (!node.isLeaf()) {
        o.put("feature", node.feature());
        o.put("feature_name", node.featureName());
        o.put("if_off", node.childIfOff());
        o.put("if_on", node.childIfOn());
      }
      ArrayNode counts = o.putArray("class_counts");
      node.classCounts().forEach(counts::add);
      o.put("predicted", e.classNames().get(node.predictedClass()));
      ArrayNode examples = o.putArray("examples");
      t.examples().getOrDefault(node.id(), java.util.List.of())
          .forEach(ref -> examples.add(e.sample(ref).id()));
    }
    ArrayNode rules = n.putArray("rules");
    for (ConceptTree.Rule r : tree.rules()) {
      ObjectNode o = rules.addObject();
      o.put("text", r.text());
      o.put("leaf", r.leaf());
      o.put("support", r.support());
      o.put("support_share", r.supportShare());
      o.put("confidence", r.confidence());
    }
    ObjectNode sentences = n.putObject("sentences");
    t.sentences().forEach(sentences::put);
    return n;
  }

  private static ObjectNode sample(SampleView v, ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("id", v.id());
    o.put("split", v.ref().split());
    o.put("label", v.className());
    if (!v.keys().isEmpty()) {
      ObjectNode keys = o.putObject("keys");
      v.keys().forEach(keys::put);
    }
    return o;
  }

  private static ObjectNode classes(ClassMetrics m, ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("accuracy", m.accuracy());
    o.put("macro_precision", m.macroPrecision());
    o.put("macro_recall", m.macroRecall());
    o.put("macro_f1", m.macroF1());
    ArrayNode per = o.putArray("per_class");
    for (ClassMetrics.PerClass c : m.perClass()) {
      ObjectNode p = per.addObject();
      p.put("class", c.name());
      p.put("support", c.support());
      p.put("precision", c.precision());
      p.put("recall", c.recall());
      p.put("f1", c.f1());
    }
    ArrayNode confusion = o.putArray("confusion");
    for (java.util.List<Integer> row : m.confusion()) {
      ArrayNode r = confusion.addArray();
      row.forEach(r::add);
    }
    return o;
  }

  private static void strings(ArrayNode array, java.util.List<String> values) {
    values.forEach(array::add);
  }

  /** Reads {@code file}'s tree, checking format and version; see {@link SavedExplanations}. */
  static JsonNode read(Path file) throws IOException {
    return ConfigMappers.json().readTree(file.toFile());
  }
}
