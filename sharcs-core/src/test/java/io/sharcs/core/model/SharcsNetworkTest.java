package io.sharcs.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.sharcs.core.train.TaskLoss;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SharcsNetworkTest {

  private static final int B = 6;
  private static final int K = 4;
  private static final int CLASSES = 3;
  private static final int[] WIDTHS = {5, 3, 7};

  private static Block encoder() {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(8).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(K).build());
  }

  private static SharcsNetwork network(NDManager manager, int modalities, boolean shared) {
    Engine.getInstance().setRandomSeed(1234);
    List<Block> encoders = new ArrayList<>();
    int[] arity = new int[modalities];
    List<Shape[]> shapes = new ArrayList<>();
    for (int m = 0; m < modalities; m++) {
      encoders.add(encoder());
      arity[m] = 1;
      shapes.add(new Shape[] {new Shape(B, WIDTHS[m])});
    }
    SharcsNetwork net = new SharcsNetwork(encoders, arity, K, 5.0, 6, 10, CLASSES, shared);
    net.initialize(manager, shapes);
    return net;
  }

  private static List<NDList> inputs(NDManager manager, int modalities, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<NDList> out = new ArrayList<>();
    for (int m = 0; m < modalities; m++) {
      float[] x = new float[B * WIDTHS[m]];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) rng.nextGaussian();
      }
      out.add(new NDList(manager.create(x, new Shape(B, WIDTHS[m]))));
    }
    return out;
  }

  private static void assertShapes(SharcsNetwork.Forward f, int modalities) {
    assertThat(f.logits().getShape()).isEqualTo(new Shape(B, CLASSES));
    assertThat(f.local()).hasSize(modalities);
    assertThat(f.shared()).hasSize(modalities);
    for (int m = 0; m < modalities; m++) {
      assertThat(f.local().get(m).getShape()).isEqualTo(new Shape(B, K));
      assertThat(f.shared().get(m).getShape()).isEqualTo(new Shape(B, K));
    }
    assertThat(f.stackedShared().getShape()).isEqualTo(new Shape((long) modalities * B, K));
  }

  @Test
  void forwardShapesForTwoAndThreeModalitiesWithAndWithoutSharedSpace() {
    for (int n = 2; n <= 3; n++) {
      for (boolean shared : new boolean[] {true, false}) {
        try (NDManager manager = NDManager.newBaseManager()) {
          SharcsNetwork net = network(manager, n, shared);
          assertThat(net.modalities()).isEqualTo(n);
          assertThat(net.hasSharedSpace()).isEqualTo(shared);
          ParameterStore ps = new ParameterStore(manager, false);
          SharcsNetwork.Forward train = net.forward(ps, inputs(manager, n, 1), true);
          assertShapes(train, n);
          SharcsNetwork.Forward eval = net.forward(ps, inputs(manager, n, 2), false);
          assertShapes(eval, n);

          // stacked shared concepts are the per-slot shared concepts, modality-major
          NDArray restacked = NDArrays.concat(new NDList(train.shared()), 0);
          assertThat(train.stackedShared().toFloatArray())
              .containsExactly(restacked.toFloatArray(), within(1e-7f));
          // concepts are sigmoids
          for (NDArray c : train.shared()) {
            for (float v : c.toFloatArray()) {
              assertThat(v).isBetween(0f, 1f);
            }
          }
        }
      }
    }
  }

  @Test
  void blockForwardReturnsLogitsThenLocalThenSharedConcepts() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharcsNetwork net = network(manager, 3, true);
      ParameterStore ps = new ParameterStore(manager, false);
      List<NDList> in = inputs(manager, 3, 3);
      NDList flat = new NDList();
      in.forEach(flat::addAll);
      NDList out = net.forward(ps, flat, false);
      assertThat(out).hasSize(1 + 2 * 3);
      Shape[] declared = net.getOutputShapes(flat.getShapes());
      assertThat(out.getShapes()).containsExactly(declared);

      SharcsNetwork.Forward f = net.forward(ps, in, false);
      assertThat(out.get(0).toFloatArray()).containsExactly(f.logits().toFloatArray(), within(1e-6f));
      for (int m = 0; m < 3; m++) {
        assertThat(out.get(1 + m).toFloatArray())
            .containsExactly(f.local().get(m).toFloatArray(), within(1e-6f));
        assertThat(out.get(4 + m).toFloatArray())
            .containsExactly(f.shared().get(m).toFloatArray(), within(1e-6f));
      }
    }
  }

  @Test
  void withoutSharedSpaceTheSharedConceptsAreTheLocalOnes() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharcsNetwork net = network(manager, 2, false);
      ParameterStore ps = new ParameterStore(manager, false);
      List<NDList> in = inputs(manager, 2, 4);
      SharcsNetwork.Forward f = net.forward(ps, in, true);
      for (int m = 0; m < 2; m++) {
        assertThat(f.shared().get(m).toFloatArray())
            .containsExactly(f.local().get(m).toFloatArray(), within(0f));
      }
      assertThat(net.getParameters().keys()).noneMatch(name -> name.contains("projection"));
      // in eval mode, sharedConcepts of one slot are its local concepts
      SharcsNetwork.Forward e = net.forward(ps, in, false);
      assertThat(net.sharedConcepts(ps, 1, in.get(1)).toFloatArray())
          .containsExactly(e.local().get(1).toFloatArray(), within(1e-6f));
    }
  }

  @Test
  void evalSharedConceptsOfOneSlotMatchTheJointEvalForward() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharcsNetwork net = network(manager, 2, true);
      ParameterStore ps = new ParameterStore(manager, false);
      net.forward(ps, inputs(manager, 2, 5), true); // move running statistics
      List<NDList> in = inputs(manager, 2, 6);
      SharcsNetwork.Forward f = net.forward(ps, in, false);
      for (int m = 0; m < 2; m++) {
        assertThat(net.sharedConcepts(ps, m, in.get(m)).toFloatArray())
            .containsExactly(f.shared().get(m).toFloatArray(), within(1e-6f));
      }
      // predict on the per-slot shared concepts gives the forward's logits
      assertThat(net.predict(ps, f.shared(), false).toFloatArray())
          .containsExactly(f.logits().toFloatArray(), within(1e-6f));
    }
  }

  @Test
  void taskLossGradientReachesEveryTrainableParameter() {
    for (boolean shared : new boolean[] {true, false}) {
      try (NDManager manager = NDManager.newBaseManager()) {
        SharcsNetwork net = network(manager, 3, shared);
        ParameterStore ps = new ParameterStore(manager, false);
        List<NDList> in = inputs(manager, 3, 7);
        int[] labels = {0, 1, 2, 0, 1, 2};
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          SharcsNetwork.Forward f = net.forward(ps, in, true);
          gc.backward(new TaskLoss(null).compute(f.logits(), labels));
        }
        List<String> trainable = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
          Parameter param = p.getValue();
          String name = p.getKey();
          if (!param.requiresGradient()) {
            // only the non-affine batch norms' fixed gamma/beta and running statistics
            assertThat(name).containsAnyOf("gamma", "beta", "running");
            continue;
          }
          trainable.add(name);
          float[] g = param.getArray().getGradient().toFloatArray();
          assertThat(Arrays2.allFinite(g)).as("gradient of %s is finite", name).isTrue();
          if (feedsABatchNorm(name)) {
            // A bias right before a per-modality batch norm without affine parameters shifts a
            // whole column, which the normalisation removes: its gradient is zero by construction.
            assertThat(maxAbs(g)).as("gradient of %s", name).isLessThan(1e-5f);
          } else {
            assertThat(maxAbs(g)).as("gradient of %s", name).isGreaterThan(0f);
          }
        }
        // encoders (2 Linear layers), projections (2 Linear layers) and predictor (2 Linear layers)
        int linearLayers = 3 * 2 + (shared ? 3 * 2 : 0) + 2;
        assertThat(trainable).hasSize(2 * linearLayers);
        assertThat(trainable).anyMatch(n -> n.contains("encoder2"));
        assertThat(trainable).anyMatch(n -> n.contains("predictor"));
        if (shared) {
          assertThat(trainable).anyMatch(n -> n.contains("projection2"));
        }
      }
    }
  }

  @Test
  void rejectsFewerThanTwoEncodersOrMismatchedArity() {
    assertThatThrownBy(
            () -> new SharcsNetwork(List.of(encoder()), new int[] {1}, K, 5, 6, 10, 2, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(">= 2 encoders");
    assertThatThrownBy(
            () ->
                new SharcsNetwork(
                    List.of(encoder(), encoder()), new int[] {1}, K, 5, 6, 10, 2, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The bias of an encoder's last Linear: its output goes straight into that modality's own local
   * batch norm. (A projection's last bias also feeds a batch norm, but the shared one, where it
   * shifts only its own modality's rows relative to the others, so its gradient is not zero.)
   */
  private static boolean feedsABatchNorm(String name) {
    return name.contains("encoder") && name.contains("03Linear") && name.endsWith("bias");
  }

  private static float maxAbs(float[] v) {
    float m = 0;
    for (float x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
