package io.sharcs.runner.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;

/**
 * A location inside a config tree, rendered as in error messages: keys joined by dots, list
 * indices in brackets ({@code modalities[1].encoder.hidden}).
 */
public final class ConfigPath {
  private static final ConfigPath ROOT = new ConfigPath(List.of());

  private final List<Object> segments;

  private ConfigPath(List<Object> segments) {
    this.segments = List.copyOf(segments);
  }

  /** The root of a file. */
  public static ConfigPath root() {
    return ROOT;
  }

  /** The path of a key below this one. */
  public ConfigPath key(String name) {
    List<Object> s = new ArrayList<>(segments);
    s.add(name);
    return new ConfigPath(s);
  }

  /** The path of a list element below this one. */
  public ConfigPath index(int i) {
    List<Object> s = new ArrayList<>(segments);
    s.add(i);
    return new ConfigPath(s);
  }

  /** This path followed by the path of a Jackson exception (relative to the bound tree). */
  public ConfigPath plus(List<JsonMappingException.Reference> refs) {
    ConfigPath p = this;
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        p = p.key(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        p = p.index(r.getIndex());
      }
    }
    return p;
  }

  /** The segments: {@link String} keys and {@link Integer} indices. */
  public List<Object> segments() {
    return segments;
  }

  /** The last key of this path, or null if it ends in an index or is the root. */
  public String lastKey() {
    return segments.isEmpty() || !(segments.get(segments.size() - 1) instanceof String s)
        ? null
        : s;
  }

  /** Whether this is the root. */
  public boolean isRoot() {
    return segments.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Object s : segments) {
      if (s instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(s);
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigPath p && p.segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }
}
