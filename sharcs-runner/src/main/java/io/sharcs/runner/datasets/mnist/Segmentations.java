package io.sharcs.runner.datasets.mnist;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The SLIC segmentations of every image of an IDX image file, from which each digit's
 * {@link SuperpixelGraph} follows (cheaply) with its pixels.
 *
 * <p>Computed on a fixed pool of {@value #THREADS} threads over fixed chunks of images, each
 * image's labels written to its own place, so the result does not depend on thread scheduling.
 *
 * @param count the number of images
 * @param width the image width
 * @param height the image height
 * @param regions per image, its number of regions
 * @param labels per image, {@code width * height} region labels, row by row
 */
public record Segmentations(int count, int width, int height, int[] regions, char[] labels) {

  /** The threads the segmentation runs on: the project's machines have two cores. */
  public static final int THREADS = DigitPipeline.THREADS;

  /**
   * The version of the code that turns images into graphs (segmentation and graph building): bump
   * it whenever a change gives different graphs for the same image and options, so caches written
   * before stop matching.
   */
  public static final int CODE_VERSION = 1;

  private static final int CHUNK = 250;

  /** Segments every image of {@code images} on {@value #THREADS} threads. */
  public static Segmentations compute(IdxFile.Images images, SuperpixelOptions options) {
    int w = images.columns();
    int h = images.rows();
    int pixels = w * h;
    int count = images.count();
    int[] regions = new int[count];
    char[] labels = new char[count * pixels];
    ExecutorService pool = Executors.newFixedThreadPool(THREADS,
        DigitPipeline.daemonThreads("sharcs-superpixels-"));
    try {
      List<Future<?>> chunks = new ArrayList<>();
      for (int start = 0; start < count; start += CHUNK) {
        int from = start;
        int to = Math.min(count, start + CHUNK);
        chunks.add(pool.submit(() -> {
          Slic slic = new Slic(w, h, options);
          for (int i = from; i < to; i++) {
            regions[i] = slic.segment(images.pixels(), i * pixels, labels, i * pixels);
          }
        }));
      }
      for (Future<?> chunk : chunks) {
        chunk.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing superpixels", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("computing superpixels failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new Segmentations(count, w, h, regions, labels);
  }

  /** The graph of image {@code i}, whose pixels are {@code images}'. */
  public SuperpixelGraph graph(int i, IdxFile.Images images) {
    int pixels = width * height;
    return SuperpixelGraph.of(labels, i * pixels, regions[i], images.pixels(), i * pixels, width,
        height);
  }

  /**
   * The cache key of the segmentations of {@code images} with {@code options}: a SHA-256 over
   * {@link #CODE_VERSION}, the SLIC options, the image size and count, and every pixel. The edge
   * options are not in it: the segmentation does not depend on them (graphs are built from it
   * on every load), so choosing other edges reads the same cache instead of segmenting again.
   */
  public static byte[] key(IdxFile.Images images, SuperpixelOptions options) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("sharcs-superpixels".getBytes(StandardCharsets.UTF_8));
      sha.update(ByteBuffer.allocate(36)
          .putInt(CODE_VERSION)
          .putInt(options.segments())
          .putLong(Double.doubleToLongBits(options.compactness()))
          .putInt(options.iterations())
          .putInt(images.columns())
          .putInt(images.rows())
          .putInt(images.count())
          .array());
      sha.update(images.pixels());
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
