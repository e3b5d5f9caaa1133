package io.sharcs.runner.datasets.mnist;

import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the two MNIST data sets share: their options ({@link MnistConfig}) and their modalities, a
 * superpixel graph for the {@code graph} plugin and an image raster for the {@code image} plugin.
 */
abstract class MnistProvider implements DatasetProvider {

  /** The graph modality (slot 1). */
  public static final String GRAPH = "graph";

  /** The image modality (slot 2). */
  public static final String IMAGE = "image";

  @Override
  public Class<MnistConfig> configType() {
    return MnistConfig.class;
  }

  @Override
  public MnistConfig.Defaults defaultConfig() {
    return MnistConfig.DEFAULTS;
  }

  /** {@value #GRAPH} and {@value #IMAGE}, whatever the options. */
  @Override
  public Optional<List<String>> modalities(DatasetConfig config) {
    return Optional.of(List.of(GRAPH, IMAGE));
  }

  /** The graph is for the {@code graph} plugin, the image for {@code image}. */
  @Override
  public Map<String, String> plugins(DatasetConfig config) {
    return Map.of(GRAPH, "graph", IMAGE, "image");
  }
}
