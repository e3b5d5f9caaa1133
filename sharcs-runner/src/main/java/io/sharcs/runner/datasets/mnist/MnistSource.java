package io.sharcs.runner.datasets.mnist;

import io.sharcs.api.DataWrites;
import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetContext;
import io.sharcs.runner.datasets.DatasetDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What both MNIST data sets start from: the digits of the IDX files and the superpixel
 * segmentation of every image (cached), with the options that chose them.
 *
 * @param options the data set's options
 * @param digits the digits of the files (all of them; the data set uses the first {@code
 *     options.digits()})
 * @param segmentations the segmentation of every image of the image file
 */
record MnistSource(MnistConfig options, MnistDigits digits, Segmentations segmentations) {

  /** The names of the ten digits, the local class names of both modalities. */
  static final List<String> DIGITS =
      IntStream.range(0, 10).mapToObj(Integer::toString).toList();

  /** The local class names: the ten digits for each modality, in slot order. */
  static Map<String, List<String>> localClassNames(String first, String second) {
    Map<String, List<String>> names = new LinkedHashMap<>();
    names.put(first, DIGITS);
    names.put(second, DIGITS);
    return names;
  }

  /**
   * Reads the files named by {@code config} and segments (or reads the cache of) every image.
   *
   * @throws io.sharcs.api.InvalidInputException on a missing or bad file, or too few digits
   */
  static MnistSource load(String id, DatasetConfig config, DatasetContext context) {
    if (!(config instanceof MnistConfig options)) {
      throw new IllegalArgumentException(id + " expects a " + MnistConfig.class.getSimpleName()
          + ", got " + (config == null ? "null" : config.getClass().getName()));
    }
    Path base = context.baseDirectory();
    Path root = base.resolve(options.root()).toAbsolutePath().normalize();
    MnistDigits digits = MnistDigits.read(root, options.images(), options.labels());
    digits.requireAtLeast(options.digits());
    Path cache = cacheFolder(options, base, root, context.writes());
    Segmentations segmentations = SuperpixelCache.load(
        digits.images(), options.superpixels(), cache, context.progress());
    return new MnistSource(options, digits, segmentations);
  }

  /**
   * Where the cache goes: the {@code cache} option (which must be a place the runner lets data be
   * written), else the data's own folder when the runner allows it and its permissions do, else
   * {@code .sharcs-cache} in the working directory when allowed, else nowhere.
   */
  static Path cacheFolder(MnistConfig options, Path base, Path root, DataWrites writes) {
    if (options.cache() != null) {
      Path folder = base.resolve(options.cache()).toAbsolutePath().normalize();
      writes.check(folder, "cache");
      return folder;
    }
    if (writable(root) && allowed(writes, root)) {
      return root;
    }
    Path local = Path.of("").toAbsolutePath().resolve(".sharcs-cache");
    return allowed(writes, local) ? local : null;
  }

  private static boolean allowed(DataWrites writes, Path folder) {
    try {
      writes.check(folder, "cache");
      return true;
    } catch (RuntimeException notAllowed) {
      return false;
    }
  }

  /**
   * Whether {@code folder} may be written by its permissions. A folder without any write bit is
   * read-only data even for a super-user, whom {@link Files#isWritable} always answers yes.
   */
  private static boolean writable(Path folder) {
    if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
      return false;
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(folder);
      return mode.stream().anyMatch(EnumSet.of(PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE)::contains);
    } catch (UnsupportedOperationException | IOException notPosix) {
      return true;
    }
  }

  /** The number of digits used. */
  int count() {
    return options.digits();
  }

  /** The digit of MNIST sample {@code i}. */
  int digit(int i) {
    return digits.digit(i);
  }

  /**
   * The superpixel graph of MNIST sample {@code i}, with the edges the options ask for: built from
   * the (cached) segmentation, so other edges never segment again.
   */
  SuperpixelGraph graph(int i) {
    return options.superpixels().edgesOf(segmentations.graph(i, digits.images()));
  }

  /** The image of MNIST sample {@code i}, rows {@code from} to {@code to} (exclusive). */
  com.fasterxml.jackson.databind.node.ObjectNode raster(int i, int from, int to) {
    int w = digits.images().columns();
    return MnistJson.raster(digits.images().pixels(), i * digits.pixelsPerImage(), w, from, to);
  }

  /** The image height. */
  int rows() {
    return digits.images().rows();
  }

  /**
   * A fingerprint of the data: the format, the digits used (pixels and labels), the superpixel
   * options and code version, the split and how samples are built ({@code construction}). The
   * edge options are added only for kNN edges, so adjacency data sets keep the fingerprint they
   * had before edges could be chosen (models trained on them still explain).
   */
  String fingerprint(String format, String construction) {
    SuperpixelOptions sp = options.superpixels();
    DatasetDigest digest = new DatasetDigest()
        .add(format)
        .add(digits.sha256(count()))
        .add(count())
        .add(options.trainSize())
        .add(Segmentations.CODE_VERSION)
        .add(sp.segments())
        .add(sp.compactness())
        .add(sp.iterations());
    if (sp.knn()) {
      digest.add(sp.edges()).add(sp.neighbours());
    }
    return digest.add(construction).hex();
  }
}
