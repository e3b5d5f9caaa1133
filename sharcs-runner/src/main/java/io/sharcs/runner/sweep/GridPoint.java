package io.sharcs.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One point of a sweep grid: a value for every swept key.
 *
 * @param keys the swept keys in grid order
 * @param values the value of each key, aligned with {@code keys}
 */
record GridPoint(List<SweepKey> keys, List<JsonNode> values) {

  GridPoint {
    keys = List.copyOf(keys);
    values = List.copyOf(values);
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException(keys.size() + " keys, " + values.size() + " values");
    }
  }

  /** The {@code --set} arguments that select this point, in key order. */
  List<String> sets() {
    List<String> sets = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      sets.add(keys.get(i).set(values.get(i)));
    }
    return sets;
  }

  /** The values of the keys other than {@code seed}: the point's summary group. */
  List<JsonNode> group() {
    List<JsonNode> group = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!keys.get(i).isSeed()) {
        group.add(values.get(i));
      }
    }
    return group;
  }

  /** {@code training.lambda=0.1, seed=0}, for messages. */
  String describe() {
    return SweepKey.describe(keys, values);
  }
}
