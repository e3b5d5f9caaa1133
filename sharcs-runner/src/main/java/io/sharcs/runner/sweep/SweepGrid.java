package io.sharcs.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.Excerpt;
import io.sharcs.runner.config.InputError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cartesian product of the swept keys' values, in a stable order (the first key varies
 * slowest, {@code seed} fastest), and the run-folder name of each point.
 *
 * <p>A run folder is {@code <label>-<value>/.../<mode>/seed-<seed>} below the sweep folder: one
 * segment per swept key other than mode and seed (in grid order), then the resolved mode and seed
 * exactly as {@code sharcs run} names its default folder, swept or not. So a sweep over mode and
 * seed reuses {@code runs/<experiment>/<mode>/seed-<seed>/}. A label is the key's last segment
 * ({@code lambda} for {@code training.lambda}), or the whole key where two keys share it.
 *
 * @param keys the swept keys in grid order
 * @param points every grid point in grid order
 */
record SweepGrid(List<SweepKey> keys, List<GridPoint> points) {

  /** The longest run-folder name (one path segment), in bytes. */
  static final int MAX_NAME_BYTES = 255;

  /** More points than this is almost surely a mistake (and would take weeks). */
  static final int MAX_POINTS = 10_000;

  SweepGrid {
    keys = List.copyOf(keys);
    points = List.copyOf(points);
  }

  /**
   * Expands {@code keys} into their grid.
   *
   * @throws InputError if the grid has more than {@value #MAX_POINTS} points
   */
  static SweepGrid expand(List<SweepKey> keys, String file) {
    long size = 1;
    for (SweepKey k : keys) {
      size *= k.values().size();
      if (size > MAX_POINTS) {
        throw new InputError(file, "sweep", "got a grid of more than " + MAX_POINTS
            + " runs, expected fewer (split the sweep into several files)");
      }
    }
    List<GridPoint> points = new ArrayList<>();
    expand(keys, 0, new ArrayList<>(), points);
    return new SweepGrid(keys, points);
  }

  private static void expand(
      List<SweepKey> keys, int depth, List<JsonNode> prefix, List<GridPoint> points) {
    if (depth == keys.size()) {
      points.add(new GridPoint(keys, prefix));
      return;
    }
    for (JsonNode v : keys.get(depth).values()) {
      prefix.add(v);
      expand(keys, depth + 1, prefix, points);
      prefix.remove(prefix.size() - 1);
    }
  }

  /**
   * The folder of {@code point}, relative to the sweep folder, segments joined by {@code /}.
   *
   * @param mode the point's resolved mode id
   * @param seed the point's resolved seed
   */
  String folder(GridPoint point, String mode, long seed) {
    Map<String, String> labels = labels();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      SweepKey k = keys.get(i);
      if (!k.isMode() && !k.isSeed()) {
        sb.append(labels.get(k.key())).append('-').append(valueName(point.values().get(i)))
            .append('/');
      }
    }
    return sb.append(mode).append("/seed-").append(seed).toString();
  }

  /**
   * Checks that every folder name of {@code point}'s run folder fits a file system: most (ext4,
   * XFS, APFS, NTFS) take at most {@value #MAX_NAME_BYTES} bytes per name, and a longer swept value
   * would otherwise fail only when its run starts.
   *
   * @throws InputError naming {@code sweep.<key>} of the first value whose folder name is too long
   */
  void requireFolderNamesFit(GridPoint point, String file) {
    Map<String, String> labels = labels();
    for (int i = 0; i < keys.size(); i++) {
      SweepKey k = keys.get(i);
      if (k.isMode() || k.isSeed()) {
        continue;
      }
      String name = labels.get(k.key()) + '-' + valueName(point.values().get(i));
      int bytes = name.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_NAME_BYTES) {
        throw new InputError(file, "sweep." + k.key(), "got a value whose run folder name "
            + Excerpt.quoted(name) + " is " + bytes + " bytes long, expected at most "
            + MAX_NAME_BYTES + " (the longest file name a file system takes); sweep shorter"
            + " values, or set this one with --set in a sweep of its own");
      }
    }
  }

  private Map<String, String> labels() {
    Map<String, Integer> counts = new HashMap<>();
    for (SweepKey k : keys) {
      counts.merge(lastName(k), 1, Integer::sum);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (SweepKey k : keys) {
      String last = lastName(k);
      labels.put(k.key(), counts.get(last) > 1 ? sanitize(k.key()) : sanitize(last));
    }
    return labels;
  }

  /** The last segment that is no list index: {@code hidden} of {@code modalities.1.encoder.x}. */
  private static String lastName(SweepKey k) {
    List<String> s = k.segments();
    for (int i = s.size() - 1; i >= 0; i--) {
      if (!s.get(i).chars().allMatch(Character::isDigit)) {
        return s.get(i);
      }
    }
    return k.key();
  }

  /** A value as a folder-name part: scalars as written, lists and mappings flattened. */
  static String valueName(JsonNode value) {
    String text = value.isValueNode() ? value.asText() : value.toString();
    return sanitize(text);
  }

  private static String sanitize(String text) {
    String s = text.replaceAll("[^A-Za-z0-9._+-]+", "_").replaceAll("^_+|_+$", "");
    return s.isEmpty() ? "_" : s;
  }
}
