package io.sharcs.core.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How many arrays each modality's batch list holds. A DJL block takes one flat input list, so a
 * network over several modalities concatenates their lists in slot order and splits them again
 * with this.
 */
public final class SlotArity {

  private final int[] arity;

  /** @param arity per slot, the number of arrays in its batch list */
  public SlotArity(int[] arity) {
    this.arity = arity.clone();
  }

  /** The flat input list split back into one list per modality. */
  public List<NDList> split(NDList flat) {
    check(flat.size());
    List<NDList> out = new ArrayList<>(arity.length);
    int offset = 0;
    for (int a : arity) {
      out.add(flat.subNDList(offset, offset + a));
      offset += a;
    }
    return out;
  }

  /** Flat input shapes split back into one shape array per modality. */
  public List<Shape[]> split(Shape[] flat) {
    check(flat.length);
    List<Shape[]> out = new ArrayList<>(arity.length);
    int offset = 0;
    for (int a : arity) {
      out.add(Arrays.copyOfRange(flat, offset, offset + a));
      offset += a;
    }
    return out;
  }

  /** One shape array per modality, concatenated in slot order. */
  public static Shape[] flatten(List<Shape[]> perModality) {
    return perModality.stream().flatMap(Arrays::stream).toArray(Shape[]::new);
  }

  private void check(int size) {
    int expected = Arrays.stream(arity).sum();
    if (size != expected) {
      throw new IllegalArgumentException(
          "expected " + expected + " inputs " + Arrays.toString(arity) + ", got " + size);
    }
  }
}
