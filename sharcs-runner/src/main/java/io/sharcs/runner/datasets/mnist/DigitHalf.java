package io.sharcs.runner.datasets.mnist;

import io.sharcs.api.AttributeKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * HalfMNIST's content key: which digit a sample shows and which half of it. A graph and an image
 * show the same content when both show the same half of the same digit, as the reference's
 * pairing rule has it (same digit, different {@code up_down}).
 *
 * @param digit the digit, 0-9
 * @param half the half shown
 */
public record DigitHalf(int digit, SuperpixelGraph.Half half) implements AttributeKey {

  public DigitHalf {
    Objects.requireNonNull(half, "half");
  }

  /** {@code digit} and {@code half}, so retrieval is scored for each as well. */
  @Override
  public Map<String, String> attributes() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("digit", Integer.toString(digit));
    a.put("half", half.id());
    return a;
  }

  @Override
  public String toString() {
    return digit + " " + half.id();
  }
}
