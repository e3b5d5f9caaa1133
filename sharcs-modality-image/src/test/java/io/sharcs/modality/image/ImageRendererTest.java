package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.api.FittedModality;
import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRendererTest {

  @TempDir Path dir;

  /** 320x200: red left half, blue right half, a white square in the middle. */
  private static BufferedImage scene() {
    int[][][] rgb = new int[200][320][];
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 320; x++) {
        boolean square = Math.abs(x - 160) < 20 && Math.abs(y - 100) < 20;
        rgb[y][x] = square ? new int[] {255, 255, 255}
            : x < 160 ? new int[] {200, 30, 30} : new int[] {30, 30, 200};
      }
    }
    return TestImages.rgb(rgb);
  }

  private static BufferedImage decode(Rendering r) throws Exception {
    assertThat(r.mediaType()).isEqualTo(Rendering.PNG);
    return ImageIO.read(new ByteArrayInputStream(r.content()));
  }

  private static FittedModality<ImageSample, ImageEncoderConfig> fitted(ImageSample sample) {
    return TestImages.fitted(ImageEncoderConfig.DEFAULTS, List.of(sample));
  }

  @Test
  void aColourFileBecomesAColourThumbnailWithinTheSizeKeepingItsAspect() throws Exception {
    Path file = TestImages.write(scene(), "png", dir.resolve("scene.png"));
    ImageSample sample = ImageSample.ofFile(file);

    Rendering r = fitted(sample).render(sample, RenderHints.thumbnail(96));

    assertThat(r.text()).isEqualTo("image 320x200 RGB (scene.png)");
    BufferedImage thumb = decode(r);
    assertThat(thumb.getWidth()).isEqualTo(96);
    assertThat(thumb.getHeight()).isEqualTo(60);
    assertThat(thumb.getColorModel().getNumColorComponents()).isEqualTo(3);
    assertThat(rgb(thumb, 10, 30)).containsExactly(200, 30, 30);
    assertThat(rgb(thumb, 85, 30)).containsExactly(30, 30, 200);
    assertThat(rgb(thumb, 48, 30)).containsExactly(255, 255, 255);
  }

  @Test
  void aGreyImageStaysGreyAndASmallOneKeepsItsSize() throws Exception {
    int[][] rows = {{0, 64, 128, 255}, {255, 128, 64, 0}, {10, 20, 30, 40}};
    ImageSample sample = ImageSample.ofImage(TestImages.grey(rows), "tiny");

    Rendering r = fitted(sample).render(sample, RenderHints.thumbnail(96));

    assertThat(r.text()).isEqualTo("image 4x3 grey (tiny)");
    BufferedImage thumb = decode(r);
    assertThat(thumb.getWidth()).isEqualTo(4);
    assertThat(thumb.getHeight()).isEqualTo(3);
    assertThat(thumb.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 4; x++) {
        assertThat(thumb.getRaster().getSample(x, y, 0)).isEqualTo(rows[y][x]);
      }
    }
  }

  @Test
  void aTallImageIsBoundedByItsHeight() throws Exception {
    BufferedImage tall = TestImages.uniform(30, 500, 10, 200, 10);
    ImageSample sample = ImageSample.ofImage(tall, "tall");
    BufferedImage thumb = decode(fitted(sample).render(sample, RenderHints.thumbnail(100)));
    assertThat(thumb.getHeight()).isEqualTo(100);
    assertThat(thumb.getWidth()).isEqualTo(6);
  }

  @Test
  void theSameImageGivesTheSameBytesWithoutATimeStamp() throws Exception {
    Path file = TestImages.write(scene(), "png", dir.resolve("scene.png"));
    ImageSample sample = ImageSample.ofFile(file);
    FittedModality<ImageSample, ImageEncoderConfig> fitted = fitted(sample);
    byte[] first = fitted.render(sample, RenderHints.thumbnail(64)).content();
    byte[] second = new ImageRenderer().render(ImageSample.ofFile(file),
        (ImagePreprocessor) fitted.preprocessor(), RenderHints.thumbnail(64)).content();
    assertThat(second).isEqualTo(first);
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("tIME");
  }

  @Test
  void aFileGoneSinceFittingIsShownAsTextSayingSo() throws Exception {
    Path file = TestImages.write(scene(), "png", dir.resolve("gone.png"));
    ImageSample sample = ImageSample.ofFile(file);
    FittedModality<ImageSample, ImageEncoderConfig> fitted = fitted(sample);
    Files.delete(file);

    Rendering r = fitted.render(sample, RenderHints.thumbnail(64));

    assertThat(r.mediaType()).isEqualTo(Rendering.TEXT);
    assertThat(r.text()).contains("rendering failed").contains("file not found");
  }

  /** Writes a CLEVR scene's thumbnail when {@code -Dsharcs.render.demo=DIR} is given. */
  @Test
  void writesDemoFilesWhenAsked() throws Exception {
    String out = System.getProperty("sharcs.render.demo");
    if (out == null) {
      return;
    }
    Path scene = Path.of("../../shared/data/clevr-mini/images/CLEVR_train_full_000005.png");
    ImageSample sample = Files.exists(scene)
        ? ImageSample.ofFile(scene)
        : ImageSample.ofImage(scene(), "scene");
    Files.createDirectories(Path.of(out));
    Rendering r = fitted(sample).render(sample, RenderHints.thumbnail(160));
    Files.write(Path.of(out, "image-thumbnail.png"), r.content());
    Files.writeString(Path.of(out, "image-thumbnail.txt"), r.text());
  }

  private static int[] rgb(BufferedImage image, int x, int y) {
    int p = image.getRGB(x, y);
    return new int[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
  }
}
