package io.sharcs.modality.tabular;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidConfigException;
import java.util.List;

/**
 * Options of the tabular local concept encoder: an MLP {@code width -> hidden... -> k} with ReLU
 * between layers.
 *
 * @param hidden the hidden layer widths, in order; empty means a single linear layer
 */
public record TabularEncoderConfig(List<Integer> hidden) implements EncoderConfig {

  /** The reference's XOR-AND-XOR table encoder: one hidden layer of 30 units. */
  public static final TabularEncoderConfig DEFAULTS = new TabularEncoderConfig(List.of(30));

  public TabularEncoderConfig {
    hidden = InvalidConfigException.requirePositiveIntegers("hidden", hidden, true);
  }
}
