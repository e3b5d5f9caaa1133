package io.sharcs.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a {@link SampleRenderer} may know beyond the sample: the size wanted, and, for modalities
 * whose parts (graph nodes) each pick a local concept, which concept each part picked.
 *
 * @param maxPixels the longest side of a picture in pixels (96 for a thumbnail, say); renderings
 *     of text keep a readable font and use it as their width
 * @param partConcepts per part (graph node) the index of the local concept it picks, -1 for none;
 *     empty when unknown (null is taken as empty); copied in and out
 */
public record RenderHints(int maxPixels, int[] partConcepts) {

  /** The largest {@link #maxPixels} accepted. */
  public static final int MAX_PIXELS = 4096;

  /** @throws IllegalArgumentException when {@code maxPixels} is not in 1..{@value #MAX_PIXELS} */
  public RenderHints {
    if (maxPixels < 1 || maxPixels > MAX_PIXELS) {
      throw new IllegalArgumentException(
          "maxPixels " + maxPixels + ", expected 1.." + MAX_PIXELS);
    }
    partConcepts = partConcepts == null ? new int[0] : partConcepts.clone();
  }

  /** Hints for a picture whose longest side is {@code maxPixels}, without part concepts. */
  public static RenderHints thumbnail(int maxPixels) {
    return new RenderHints(maxPixels, null);
  }

  /** These hints with the given per-part concepts (null or empty: unknown). */
  public RenderHints withPartConcepts(int[] concepts) {
    return new RenderHints(maxPixels, concepts);
  }

  /** A copy of the per-part concepts; empty when unknown. */
  @Override
  public int[] partConcepts() {
    return partConcepts.clone();
  }

  /** Whether per-part concepts are known. */
  public boolean hasPartConcepts() {
    return partConcepts.length > 0;
  }

  /** The concept of part {@code part}, -1 when it has none or is beyond the known parts. */
  public int partConcept(int part) {
    return part >= 0 && part < partConcepts.length ? partConcepts[part] : -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RenderHints h
        && h.maxPixels == maxPixels
        && Arrays.equals(h.partConcepts, partConcepts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxPixels, Arrays.hashCode(partConcepts));
  }

  @Override
  public String toString() {
    return "RenderHints[maxPixels=" + maxPixels + ", partConcepts="
        + Arrays.toString(partConcepts) + "]";
  }
}
