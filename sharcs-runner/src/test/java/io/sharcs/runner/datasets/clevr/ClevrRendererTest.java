package io.sharcs.runner.datasets.clevr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ClevrRendererTest {

  private final ClevrRenderer renderer = new ClevrRenderer();

  private static int[] rgb(BufferedImage image, double[] at) {
    int p = image.getRGB((int) at[0], (int) at[1]);
    return new int[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
  }

  @Test
  void rendersAtClevrSizeWithTheObjectAtItsPixelCoordinates() {
    for (String color : ClevrVocabulary.COLORS) {
      ClevrScene scene =
          new ClevrScene(new ClevrAttributes("large", color, "rubber", "cube"), -1, 1, 30);
      BufferedImage image = renderer.render(scene);
      assertThat(image.getWidth()).isEqualTo(320);
      assertThat(image.getHeight()).isEqualTo(240);
      int[] pixel = rgb(image, ClevrRenderer.pixelCoords(scene));
      int[] expected = ClevrRenderer.COLORS.get(color);
      // The object's centre shows its colour: the channels are in the same order.
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
          if (expected[a] - expected[b] > 60) {
            assertThat(pixel[a]).as(color).isGreaterThan(pixel[b]);
          }
        }
      }
    }
  }

  @Test
  void aSceneRendersTheSameEveryTimeAndDependsOnItsObject() {
    ClevrScene scene =
        new ClevrScene(new ClevrAttributes("small", "purple", "metal", "cylinder"), 2, -2, 10);
    int[] first = pixels(renderer.render(scene));
    assertThat(pixels(new ClevrRenderer().render(scene))).isEqualTo(first);
    ClevrScene moved =
        new ClevrScene(new ClevrAttributes("small", "purple", "metal", "cylinder"), 2, -1, 10);
    assertThat(pixels(renderer.render(moved))).isNotEqualTo(first);
  }

  @Test
  void theShadowDarkensTheGroundBesideTheObject() {
    ClevrAttributes object = new ClevrAttributes("large", "gray", "rubber", "sphere");
    BufferedImage with = renderer.render(new ClevrScene(object, 0, 0, 0));
    BufferedImage far = renderer.render(new ClevrScene(object, -3, -3, 0));
    long darker = 0;
    int[] a = pixels(with);
    int[] b = pixels(far);
    for (int i = 0; i < a.length; i++) {
      if ((a[i] & 0xff) + 20 < (b[i] & 0xff)) {
        darker++;
      }
    }
    // The object itself plus its shadow: well beyond the sphere's own disc (~1000 pixels).
    assertThat(darker).isGreaterThan(1500);
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
