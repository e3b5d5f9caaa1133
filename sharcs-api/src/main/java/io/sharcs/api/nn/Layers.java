package io.sharcs.api.nn;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.UniformInitializer;
import java.util.List;

/**
 * Layer factories shared by the core and the plugins, so that every model starts the way the
 * reference's PyTorch modules do.
 */
public final class Layers {

  private Layers() {}

  /**
   * A fully connected layer initialised as PyTorch's {@code nn.Linear}: weight and bias drawn
   * uniformly from {@code [-1/sqrt(inputs), 1/sqrt(inputs)]} (DJL's default would be a
   * Kaiming-normal weight about 2.4 times wider and a zero bias).
   *
   * @param inputs the input width (fan-in), which sets the initial scale
   * @param units the output width
   */
  public static Linear linear(int inputs, int units) {
    if (inputs <= 0 || units <= 0) {
      throw new IllegalArgumentException(
          "inputs and units must be > 0, got " + inputs + " and " + units);
    }
    Linear linear = Linear.builder().setUnits(units).build();
    UniformInitializer torchDefault = new UniformInitializer((float) (1 / Math.sqrt(inputs)));
    linear.setInitializer(torchDefault, "weight");
    linear.setInitializer(torchDefault, "bias");
    return linear;
  }

  /**
   * A perceptron {@code Linear -> ReLU -> ... -> Linear}, every layer from {@link #linear}; no
   * activation after the last layer.
   *
   * @param inputs the input width
   * @param hidden the hidden widths, in order (empty: a single linear layer)
   * @param outputs the output width
   */
  public static SequentialBlock mlp(int inputs, List<Integer> hidden, int outputs) {
    SequentialBlock mlp = new SequentialBlock();
    int width = inputs;
    for (int units : hidden) {
      mlp.add(linear(width, units));
      mlp.add(Activation::relu);
      width = units;
    }
    return mlp.add(linear(width, outputs));
  }
}
