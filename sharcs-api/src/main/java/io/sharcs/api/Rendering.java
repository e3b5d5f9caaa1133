package io.sharcs.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * One raw sample drawn for a person: the bytes of a small file (a PNG thumbnail, an SVG drawing
 * or plain text) and a short plain-text description for terminals and alt text. Made by a
 * modality's {@link SampleRenderer}, or by {@link FittedModality#render}'s text fallback.
 *
 * @param mediaType {@link #PNG}, {@link #SVG} or {@link #TEXT}
 * @param content the file's bytes (UTF-8 for SVG and text); copied in and out
 * @param text a short one-line description, e.g. {@code f1=1 f2=0 f3=1 f4=0} or {@code graph: 10
 *     nodes, 14 edges}
 */
public record Rendering(String mediaType, byte[] content, String text) {

  /** A PNG image. */
  public static final String PNG = "image/png";
  /** An SVG drawing, UTF-8. */
  public static final String SVG = "image/svg+xml";
  /** Plain text, UTF-8. */
  public static final String TEXT = "text/plain";

  private static final Set<String> MEDIA_TYPES = Set.of(PNG, SVG, TEXT);

  /**
   * @throws IllegalArgumentException when the media type is not one of the three, or a part is
   *     null
   */
  public Rendering {
    if (mediaType == null || !MEDIA_TYPES.contains(mediaType)) {
      throw new IllegalArgumentException(
          "media type " + Excerpt.quoted(mediaType) + ", expected one of " + PNG + ", " + SVG
              + ", " + TEXT);
    }
    if (content == null || text == null) {
      throw new IllegalArgumentException("a rendering needs content and text, got "
          + (content == null ? "no content" : "no text"));
    }
    content = content.clone();
  }

  /** A PNG rendering of {@code png}'s bytes. */
  public static Rendering png(byte[] png, String text) {
    return new Rendering(PNG, png, text);
  }

  /** An SVG rendering of the document {@code svg}. */
  public static Rendering svg(String svg, String text) {
    Objects.requireNonNull(svg, "svg");
    return new Rendering(SVG, svg.getBytes(StandardCharsets.UTF_8), text);
  }

  /** A plain-text rendering whose content and description are both {@code text}. */
  public static Rendering plainText(String text) {
    Objects.requireNonNull(text, "text");
    return new Rendering(TEXT, text.getBytes(StandardCharsets.UTF_8), text);
  }

  /** A copy of the file's bytes. */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The content's length in bytes. */
  public int size() {
    return content.length;
  }

  /** The file-name extension of the content, without dot: {@code png}, {@code svg} or {@code txt}. */
  public String fileExtension() {
    return switch (mediaType) {
      case PNG -> "png";
      case SVG -> "svg";
      default -> "txt";
    };
  }

  /**
   * The content as a base64 {@code data:} URI, to inline in HTML ({@code <img src=...>} for PNG
   * and SVG); text carries {@code charset=utf-8}.
   */
  public String dataUri() {
    String type = TEXT.equals(mediaType) ? TEXT + ";charset=utf-8" : mediaType;
    return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(content);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rendering r
        && r.mediaType.equals(mediaType)
        && Arrays.equals(r.content, content)
        && r.text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mediaType, Arrays.hashCode(content), text);
  }

  @Override
  public String toString() {
    return "Rendering[" + mediaType + ", " + content.length + " bytes, " + Excerpt.quoted(text)
        + "]";
  }
}
