package io.sharcs.runner.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A picture of a report: the encoded bytes of an SVG or PNG image and the text a reader without
 * the picture gets instead. Pictures are always inlined as {@code data:} URIs and shown through
 * {@code <img>}, where a browser runs no script of an SVG: a picture from data cannot act.
 *
 * @param mediaType {@value #SVG} or {@value #PNG}
 * @param bytes the encoded image (copied in and out)
 * @param alt the alternative text, never null
 */
public record Picture(String mediaType, byte[] bytes, String alt) {

  /** The media type of SVG pictures. */
  public static final String SVG = "image/svg+xml";

  /** The media type of PNG pictures. */
  public static final String PNG = "image/png";

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** Checks the media type and that the bytes start as such an image does. */
  public Picture {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(alt, "alt");
    bytes = bytes.clone();
    if (mediaType.equals(PNG)) {
      if (bytes.length < PNG_SIGNATURE.length
          || !Arrays.equals(Arrays.copyOf(bytes, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
        throw new IllegalArgumentException("picture '" + alt + "': bytes are not a PNG image");
      }
    } else if (mediaType.equals(SVG)) {
      if (!new String(bytes, StandardCharsets.UTF_8).contains("<svg")) {
        throw new IllegalArgumentException("picture '" + alt + "': bytes are not an SVG image");
      }
    } else {
      throw new IllegalArgumentException(
          "picture media type '" + mediaType + "', expected " + SVG + " or " + PNG);
    }
  }

  /** An SVG picture of the given document text. */
  public static Picture svg(String svg, String alt) {
    return new Picture(SVG, svg.getBytes(StandardCharsets.UTF_8), alt);
  }

  /** A PNG picture of the given encoded bytes. */
  public static Picture png(byte[] png, String alt) {
    return new Picture(PNG, png, alt);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The picture as a {@code data:} URI (base64), for {@code src} or {@code href}. */
  public String dataUri() {
    return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
  }

  /** The file name extension of the picture: {@code svg} or {@code png}. */
  public String extension() {
    return mediaType.equals(PNG) ? "png" : "svg";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Picture p
        && p.mediaType.equals(mediaType) && Arrays.equals(p.bytes, bytes) && p.alt.equals(alt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mediaType, Arrays.hashCode(bytes), alt);
  }

  @Override
  public String toString() {
    return "Picture[" + mediaType + ", " + bytes.length + " bytes, alt=" + alt + "]";
  }
}
