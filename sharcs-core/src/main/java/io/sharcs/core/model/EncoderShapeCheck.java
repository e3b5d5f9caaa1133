package io.sharcs.core.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import io.sharcs.api.InvalidInputException;
import io.sharcs.core.data.EncoderRole;
import io.sharcs.core.data.PreparedData.Slot;

/**
 * Checks, before a model is built, that a plugin's encoder turns a real batch into one array of
 * shape (B, k): a wrong shape would otherwise fail deep inside the first training step, naming
 * neither the plugin nor the modality.
 *
 * <p>The check must not change any result. It therefore runs on a <em>separate</em> encoder from
 * the same factory and options, made as for a saved model ({@code restoring}: no weight files
 * read) with deterministic stochastic layers, whose parameters are all set to a constant instead
 * of being drawn: no draw from the engine's JVM-global random generator, no state of the real
 * encoder touched. It lives in a scratch manager closed right after, and runs in evaluation mode.
 */
final class EncoderShapeCheck {

  /** Every parameter of the scratch encoder: shape is all the check looks at. */
  private static final float CONSTANT = 0.01f;

  private EncoderShapeCheck() {}

  /**
   * Runs a scratch copy of {@code slot}'s encoder on {@code batch} (a few training samples).
   *
   * @param outputs k, the width the encoder must output
   * @param rows B, the batch's number of samples
   * @throws InvalidInputException naming the plugin, the modality, the expected and the actual
   *     shape when the output is not one (B, k) array, or why the forward pass failed
   */
  static void check(
      Slot slot, EncoderRole role, int outputs, int rows, NDList batch, NDManager manager) {
    Shape expected = new Shape(rows, outputs);
    String who = "modality '" + slot.name() + "' (plugin '" + slot.calls().pluginId() + "' "
        + slot.calls().pluginVersion() + "): the " + (role == EncoderRole.EMBEDDING
            ? "embedding encoder" : "concept encoder");
    String on = " on a batch of " + rows + " training sample" + (rows == 1 ? "" : "s")
        + " (input " + shapes(batch) + ")";
    NDList out;
    try (NDManager scratch = manager.newSubManager()) {
      try {
        Block encoder = slot.calls().restoreEncoder(outputs, false, role);
        encoder.setInitializer(new ConstantInitializer(CONSTANT), p -> true);
        encoder.initialize(scratch, DataType.FLOAT32, batch.getShapes());
        out = encoder.forward(new ParameterStore(scratch, false), batch, false);
      } catch (InvalidInputException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new InvalidInputException(who + " failed" + on + ": " + oneLine(e)
            + ", expected an output of shape " + expected, e);
      }
      if (out.size() != 1 || !out.get(0).getShape().equals(expected)) {
        throw new InvalidInputException(
            who + " returned " + (out.size() == 1 ? "shape " : out.size() + " arrays of shapes ")
                + shapes(out) + on + ", expected one array of shape " + expected + " = (batch, "
                + (role == EncoderRole.EMBEDDING ? "embedding width" : "local concepts k") + ")");
      }
    }
  }

  private static String shapes(NDList list) {
    Shape[] shapes = list.getShapes();
    if (shapes.length == 1) {
      return shapes[0].toString();
    }
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < shapes.length; i++) {
      b.append(i == 0 ? "" : ", ").append(shapes[i]);
    }
    return b.append(']').toString();
  }

  private static String oneLine(RuntimeException e) {
    String m = e.getMessage();
    String line = m == null ? "" : m.lines().findFirst().orElse("").strip();
    return e.getClass().getSimpleName() + (line.isEmpty() ? "" : ": " + line);
  }
}
