package io.sharcs.runner.datasets.xor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Arrays;

/**
 * One generated XOR-AND-XOR table row. The tabular plugin's sample is read from {@link
 * #toJson()}.
 *
 * @param values the columns
 */
public record XorRow(float[] values) {

  public XorRow {
    values = values.clone();
  }

  @Override
  public float[] values() {
    return values.clone();
  }

  /** The number of columns. */
  public int width() {
    return values.length;
  }

  /** Column {@code i}. */
  public float get(int i) {
    return values[i];
  }

  /** The row as a JSON list of float nodes (read back to the same float bits). */
  public ArrayNode toJson() {
    ArrayNode row = JsonNodeFactory.instance.arrayNode(values.length);
    for (float value : values) {
      row.add(value);
    }
    return row;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof XorRow r && Arrays.equals(values, r.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "XorRow" + Arrays.toString(values);
  }
}
