package io.sharcs.runner.report;

import java.util.Objects;

/** One key and its value, both plain text. */
public record KeyValue(String key, String value) {

  /** Checks both are present. */
  public KeyValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
