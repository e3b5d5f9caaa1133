package io.sharcs.modality.image;

import io.sharcs.api.Excerpt;
import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import io.sharcs.api.SampleRenderer;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws an image sample as a PNG thumbnail: the picture as stored (grey stays grey, colour stays
 * RGB, alpha is dropped as the preprocessing drops it), shrunk with the preprocessing's
 * PIL-style bilinear filter so that its longer side is at most {@code hints.maxPixels()},
 * keeping the aspect ratio; smaller pictures keep their size. The file has no time stamp, so the
 * same image gives the same bytes. The text is {@code image 320x240 RGB (scene.png)}.
 */
final class ImageRenderer implements SampleRenderer<ImageSample, ImagePreprocessor> {

  @Override
  public Rendering render(ImageSample sample, ImagePreprocessor preprocessor, RenderHints hints) {
    ImageDecoder.Pixels pixels = ImageDecoder.decode(sample, preprocessor.maxPixels());
    int w = pixels.width();
    int h = pixels.height();
    double scale = Math.min(1.0, (double) hints.maxPixels() / Math.max(w, h));
    int tw = Math.max(1, Math.min(hints.maxPixels(), (int) Math.round(w * scale)));
    int th = Math.max(1, Math.min(hints.maxPixels(), (int) Math.round(h * scale)));
    float[] planes = tw == w && th == h
        ? pixels.planes()
        : BilinearResampler.resize(pixels.planes(), pixels.channels(), w, h, tw, th);
    BufferedImage thumbnail = image(planes, pixels.channels(), tw, th);
    String text = "image " + w + "x" + h + " " + pixels.kind() + " (" + Excerpt.of(name(sample))
        + ")";
    return Rendering.png(png(thumbnail), text);
  }

  /** An 8-bit grey or RGB image of {@code channels} planes in [0, 255]. */
  private static BufferedImage image(float[] planes, int channels, int w, int h) {
    BufferedImage image = new BufferedImage(
        w, h, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    WritableRaster raster = image.getRaster();
    int n = w * h;
    int[] band = new int[n];
    for (int c = 0; c < channels; c++) {
      for (int i = 0; i < n; i++) {
        band[i] = Math.max(0, Math.min(255, Math.round(planes[c * n + i])));
      }
      // Raster bands are R, G, B whatever the byte order of the buffer.
      raster.setSamples(0, 0, w, h, c, band);
    }
    return image;
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", bytes)) {
        throw new IllegalStateException("no PNG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing a PNG in memory", e);
    }
    return bytes.toByteArray();
  }

  private static String name(ImageSample sample) {
    return sample.file().map(Path::getFileName).map(Path::toString).orElse(sample.name());
  }
}
