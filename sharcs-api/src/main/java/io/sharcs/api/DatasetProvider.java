package io.sharcs.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SPI for data sets: generators (XOR-AND-XOR) and readers (CLEVR files, user data). List
 * implementations in {@code META-INF/services/io.sharcs.api.DatasetProvider}; experiment files
 * pick one with {@code dataset: {type: <id>, ...}}.
 */
public interface DatasetProvider {

  /** The id used as {@code dataset.type}. */
  String id();

  /** One line describing the data set. */
  String description();

  /** The record type of this data set's options. */
  Class<? extends DatasetConfig> configType();

  /** The options used for keys the experiment file leaves out (keys are snake_case). */
  DatasetConfig defaultConfig();

  /**
   * The names of the modalities that {@link #load} gives with {@code config}, in slot order, if
   * the options alone determine them; empty (the default) if only the data tells. When given, the
   * runner checks an experiment's modality names against them before any data is read or
   * generated.
   */
  default Optional<List<String>> modalities(DatasetConfig config) {
    return Optional.empty();
  }

  /**
   * The id of the plugin each modality's values are meant for (those its example experiments
   * bind), by modality name, for the modalities {@link #load} gives with {@code config}; empty
   * (the default) when the provider does not say. A program that writes the data set to files
   * without an experiment ({@code sharcs generate} writing a manifest) asks these plugins how
   * their values are stored ({@link ModalityDefinition#sampleForm()}); a modality without a
   * plugin here, or whose plugin is not installed, is stored as {@link SampleForm#JSON}.
   */
  default Map<String, String> plugins(DatasetConfig config) {
    return Map.of();
  }

  /**
   * Loads or generates the data set. Each input is read with {@link DatasetContext#readers()},
   * by the plugin the experiment binds to its modality name, so a provider needs no plugin class.
   * A provider that writes data (generates it on first use) first asks {@link
   * DatasetContext#writes()} whether it may write there.
   *
   * @throws InvalidInputException on bad data, naming the file and sample
   */
  MultimodalDataset load(DatasetConfig config, DatasetContext context);

  /**
   * The generator of this data set, for providers that can write theirs into a folder ({@code
   * sharcs generate <id>}); none by default.
   */
  default Optional<DatasetGenerator<?>> generator() {
    return Optional.empty();
  }
}
