package io.sharcs.modality.image;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.sharcs.api.Preprocessor;
import io.sharcs.api.nn.Tensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The image preprocessing of one run, the image plugin's preprocessor: batches of {@code (B, C,
 * H, W)} normalised floats, {@code C x H x W} being {@link #channels()} x {@link #height()} x
 * {@link #width()}. It learns nothing from data: everything but the {@link #summary()} of the
 * validated images comes from the options ({@link ImagePreprocessing}).
 *
 * <p>Decoding a PNG costs far more than a training step on it, and a data set hands the same
 * file to many samples, so every distinct sample (equal files are one sample) is decoded and
 * resized once (when the preprocessing is fitted, or at its first batch for a preprocessing loaded
 * from a file) and kept as its 8-bit resized image: {@code C x H x W} bytes, independent of the
 * original size (6.75 KiB for the default 48x48 RGB). Normalisation is a table lookup at batch
 * time. The images of a batch that are not cached yet are decoded in parallel; each result
 * depends on its file only, so batches are deterministic.
 */
public final class ImagePreprocessor implements Preprocessor<ImageSample> {

  private final ImageTransform transform;
  private final float[] mean;
  private final float[] std;
  private final String summary;
  private final int firstConvChannels;
  private final Map<ImageSample, byte[]> cache = new ConcurrentHashMap<>();

  /**
   * @param options the size, channels and normalisation
   * @param summary what the validated images are and what they become
   */
  ImagePreprocessor(ImageEncoderConfig options, String summary) {
    this.transform = ImageTransform.of(options);
    this.mean = options.channelMean();
    this.std = options.channelStd();
    this.summary = summary;
    this.firstConvChannels = options.convChannels().get(0);
  }

  /** The bytes the first convolution's output may take in an evaluation batch. */
  static final long EVALUATION_BATCH_BYTES = 12L << 20;

  /**
   * {@inheritDoc}
   *
   * <p>Here: as many images as keep the first convolution's output ({@code (B, c1, H, W)} floats)
   * within {@value #EVALUATION_BATCH_BYTES} bytes: 96 of CLEVR's 64x64 scenes (8 channels), 250
   * MNIST digits (16 channels). The core's chunk of 512 made 64 MB of activations per convolution
   * for CLEVR, and an evaluation pass ran at 1.2 ms an image against 0.3 ms in chunks of 100
   * (docs/results/performance.md); the outputs per image are the same.
   */
  @Override
  public int evaluationBatchLimit() {
    long perImage = (long) firstConvChannels * height() * width() * Float.BYTES;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, EVALUATION_BATCH_BYTES / perImage));
  }

  /** The channels of a batch: 1 (grey) or 3 (RGB). */
  public int channels() {
    return transform.channels();
  }

  /** The height every image is resized to. */
  public int height() {
    return transform.height();
  }

  /** The width every image is resized to. */
  public int width() {
    return transform.width();
  }

  /** The largest image decoded, in pixels (option {@code max_pixels}). */
  long maxPixels() {
    return transform.maxPixels();
  }

  /** Whether pixel values stay 0..255 (no scaling or normalisation). */
  public boolean rawPixels() {
    return transform.raw();
  }

  /** The per-channel mean subtracted after scaling to [0, 1]. */
  public float[] mean() {
    return mean.clone();
  }

  /** The per-channel divisor applied after the mean. */
  public float[] std() {
    return std.clone();
  }

  /**
   * For example {@code "3 images (2 distinct), 2x1, 320x240 RGB and grey, resized to 16x12
   * grey"}.
   */
  @Override
  public String summary() {
    return summary;
  }

  @Override
  public String toString() {
    return "ImagePreprocessor[" + channels() + "x" + height() + "x" + width()
        + (rawPixels() ? ", raw pixels" : ", mean " + Arrays.toString(mean) + ", std "
            + Arrays.toString(std)) + ", " + summary + "]";
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.sharcs.api.InvalidInputException when an image cannot be read (it was checked by
   *     {@code fit}, so it changed on disk since)
   */
  @Override
  public NDList batch(List<? extends ImageSample> samples, NDManager manager) {
    decodeMissing(samples);
    int size = transform.size();
    float[] flat = new float[samples.size() * size];
    for (int s = 0; s < samples.size(); s++) {
      ImageSample sample = samples.get(s);
      if (transform.fits(sample)) {
        transform.normaliseRaster(sample, flat, s * size);
      } else {
        transform.normalise(cache.get(sample), flat, s * size);
      }
    }
    Shape shape =
        new Shape(samples.size(), transform.channels(), transform.height(), transform.width());
    return new NDList(Tensors.create(manager, flat, shape));
  }

  /**
   * Caches {@code resized}, the {@link ImageTransform#resized} form of {@code sample}, decoded
   * while the preprocessing was fitted.
   */
  void keep(ImageSample sample, byte[] resized) {
    if (resized.length != transform.size()) {
      throw new IllegalArgumentException(
          "a resized image has " + transform.size() + " values, got " + resized.length);
    }
    cache.put(sample, resized);
  }

  /** The number of distinct images decoded so far. */
  int cachedImages() {
    return cache.size();
  }

  /** The bytes the cached images take. */
  long cachedBytes() {
    return (long) cache.size() * transform.size();
  }

  private void decodeMissing(List<? extends ImageSample> samples) {
    Set<ImageSample> missing = new LinkedHashSet<>();
    for (ImageSample s : samples) {
      // A raster of the target size is its own cache: no copy is kept.
      if (!transform.fits(s) && !cache.containsKey(s)) {
        missing.add(s);
      }
    }
    List<ImageSample> todo = new ArrayList<>(missing);
    List<byte[]> images = InOrder.map(todo, transform::resized);
    for (int i = 0; i < todo.size(); i++) {
      cache.put(todo.get(i), images.get(i));
    }
  }
}
