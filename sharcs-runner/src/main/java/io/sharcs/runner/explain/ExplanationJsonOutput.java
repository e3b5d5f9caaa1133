package io.sharcs.runner.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.runner.config.ConfigMappers;
import io.sharcs.runner.explain.SampleExplanation.ActiveConcept;
import io.sharcs.runner.explain.SampleExplanation.ClassProbability;
import io.sharcs.runner.explain.SampleExplanation.MissingModality;
import io.sharcs.runner.explain.SampleExplanation.Neighbour;
import io.sharcs.runner.explain.SampleExplanation.Neighbours;
import io.sharcs.runner.explain.SampleExplanation.PresentModality;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A {@link SampleExplanation} as one JSON object ({@code sharcs explain --json}), keys in
 * snake_case as in the run folder's files and in a fixed order.
 */
public final class ExplanationJsonOutput {

  private ExplanationJsonOutput() {}

  /** The object as pretty-printed JSON text, without a final line break. */
  public static String text(SampleExplanation e) {
    ObjectMapper json = ConfigMappers.json();
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(tree(e, json));
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** The object as a tree. */
  public static ObjectNode tree(SampleExplanation e, ObjectMapper json) {
    ObjectNode root = json.createObjectNode();
    root.put("sample", e.sample());
    root.put("origin", e.origin());
    root.put("true_class", e.trueClass());
    root.put("predicted", e.predicted());
    ObjectNode p = root.putObject("probabilities");
    for (ClassProbability c : e.probabilities()) {
      p.put(c.className(), c.probability());
    }
    root.put("shared_space", e.sharedSpace());
    ArrayNode present = root.putArray("present");
    for (PresentModality m : e.present()) {
      ObjectNode o = present.addObject();
      o.put("modality", m.modality());
      concepts(o.putArray("local"), m.local());
      concepts(o.putArray("shared"), m.shared());
    }
    ArrayNode missing = root.putArray("missing");
    for (MissingModality m : e.missing()) {
      ObjectNode o = missing.addObject();
      o.put("modality", m.modality());
      o.put("retrieved", m.retrieved());
      o.put("bank_row", m.bankRow());
      o.put("distance", m.distance());
    }
    if (e.tree() == null) {
      root.putNull("tree");
    } else {
      ObjectNode t = root.putObject("tree");
      t.put("name", e.tree().name());
      ArrayNode steps = t.putArray("steps");
      for (SavedTree.Step s : e.tree().steps()) {
        steps.addObject().put("concept", s.feature()).put("value", s.on() ? 1 : 0);
      }
      t.put("leaf", e.tree().leaf());
      t.put("leaf_class", e.tree().leafClass());
      t.put("agrees", e.tree().agrees());
    }
    ArrayNode neighbours = root.putArray("neighbours");
    for (Neighbours n : e.neighbours()) {
      ObjectNode o = neighbours.addObject();
      o.put("modality", n.modality());
      o.put("query", n.query());
      ArrayNode nearest = o.putArray("nearest");
      for (Neighbour nb : n.nearest()) {
        nearest.addObject().put("sample", nb.sample()).put("distance", nb.distance());
      }
    }
    return root;
  }

  private static void concepts(ArrayNode array, List<ActiveConcept> concepts) {
    for (ActiveConcept c : concepts) {
      array.addObject()
          .put("name", c.name())
          .put("index", c.index())
          .put("value", c.value())
          .put("sentence", c.sentence());
    }
  }
}
