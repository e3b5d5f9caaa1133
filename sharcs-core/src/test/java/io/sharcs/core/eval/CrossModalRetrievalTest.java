package io.sharcs.core.eval;

import io.sharcs.api.ModalityDefinition;

import io.sharcs.core.fixtures.VectorTestModality;

import io.sharcs.core.pipeline.MetricNames;

import io.sharcs.core.data.ModalityBinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sharcs.api.AttributeKey;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.core.data.PreparedData;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossModalRetrievalTest {

  private static final ModalityDefinition<float[], VectorTestModality.Config> VECTOR =
      VectorTestModality.definition();

  /** A CLEVR-like key: two named attributes. */
  record Thing(String color, String shape) implements AttributeKey {
    @Override
    public Map<String, String> attributes() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("color", color);
      m.put("shape", shape);
      return m;
    }
  }

  private static MultimodalSample sample(String id, Thing text, Thing image) {
    Map<String, Object> keys = new HashMap<>();
    if (text != null) {
      keys.put("text", text);
    }
    if (image != null) {
      keys.put("image", image);
    }
    return new MultimodalSample(
        id, 0, Map.of("text", new float[] {0, 1}, "image", new float[] {1, 0}), keys, null);
  }

  private static final Thing RED_CUBE = new Thing("red", "cube");
  private static final Thing RED_BALL = new Thing("red", "sphere");
  private static final Thing BLUE_BALL = new Thing("blue", "sphere");

  @Test
  void scoresExactAndPerAttributeHitsOverKeyedQueriesOnly() {
    MultimodalDataset dataset =
        new MultimodalDataset(
            "toy",
            List.of("text", "image"),
            List.of("no", "yes"),
            List.of(
                sample("t0", RED_CUBE, RED_CUBE),
                sample("t1", BLUE_BALL, BLUE_BALL),
                sample("t2", null, null)),
            List.of(
                sample("q0", RED_CUBE, RED_CUBE),
                sample("q1", RED_BALL, BLUE_BALL),
                sample("q2", null, RED_CUBE)),
            "toy");
    PreparedData data =
        PreparedData.prepare(
            dataset,
            List.of(
                new ModalityBinding("text", VECTOR, new VectorTestModality.Config(4)),
                new ModalityBinding("image", VECTOR, new VectorTestModality.Config(4))));
    float[][] bankText = {{0, 0}, {1, 1}, {0.1f, 0.1f}};
    // The third bank row has no key: it must not be retrievable, although it is nearest to q0.
    float[][] bankImage = {{0, 1}, {1, 0}, {0.1f, 0.9f}};
    ConceptTables tables =
        new ConceptTables(
            AnalysisRows.full(3, 3),
            List.of(bankText, bankImage),
            List.of(new float[3][2], new float[3][2]),
            List.of(bankText, bankImage),
            List.of(new float[3][2], new float[3][2]),
            new int[3],
            new int[3]);
    float[][] textQueries = {{0.1f, 0.9f}, {0.9f, 0.1f}, {0, 1}};
    float[][] imageQueries = {{0.1f, 0.1f}, {1, 1}, {0.9f, 0.9f}};

    Map<String, Double> m =
        MetricNames.retrieval(
            CrossModalRetrieval.evaluate(
                data, tables, false, data.test(), List.of(textQueries, imageQueries)));

    // text -> image: q0 (red cube) finds the red cube; q1 (red sphere) finds the blue sphere;
    // q2 has no text key and is not counted.
    assertThat(m.get("retrieval.text_to_image.exact")).isCloseTo(0.5, within(1e-12));
    assertThat(m.get("retrieval.text_to_image.color")).isCloseTo(0.5, within(1e-12));
    assertThat(m.get("retrieval.text_to_image.shape")).isCloseTo(1.0, within(1e-12));
    assertThat(m.get("retrieval.text_to_image.attributes")).isCloseTo(0.75, within(1e-12));
    // image -> text: q0 red cube -> red cube text, q1 blue ball -> blue ball text, q2 red cube
    // (image key, no text key needed) -> nearest {1,1} = blue ball: 2 of 3 exact.
    assertThat(m.get("retrieval.image_to_text.exact")).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(m.get("retrieval.image_to_text.color")).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(m.get("retrieval.image_to_text.shape")).isCloseTo(2 / 3.0, within(1e-12));
  }
}
