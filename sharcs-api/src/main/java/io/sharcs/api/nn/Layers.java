package io.sharcs.api.nn;

import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.UniformInitializer;

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
}
