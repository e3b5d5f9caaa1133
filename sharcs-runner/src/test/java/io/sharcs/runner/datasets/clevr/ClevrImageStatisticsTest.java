package io.sharcs.runner.datasets.clevr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ClevrImageStatisticsTest {

  private static final ClevrRenderer RENDERER = new ClevrRenderer();

  private static float[] stats(String size, String color, String material, String shape) {
    BufferedImage image = RENDERER.render(
        new ClevrScene(new ClevrAttributes(size, color, material, shape), 1.0, -0.5, 20));
    return ClevrImageStatistics.of(image);
  }

  private static float get(float[] stats, String name) {
    return stats[ClevrImageStatistics.NAMES.indexOf(name)];
  }

  @Test
  void largeObjectsCoverMoreThanSmallOnes() {
    float[] large = stats("large", "blue", "rubber", "sphere");
    float[] small = stats("small", "blue", "rubber", "sphere");

    assertThat(get(large, "object_area")).isGreaterThan(2.5f * get(small, "object_area"));
    assertThat(get(large, "box_width")).isGreaterThan(get(small, "box_width"));
    assertThat(get(large, "box_height")).isGreaterThan(get(small, "box_height"));
  }

  @Test
  void metalHasMoreContrastAndHighlightsThanRubber() {
    float[] metal = stats("large", "red", "metal", "sphere");
    float[] rubber = stats("large", "red", "rubber", "sphere");

    assertThat(get(metal, "object_contrast")).isGreaterThan(get(rubber, "object_contrast"));
    assertThat(get(metal, "object_highlights")).isGreaterThan(get(rubber, "object_highlights"));
  }

  @Test
  void colourShowsInTheObjectRegion() {
    float[] red = stats("large", "red", "rubber", "cube");
    float[] blue = stats("large", "blue", "rubber", "cube");

    assertThat(get(red, "object_r")).isGreaterThan(get(red, "object_b"));
    assertThat(get(blue, "object_b")).isGreaterThan(get(blue, "object_r"));
    assertThat(get(red, "background_r")).isBetween(0.3f, 0.8f);
  }

  @Test
  void isDeterministicAndAllInTheUnitInterval() {
    float[] first = stats("small", "cyan", "metal", "cylinder");
    assertThat(stats("small", "cyan", "metal", "cylinder")).containsExactly(first);
    assertThat(first).hasSize(ClevrImageStatistics.NAMES.size());
    for (float v : first) {
      assertThat(v).isBetween(0f, 1f);
    }
  }

  @Test
  void aPlainImageHasNoObject() {
    BufferedImage plain = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = plain.createGraphics();
    g.setColor(new java.awt.Color(100, 110, 120));
    g.fillRect(0, 0, 32, 24);
    g.dispose();
    float[] stats = ClevrImageStatistics.of(plain);

    assertThat(get(stats, "object_area")).isZero();
    assertThat(get(stats, "background_b")).isEqualTo(120 / 255f, org.assertj.core.data.Offset.offset(1e-6f));
  }
}
