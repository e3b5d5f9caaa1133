package io.sharcs.modality.image;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.sharcs.api.InputSpec;
import io.sharcs.api.Preprocessor;
import io.sharcs.api.nn.Tensors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The image preprocessing of one run: batches of {@code (B, C, H, W)} normalised floats.
 *
 * <p>Decoding a PNG costs far more than a training step on it, and a data set hands the same
 * file to many samples, so every distinct sample (equal files are one sample) is decoded and
 * resized once and kept as its 8-bit resized image: {@code C x H x W} bytes, independent of the
 * original size (6.75 KiB for the default 48x48 RGB). Normalisation is a table lookup at batch
 * time. The images of a batch that are not cached yet are decoded in parallel; each result
 * depends on its file only, so batches are deterministic.
 */
final class ImagePreprocessor implements Preprocessor<ImageSample> {

  private final ImageTransform transform;
  private final InputSpec spec;
  private final Map<ImageSample, byte[]> cache = new ConcurrentHashMap<>();

  ImagePreprocessor(ImageTransform transform, InputSpec spec) {
    this.transform = transform;
    this.spec = spec;
  }

  @Override
  public InputSpec spec() {
    return spec;
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.sharcs.api.InvalidInputException when an image cannot be read (it was checked by
   *     {@code inspect}, so it changed on disk since)
   */
  @Override
  public NDList batch(List<? extends ImageSample> samples, NDManager manager) {
    decodeMissing(samples);
    int size = transform.size();
    float[] flat = new float[samples.size() * size];
    for (int s = 0; s < samples.size(); s++) {
      transform.normalise(cache.get(samples.get(s)), flat, s * size);
    }
    Shape shape =
        new Shape(samples.size(), transform.channels(), transform.height(), transform.width());
    return new NDList(Tensors.create(manager, flat, shape));
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
      if (!cache.containsKey(s)) {
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
