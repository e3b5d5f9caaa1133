package io.sharcs.runner.datasets.mnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures the superpixel graphs of whole MNIST files for docs/results/mnist.md: nodes and edges
 * per graph (min / median / max / mean), the time to segment every image cold on {@value
 * Segmentations#THREADS} threads and to build the graphs, and the time to read them back from
 * the cache; and how well the superpixels follow the strokes: the <em>purity</em>, the share of
 * pixels on the same side of grey level 128 (ink or background) as most of their superpixel.
 *
 * <p>With {@code knn=K}, also the kNN graphs' edges ({@link SuperpixelGraph#nearest}) and the
 * time to build them from the adjacency graphs.
 *
 * <p>{@code main CACHE_DIR [SEGMENTS COMPACTNESS] [knn=K] IMAGES LABELS [IMAGES LABELS]...}; the
 * cache folder should be empty (it is written).
 */
public final class SuperpixelMeasure {

  private SuperpixelMeasure() {}

  public static void main(String[] args) throws IOException {
    Path cache = Path.of(args[0]);
    Files.createDirectories(cache);
    int at = 1;
    SuperpixelOptions options = SuperpixelOptions.DEFAULTS;
    if (!args[1].contains("/") && !args[1].startsWith("knn=")) {
      options = SuperpixelOptions.slic(Integer.parseInt(args[1]), Double.parseDouble(args[2]), 10);
      at = 3;
    }
    int k = 0;
    if (args[at].startsWith("knn=")) {
      k = Integer.parseInt(args[at].substring(4));
      options = options.withEdges(SuperpixelOptions.KNN, k);
      at++;
    }
    System.out.println("options " + options + ", " + Runtime.getRuntime().availableProcessors()
        + " processors");
    int total = 0;
    double segmentSeconds = 0;
    double graphSeconds = 0;
    double readSeconds = 0;
    double cachedSeconds = 0;
    int[] nodes = new int[0];
    int[] edges = new int[0];
    int[] knnEdges = new int[0];
    double knnSeconds = 0;
    long pure = 0;
    long allPixels = 0;
    for (int f = at; f + 1 < args.length; f += 2) {
      long t0 = System.nanoTime();
      MnistDigits digits = new MnistDigits(
          IdxFile.readImages(Path.of(args[f])), IdxFile.readLabels(Path.of(args[f + 1])));
      long t1 = System.nanoTime();
      Segmentations s = Segmentations.compute(digits.images(), options);
      long t2 = System.nanoTime();
      int n = digits.count();
      int[] fileNodes = new int[n];
      int[] fileEdges = new int[n];
      int[] fileKnn = new int[n];
      SuperpixelGraph[] graphs = new SuperpixelGraph[n];
      int pixels = digits.pixelsPerImage();
      for (int i = 0; i < n; i++) {
        int[] inkCount = new int[s.regions()[i]];
        int[] size = new int[s.regions()[i]];
        for (int p = 0; p < pixels; p++) {
          int r = s.labels()[i * pixels + p];
          size[r]++;
          inkCount[r] += (digits.images().pixels()[i * pixels + p] & 0xff) >= 128 ? 1 : 0;
        }
        for (int r = 0; r < size.length; r++) {
          pure += Math.max(inkCount[r], size[r] - inkCount[r]);
        }
        allPixels += pixels;
        SuperpixelGraph g = s.graph(i, digits.images());
        fileNodes[i] = g.nodes();
        fileEdges[i] = g.edges() / 2;
        graphs[i] = g;
      }
      long t3 = System.nanoTime();
      if (k > 0) {
        for (int i = 0; i < n; i++) {
          fileKnn[i] = graphs[i].nearest(k).edges() / 2;
        }
      }
      long t3k = System.nanoTime();
      knnSeconds += sec(t3, t3k);
      byte[] key = Segmentations.key(digits.images(), options);
      Path file = SuperpixelCache.file(cache, digits.images(), key);
      SuperpixelCache.write(file, key, s);
      long t4 = System.nanoTime();
      Segmentations back = SuperpixelCache.load(digits.images(), options, cache, line -> {});
      long t5 = System.nanoTime();
      if (!Arrays.equals(back.labels(), s.labels())) {
        throw new IllegalStateException("the cache does not give back the segmentations");
      }
      System.out.printf(Locale.ROOT, "%s: %,d digits; read %.2f s, segmented %.2f s, graphs %.2f"
          + " s, cache %,d bytes, cached load %.2f s%n", digits.images().file().getFileName(),
          n, sec(t0, t1), sec(t1, t2), sec(t2, t3), Files.size(file), sec(t4, t5));
      total += n;
      readSeconds += sec(t0, t1);
      segmentSeconds += sec(t1, t2);
      graphSeconds += sec(t2, t3);
      cachedSeconds += sec(t4, t5);
      nodes = concat(nodes, fileNodes);
      edges = concat(edges, fileEdges);
      knnEdges = concat(knnEdges, fileKnn);
    }
    System.out.printf(Locale.ROOT, "all %,d digits: nodes %s; undirected edges %s%n", total,
        stats(nodes), stats(edges));
    if (k > 0) {
      System.out.printf(Locale.ROOT, "kNN (k = %d) undirected edges %s; built from the adjacency"
          + " graphs in %.2f s%n", k, stats(knnEdges), knnSeconds);
    }
    System.out.printf(Locale.ROOT, "purity %.4f%n", (double) pure / allPixels);
    System.out.printf(Locale.ROOT, "read %.2f s, segmented %.2f s, graphs %.2f s (cold total %.2f"
        + " s); cached segmentations (key and cache file) %.2f s%n", readSeconds, segmentSeconds, graphSeconds,
        readSeconds + segmentSeconds + graphSeconds, cachedSeconds);
  }

  private static String stats(int[] values) {
    int[] s = values.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "min %d, median %d, max %d, mean %.2f", s[0],
        s[s.length / 2], s[s.length - 1], Arrays.stream(s).average().orElse(0));
  }

  private static int[] concat(int[] a, int[] b) {
    int[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static double sec(long from, long to) {
    return (to - from) / 1e9;
  }
}
