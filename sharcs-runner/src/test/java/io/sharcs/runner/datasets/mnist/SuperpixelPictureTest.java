package io.sharcs.runner.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The picture tool behind docs/results/mnist-superpixels.png keeps working. */
class SuperpixelPictureTest {

  @Test
  void drawsEachDigitWithBoundariesEdgesAndNodes() {
    byte[] pixels = MnistTestData.syntheticPixels(3);
    MnistDigits digits = new MnistDigits(
        new IdxFile.Images(Path.of("synthetic"), 3, 28, 28, pixels),
        new IdxFile.Labels(Path.of("labels"), new byte[] {4, 2, 7}));
    BufferedImage picture = SuperpixelPicture.draw(digits, 1, 2, SuperpixelOptions.DEFAULTS);
    assertThat(picture.getWidth()).isEqualTo(2 * (28 * 10 + 4));
    assertThat(picture.getHeight()).isEqualTo(28 * 10 + 22 + 4);
    int boundaries = 0;
    int edges = 0;
    int ink = 0;
    for (int y = 0; y < picture.getHeight(); y++) {
      for (int x = 0; x < picture.getWidth(); x++) {
        int rgb = picture.getRGB(x, y) & 0xffffff;
        boundaries += rgb == 0xdc2828 ? 1 : 0;
        edges += rgb == 0x00c8e6 ? 1 : 0;
        ink += rgb == 0xffffff && y > 30 ? 1 : 0;
      }
    }
    assertThat(boundaries).as("superpixel boundaries").isGreaterThan(1000);
    assertThat(edges).as("graph edges").isGreaterThan(1000);
    assertThat(ink).as("the digit's bright pixels").isGreaterThan(500);
  }
}
