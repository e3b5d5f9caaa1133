package io.sharcs.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.api.PartConceptEncoder;
import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import io.sharcs.core.fixtures.VectorTestModality;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModalityCallsRenderingTest {

  /** An encoder whose "parts" are the columns of its input; each picks its rounded value. */
  static final class ColumnParts extends AbstractBlock implements PartConceptEncoder {
    @Override
    protected NDList forwardInternal(
        ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
      return inputs;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
      return inputShapes;
    }

    @Override
    public int[][] partConcepts(ParameterStore parameters, NDList inputs) {
      float[] flat = inputs.head().toFloatArray();
      int width = (int) inputs.head().getShape().get(1);
      int[][] out = new int[flat.length / width][width];
      for (int i = 0; i < flat.length; i++) {
        out[i / width][i % width] = Math.round(flat[i]);
      }
      return out;
    }
  }

  private static ModalityCalls<?, ?> vectorSlot() {
    Map<String, Object> inputs = Map.of("a", new float[] {1, 2, 3});
    MultimodalDataset data = new MultimodalDataset("toy", List.of("a"), List.of("no", "yes"),
        List.of(new MultimodalSample("t0", 0, inputs, null, null),
            new MultimodalSample("t1", 1, inputs, null, null)),
        List.of(new MultimodalSample("e0", 0, inputs, null, null)), "fp");
    PreparedData prepared = PreparedData.prepare(data, List.of(
        new ModalityBinding("a", VectorTestModality.definition(), new VectorTestModality.Config(4))));
    return prepared.slots().get(0).calls();
  }

  @Test
  void aSlotWhosePluginDrawsNothingGivesText() {
    ModalityCalls<?, ?> calls = vectorSlot();
    assertThat(calls.renders()).isFalse();
    Rendering r = calls.render(new float[] {1, 2, 3}, RenderHints.thumbnail(96));
    assertThat(r.mediaType()).isEqualTo(Rendering.TEXT);
    assertThat(r.text()).startsWith("[F@");
  }

  @Test
  void partConceptsComeFromTheSlotsBatchWhenTheEncoderHasTheCapability() {
    ModalityCalls<?, ?> calls = vectorSlot();
    try (NDManager manager = NDManager.newBaseManager()) {
      ParameterStore store = new ParameterStore(manager, false);
      List<float[]> raw = List.of(new float[] {0, 1, 2}, new float[] {3.2f, 4.6f, 5});
      assertThat(calls.partConcepts(new ColumnParts(), store, raw, manager))
          .hasValueSatisfying(p -> assertThat(p).isDeepEqualTo(new int[][] {{0, 1, 2}, {3, 5, 5}}));
      Linear plain = Linear.builder().setUnits(2).build();
      plain.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
      assertThat(calls.partConcepts(plain, store, raw, manager)).isEmpty();
      assertThat(calls.partConcepts(new ColumnParts(), store, List.of(), manager)).isEmpty();
    }
  }
}
