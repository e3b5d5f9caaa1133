package io.sharcs.runner.datasets.clevr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes small CLEVR-format folders for the tests. */
final class ClevrTestFiles {

  private ClevrTestFiles() {}

  /** One question: image file, text, answer as a JSON literal (e.g. {@code 1}, {@code "yes"}). */
  record Q(String image, String text, String answer) {}

  static Q q(String image, String text, String answer) {
    return new Q(image, text, answer);
  }

  /** Writes {@code questions.json} into {@code root}. */
  static Path questions(Path root, List<Q> questions) {
    StringBuilder sb = new StringBuilder("{\"info\": {\"split\": \"test\"}, \"questions\": [\n");
    for (int i = 0; i < questions.size(); i++) {
      Q q = questions.get(i);
      sb.append(i == 0 ? "" : ",\n")
          .append("{\"image_index\": ").append(i)
          .append(", \"image_filename\": \"").append(q.image())
          .append("\", \"question\": \"").append(q.text())
          .append("\", \"answer\": ").append(q.answer())
          .append(", \"program\": []}");
    }
    sb.append("\n]}\n");
    return write(root.resolve("questions.json"), sb.toString());
  }

  /** Writes a small solid-colour PNG per name into {@code root/images}. */
  static void images(Path root, String... names) {
    Path folder = root.resolve("images");
    try {
      Files.createDirectories(folder);
      for (int i = 0; i < names.length; i++) {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, 32, 24);
        g.setColor(Color.getHSBColor(i / (float) names.length, 0.9f, 0.9f));
        g.fillOval(8 + i, 6, 10 + i, 10);
        g.dispose();
        ImageIO.write(image, "png", folder.resolve(names[i]).toFile());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
