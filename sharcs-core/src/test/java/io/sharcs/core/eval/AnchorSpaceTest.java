package io.sharcs.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relative space makes two modalities with different embedding geometries comparable through
 * parallel anchors.
 */
class AnchorSpaceTest {

  // Slot 0 embeds a raw float[] as it is; slot 1 embeds it rotated by 90 degrees and scaled by 3,
  // so the same content lands elsewhere in slot 1's embedding space.
  private static float[][] embed(int slot, List<Object> raw) {
    float[][] out = new float[raw.size()][];
    for (int i = 0; i < raw.size(); i++) {
      float[] v = (float[]) raw.get(i);
      out[i] = slot == 0 ? v.clone() : new float[] {-3 * v[1], 3 * v[0]};
    }
    return out;
  }

  private static final List<Object> ANCHOR_CONTENT =
      List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 1});

  private static AnchorSpace space(List<float[][]> predictorInputs) {
    List<float[][]> anchors =
        List.of(embed(0, ANCHOR_CONTENT), embed(1, ANCHOR_CONTENT));
    return new AnchorSpace(
        AnchorSpaceTest::embed,
        anchors,
        x -> {
          predictorInputs.add(x);
          int[] out = new int[x.length];
          for (int r = 0; r < x.length; r++) {
            out[r] = x[r][0] > x[r][1] ? 0 : 1;
          }
          return out;
        });
  }

  @Test
  void theSameContentHasTheSameRelativeVectorInEveryModality() {
    AnchorSpace space = space(new ArrayList<>());
    List<Object> content = List.of(new float[] {2, 1}, new float[] {-1, 4});
    float[][] inSlot0 = space.represent(0, content);
    float[][] inSlot1 = space.represent(1, content);
    assertThat(inSlot0).hasDimensions(2, 3);
    for (int r = 0; r < 2; r++) {
      for (int j = 0; j < 3; j++) {
        assertThat(inSlot1[r][j]).isCloseTo(inSlot0[r][j], org.assertj.core.data.Offset.offset(1e-6f));
      }
    }
    // relative to the slot's own anchors: (2, 1) against (1, 0), (0, 1), (1, 1)
    assertThat(inSlot0[0][0]).isCloseTo((float) (2 / Math.sqrt(5)), org.assertj.core.data.Offset.offset(1e-6f));
    // measured against the other slot's anchors the vector would differ
    float[][] wrongAnchors = RelativeRepresentation.of(embed(1, content), embed(0, ANCHOR_CONTENT));
    assertThat(wrongAnchors[0][0]).isNotCloseTo(inSlot0[0][0], org.assertj.core.data.Offset.offset(0.1f));
  }

  @Test
  void thePredictorReadsTheSlotsConcatenatedInSlotOrder() {
    List<float[][]> seen = new ArrayList<>();
    AnchorSpace space = space(seen);
    float[][] slot0 = {{0.9f, 0.1f}};
    float[][] slot1 = {{0.2f, 0.3f, 0.4f}};
    assertThat(space.predict(List.of(slot0, slot1))).containsExactly(0);
    assertThat(seen.get(0)[0]).containsExactly(0.9f, 0.1f, 0.2f, 0.3f, 0.4f);
  }
}
