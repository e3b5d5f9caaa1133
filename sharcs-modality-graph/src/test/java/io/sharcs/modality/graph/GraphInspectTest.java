package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.InvalidInputException;
import io.sharcs.api.PreprocessingData;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphInspectTest {


  private GraphShape inspect(GraphSample... graphs) {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < graphs.length; i++) {
      ids.add("s" + i);
    }
    return inspect(List.of(graphs), ids, "xor.jsonl");
  }

  private static GraphShape inspect(List<GraphSample> graphs, List<String> ids, String where) {
    return GraphShape.inspect(new PreprocessingData<>(graphs, graphs, ids, where));
  }

  @Test
  void describesFeatureWidthAndLargestGraph() {
    GraphShape spec = inspect(TestGraphs.path(4), TestGraphs.path(10), TestGraphs.path(7));

    assertThat(spec).isEqualTo(new GraphShape(1, 10));
    assertThat(spec.summary()).isEqualTo("1 node feature, up to 10 nodes");
  }

  @Test
  void pluralisesTheSummary() {
    GraphSample g = new GraphSample(new float[][] {{1, 2, 3}}, new int[0][]);

    assertThat(inspect(g).summary()).isEqualTo("3 node features, up to 1 node");
  }

  @Test
  void rejectsEmptyGraph() {
    GraphSample empty = new GraphSample(new float[0][], new int[0][]);

    assertThatThrownBy(() -> inspect(TestGraphs.path(3), empty))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "xor.jsonl sample s1: found an empty graph (0 nodes), expected at least one node");
  }

  @Test
  void rejectsEdgeOutOfRangeNamingEdgeValueAndNodeCount() {
    GraphSample bad =
        new GraphSample(new float[5][1], new int[][] {{0, 1}, {1, 2}, {4, 7}, {1, 0}});

    assertThatThrownBy(() -> inspect(TestGraphs.path(3), bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("xor.jsonl sample s1: edge 2 is 4 -> 7 but the graph has 5 nodes,"
            + " expected indices in [0, 5)");
  }

  @Test
  void rejectsNegativeIndexAndMalformedEdge() {
    assertThatThrownBy(() -> inspect(new GraphSample(new float[2][1], new int[][] {{-1, 0}})))
        .hasMessageContaining("edge 0 is -1 -> 0 but the graph has 2 nodes");
    assertThatThrownBy(() -> inspect(new GraphSample(new float[2][1], new int[][] {{0}})))
        .hasMessageContaining("edge 0 has 1 entries, expected 2 (source, target)");
  }

  @Test
  void rejectsFeatureWidthMismatchAcrossSamples() {
    GraphSample wide = new GraphSample(new float[][] {{1, 2}, {3, 4}}, new int[0][]);

    assertThatThrownBy(() -> inspect(TestGraphs.path(3), TestGraphs.path(2), wide))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "xor.jsonl sample s2: found 2 node features, expected 1 like sample s0");
  }

  @Test
  void rejectsFeatureWidthMismatchAcrossRows() {
    GraphSample ragged = new GraphSample(new float[][] {{1}, {2, 3}}, new int[0][]);

    assertThatThrownBy(() -> inspect(ragged))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("xor.jsonl sample s0: node 1 has 2 features, expected 1 like node 0");
  }

  @Test
  void rejectsNanAndInfiniteFeatures() {
    GraphSample nan = new GraphSample(new float[][] {{1}, {Float.NaN}}, new int[0][]);
    GraphSample inf =
        new GraphSample(new float[][] {{0, Float.NEGATIVE_INFINITY}}, new int[0][]);

    assertThatThrownBy(() -> inspect(nan))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("xor.jsonl sample s0: node 1 feature 0 is NaN, expected a finite number");
    assertThatThrownBy(() -> inspect(inf))
        .hasMessage(
            "xor.jsonl sample s0: node 0 feature 1 is -Infinity, expected a finite number");
  }

  @Test
  void rejectsPositionsThatDoNotMatchTheNodes() {
    GraphSample g = new GraphSample(new float[2][1], new int[0][], new float[][] {{0, 0}});

    assertThatThrownBy(() -> inspect(g))
        .hasMessage("xor.jsonl sample s0: found 1 position row, expected one per node (2)");
  }

  @Test
  void rejectsNullSample() {
    java.util.List<GraphSample> samples = new java.util.ArrayList<>();
    samples.add(null);

    assertThatThrownBy(() -> inspect(samples, List.of("a"), "d"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("d sample a: found no graph (null), expected a graph");
  }
}
