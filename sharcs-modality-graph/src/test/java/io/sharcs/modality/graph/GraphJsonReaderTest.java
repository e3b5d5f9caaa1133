package io.sharcs.modality.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphJsonReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final io.sharcs.api.SampleReader<GraphSample> reader =
      io.sharcs.api.ModalityDefinition.of(new GraphPlugin()).reader();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void readsRowsEdgesAndPositions() {
    GraphSample g = reader.read(
        json("{'x': [[1, 2], [3, 4.5], [0, -1]], 'edges': [[0, 1], [1, 2], [2, 2.0]],"
            + " 'pos': [[0, 0], [1, 0], [0.5, 1]]}"),
        "data.jsonl line 1");

    assertThat(g.nodeFeatures()).isDeepEqualTo(new float[][] {{1, 2}, {3, 4.5f}, {0, -1}});
    assertThat(g.edges()).isDeepEqualTo(new int[][] {{0, 1}, {1, 2}, {2, 2}});
    assertThat(g.positions()).isDeepEqualTo(new float[][] {{0, 0}, {1, 0}, {0.5f, 1}});
  }

  @Test
  void readsFlatFeatureListAsOneFeaturePerNode() {
    GraphSample g = reader.read(json("{'x': [0.5, 0, 2], 'edges': []}"), "here");

    assertThat(g.nodeFeatures()).isDeepEqualTo(new float[][] {{0.5f}, {0}, {2}});
    assertThat(g.edgeCount()).isZero();
    assertThat(g.positions()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "[1, 2]                                       | found [1,2] (array), expected a graph object",
        "{'x': [1], 'edges': [], 'y': 3}             | found unknown field 'y', expected only x, edges, pos and edge_attr",
        "{'edges': []}                               | field 'x' is missing, expected a list",
        "{'x': [1]}                                  | field 'edges' is missing, expected a list (use [] for",
        "{'x': 'abc', 'edges': []}                   | field 'x': found \"abc\" (string), expected a list",
        "{'x': [[1], ['a']], 'edges': []}            | field 'x' row 1 entry 0: found \"a\" (string), expected a number",
        "{'x': [[1], 2], 'edges': []}                | field 'x' row 1: found 2 (number), expected a list of numbers",
        "{'x': [1, [2]], 'edges': []}                | field 'x' entry 1: found [2] (array), expected a number",
        "{'x': [], 'edges': []}                      | found an empty graph (0 nodes), expected at least one node",
        "{'x': [[1], [2, 3]], 'edges': []}           | node 1 has 2 features, expected 1 like node 0",
        "{'x': [1, 2], 'edges': [[0, 1, 1]]}         | field 'edges' entry 0: found [0,1,1] (array), expected a [source, target] pair",
        "{'x': [1, 2], 'edges': [[0, 1.5]]}          | field 'edges' entry 0: found 1.5 (number), expected a node index",
        "{'x': [1, 2], 'edges': [[-1, 0]]}           | field 'edges' entry 0: found -1 (number), expected a node index",
        "{'x': [1, 2], 'edges': {'a': 1}}            | field 'edges': found {\"a\":1} (object), expected a list of [source, target] pairs",
        "{'x': [1, 2], 'edges': [[0, 1], [1, 5]]}    | edge 1 is 1 -> 5 but the graph has 2 nodes, expected indices in [0, 2)",
        "{'x': [1, 2], 'edges': [], 'pos': [[0, 0]]} | field 'pos': found 1 row, expected one per node (2)",
        "{'x': [1, 2], 'edges': [], 'pos': [[0, 0], [1]]} | field 'pos' row 1: found 1 coordinate, expected 2 like row 0",
      })
  void rejectsBadInputWithOneLineNamingWhereWhatAndExpected(String input, String message) {
    assertThatThrownBy(() -> reader.read(json(input), "data.jsonl line 7"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("data.jsonl line 7: ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void rejectsNonFiniteNumbersFromYamlStyleTrees() {
    JsonNode node = JSON.createObjectNode()
        .<com.fasterxml.jackson.databind.node.ObjectNode>set(
            "x", JSON.createArrayNode().add(1.0).add(Double.NaN))
        .set("edges", JSON.createArrayNode());

    assertThatThrownBy(() -> reader.read(node, "f.yaml sample 3"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("f.yaml sample 3: field 'x' entry 1: found NaN, expected a finite float32 number");
  }
}
