package io.sharcs.runner.datasets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a canonical binary dump of generated data, for
 * {@link io.sharcs.api.MultimodalDataset#fingerprint()}.
 *
 * <p>Every value is written big-endian, and every variable-length value with its length in
 * front, so different sequences of values cannot produce the same byte stream. Floats are written
 * as their IEEE bits, so the digest is exact and independent of locale and formatting.
 */
public final class DatasetDigest {

  private final MessageDigest sha256;
  // Values are a few bytes each: batching them keeps MessageDigest calls off the hot path.
  private final ByteBuffer buffer = ByteBuffer.allocate(8192);

  /** An empty digest. */
  public DatasetDigest() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /** Appends an int. */
  public DatasetDigest add(int value) {
    room(Integer.BYTES).putInt(value);
    return this;
  }

  /** Appends a double by its bits. */
  public DatasetDigest add(double value) {
    room(Long.BYTES).putLong(Double.doubleToLongBits(value));
    return this;
  }

  /** Appends a string as UTF-8. */
  public DatasetDigest add(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    add(bytes.length);
    flush();
    sha256.update(bytes);
    return this;
  }

  /** Appends a float row. */
  public DatasetDigest add(float[] values) {
    add(values.length);
    for (float value : values) {
      room(Float.BYTES).putInt(Float.floatToIntBits(value));
    }
    return this;
  }

  /**
   * Appends a graph: its node features, its edges in order and its positions ({@code null} for
   * none).
   */
  public DatasetDigest addGraph(float[][] features, int[][] edges, float[][] positions) {
    add(features.length);
    for (float[] row : features) {
      add(row);
    }
    add(edges.length);
    for (int[] edge : edges) {
      add(edge[0]);
      add(edge[1]);
    }
    add(positions == null ? -1 : positions.length);
    if (positions != null) {
      for (float[] position : positions) {
        add(position);
      }
    }
    return this;
  }

  /** The lowercase hex SHA-256 of everything appended; the digest is then reset. */
  public String hex() {
    flush();
    return HexFormat.of().formatHex(sha256.digest());
  }

  private ByteBuffer room(int bytes) {
    if (buffer.remaining() < bytes) {
      flush();
    }
    return buffer;
  }

  private void flush() {
    sha256.update(buffer.array(), 0, buffer.position());
    buffer.clear();
  }
}
