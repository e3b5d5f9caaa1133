package io.sharcs.runner.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sharcs.runner.config.InputError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree as explanations.json keeps it, walked by concept values. */
class SavedTreeTest {

  // Root splits on b:shared.0; when on, a leaf of class 1; when off, a split on a:shared.1.
  private static final String TREE = """
      {"name": "depth3", "features": ["a:shared.0", "a:shared.1", "b:shared.0", "b:shared.1"],
       "nodes": [
         {"id": 0, "feature": 2, "if_off": 1, "if_on": 4, "predicted": "0"},
         {"id": 1, "feature": 1, "if_off": 2, "if_on": 3, "predicted": "0"},
         {"id": 2, "predicted": "0"},
         {"id": 3, "predicted": "1"},
         {"id": 4, "predicted": "1"}]}
      """;

  private static SavedTree tree(String json) throws Exception {
    return SavedTree.of(new ObjectMapper().readTree(json), "e.json");
  }

  @Test
  void walksOnValuesAboveOneHalf() throws Exception {
    SavedTree t = tree(TREE);
    SavedTree.Path on = t.walk(new float[] {0, 0, 0.51f, 0});
    assertThat(on.steps()).containsExactly(new SavedTree.Step("b:shared.0", true));
    assertThat(on.leaf()).isEqualTo(4);
    assertThat(on.predicted()).isEqualTo("1");
    SavedTree.Path off = t.walk(new float[] {1, 0.5f, 0.5f, 1});
    assertThat(off.steps()).containsExactly(
        new SavedTree.Step("b:shared.0", false), new SavedTree.Step("a:shared.1", false));
    assertThat(off.predicted()).isEqualTo("0");
    assertThat(t.walk(new float[] {0, 0.9f, 0, 0}).leaf()).isEqualTo(3);
  }

  @Test
  void refusesValuesOfAnotherWidthAndNodesThatDoNotLinkUp() throws Exception {
    assertThatThrownBy(() -> tree(TREE).walk(new float[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("got 3 concept values, expected 4");
    assertThatThrownBy(() -> tree(TREE.replace("\"if_on\": 4", "\"if_on\": 9")))
        .isInstanceOf(InputError.class)
        .hasMessage("e.json: trees.depth3.nodes.0: node does not fit the tree (id, feature or"
            + " children out of range)");
  }

  @Test
  void pageTextIsEscaped() {
    assertThat(ExplanationPage.esc("<b a=\"x\">&'")).isEqualTo(
        "&lt;b a=&quot;x&quot;&gt;&amp;&#39;");
    assertThat(List.of(ExplanationPage.esc(""))).containsExactly("");
  }
}
