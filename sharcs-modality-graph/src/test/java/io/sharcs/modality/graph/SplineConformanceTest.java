package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.api.testkit.PluginConformance;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plugin kit on the spline encoder: graphs with positions, read from their JSON form. */
class SplineConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A ring of {@code n} nodes at random positions, both directions of each edge. */
  private static JsonNode ring(Random random, int n) {
    ObjectNode graph = JSON.createObjectNode();
    ArrayNode x = graph.putArray("x");
    ArrayNode pos = graph.putArray("pos");
    ArrayNode edges = graph.putArray("edges");
    for (int v = 0; v < n; v++) {
      x.addArray().add(random.nextFloat());
      pos.addArray().add(random.nextFloat() * 28).add(random.nextFloat() * 28);
      edges.addArray().add(v).add((v + 1) % n);
      edges.addArray().add((v + 1) % n).add(v);
    }
    return graph;
  }

  @Test
  void theSplineEncoderConformsAndFreesWhatItDerivesFromItsWeights() {
    Random random = new Random(5);
    List<JsonNode> samples = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      samples.add(ring(random, 8 + i));
    }
    var report = PluginConformance.check(new GraphPlugin(), samples,
        GraphEncoderConfig.spline(new SplineOptions(8, 5, "graclus")));
    assertThat(report.passed()).as(report.summary()).isTrue();
    assertThat(report.summary()).contains("concepts arrays freed");
  }
}
