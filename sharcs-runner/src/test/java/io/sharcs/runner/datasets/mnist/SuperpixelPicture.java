package io.sharcs.runner.datasets.mnist;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws digits with their superpixel graphs over them, for a person to judge the superpixels: the
 * digit upscaled, the superpixel boundaries in red, the graph's edges between centroids in cyan
 * and its nodes as discs coloured by their mean intensity (blue 0 to yellow 1), with the digit, node and edge counts
 * above each.
 *
 * <p>{@code main IMAGES LABELS OUT.png [COUNT [FIRST [SEGMENTS COMPACTNESS]]]} writes COUNT
 * (default 8) digits from FIRST (default 0) in rows of four.
 */
public final class SuperpixelPicture {

  private static final int SCALE = 10;
  private static final int CAPTION = 22;

  private SuperpixelPicture() {}

  public static void main(String[] args) throws IOException {
    MnistDigits digits = new MnistDigits(
        IdxFile.readImages(Path.of(args[0])), IdxFile.readLabels(Path.of(args[1])));
    int count = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    int first = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    SuperpixelOptions options = args.length > 6
        ? SuperpixelOptions.slic(Integer.parseInt(args[5]), Double.parseDouble(args[6]), 10)
        : SuperpixelOptions.DEFAULTS;
    BufferedImage picture = draw(digits, first, count, options);
    // A 256-colour palette keeps the file small; the drawing has few colours anyway.
    BufferedImage indexed = new BufferedImage(
        picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
    Graphics2D g = indexed.createGraphics();
    g.drawImage(picture, 0, 0, null);
    g.dispose();
    ImageIO.write(indexed, "png", Path.of(args[2]).toFile());
  }

  /** Digits {@code first .. first+count-1} with their graphs, four to a row. */
  public static BufferedImage draw(
      MnistDigits digits, int first, int count, SuperpixelOptions options) {
    int w = digits.images().columns();
    int h = digits.images().rows();
    int cell = w * SCALE;
    int columns = Math.min(4, count);
    int rows = (count + columns - 1) / columns;
    BufferedImage out = new BufferedImage(
        columns * (cell + 4), rows * (h * SCALE + CAPTION + 4), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    Slic slic = new Slic(w, h, options);
    char[] labels = new char[w * h];
    byte[] pixels = digits.images().pixels();
    for (int k = 0; k < count; k++) {
      int i = first + k;
      int ox = (k % columns) * (cell + 4);
      int oy = (k / columns) * (h * SCALE + CAPTION + 4);
      int offset = i * w * h;
      int regions = slic.segment(pixels, offset, labels, 0);
      SuperpixelGraph graph = SuperpixelGraph.of(labels, 0, regions, pixels, offset, w, h);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
      g.drawString("digit " + digits.digit(i) + ": " + graph.nodes() + " nodes, "
          + graph.edges() / 2 + " edges", ox + 4, oy + 16);
      int top = oy + CAPTION;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int v = pixels[offset + y * w + x] & 0xff;
          g.setColor(new Color(v, v, v));
          g.fillRect(ox + x * SCALE, top + y * SCALE, SCALE, SCALE);
        }
      }
      g.setColor(new Color(220, 40, 40));
      g.setStroke(new BasicStroke(1.5f));
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int l = labels[y * w + x];
          if (x + 1 < w && labels[y * w + x + 1] != l) {
            int lx = ox + (x + 1) * SCALE;
            g.draw(new Line2D.Float(lx, top + y * SCALE, lx, top + (y + 1) * SCALE));
          }
          if (y + 1 < h && labels[(y + 1) * w + x] != l) {
            int ly = top + (y + 1) * SCALE;
            g.draw(new Line2D.Float(ox + x * SCALE, ly, ox + (x + 1) * SCALE, ly));
          }
        }
      }
      // Pixel (c, r) covers [c, c+1) x [r, r+1) in image units, so a centroid is drawn at +0.5.
      g.setColor(new Color(0, 200, 230));
      g.setStroke(new BasicStroke(1.2f));
      for (int e = 0; e < graph.edges(); e++) {
        int s = graph.sources()[e];
        int t = graph.targets()[e];
        if (s < t) {
          g.draw(new Line2D.Float(ox + (graph.x()[s] + 0.5f) * SCALE,
              top + (graph.y()[s] + 0.5f) * SCALE, ox + (graph.x()[t] + 0.5f) * SCALE,
              top + (graph.y()[t] + 0.5f) * SCALE));
        }
      }
      for (int n = 0; n < graph.nodes(); n++) {
        float cx = ox + (graph.x()[n] + 0.5f) * SCALE;
        float cy = top + (graph.y()[n] + 0.5f) * SCALE;
        float v = graph.intensity()[n];
        // Blue for background (0), yellow for ink (1).
        g.setColor(new Color(Math.round(40 + 215 * v), Math.round(90 + 130 * v),
            Math.round(220 - 220 * v)));
        g.fill(new Ellipse2D.Float(cx - 4, cy - 4, 8, 8));
        g.setColor(Color.BLACK);
        g.draw(new Ellipse2D.Float(cx - 4, cy - 4, 8, 8));
      }
    }
    g.dispose();
    return out;
  }
}
