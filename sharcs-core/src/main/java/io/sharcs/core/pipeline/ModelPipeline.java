package io.sharcs.core.pipeline;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.sharcs.core.data.EncoderRole;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.model.LocalEncoders;
import io.sharcs.core.saved.SavedModel;
import io.sharcs.core.train.EpochReport;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One model family's training and evaluation, run inside the skeleton of {@link Pipelines}: the
 * skeleton prepares the data, seeds the engine and opens the manager before, and saves what the
 * pipeline hands back after.
 */
interface ModelPipeline {

  /** Builds, trains and evaluates the model. */
  Trained run(Setup setup);

  /**
   * What a model pipeline works with.
   *
   * @param data the prepared data
   * @param settings seed, mode, protocol and hyper-parameters
   * @param progress receives one report per epoch
   * @param manager the run's manager; everything native lives in it or its sub-managers
   */
  record Setup(
      PreparedData data,
      RunSettings settings,
      Consumer<EpochReport> progress,
      NDManager manager) {

    /** Every slot's encoder from its plugin, of width k, for {@code purpose}. */
    LocalEncoders encoders(EncoderRole role) {
      return LocalEncoders.create(
          data,
          settings.model().concepts(),
          settings.protocol().stochasticWhenEvaluating(),
          role,
          manager);
    }
  }

  /**
   * What a model pipeline hands back.
   *
   * @param results what it measured
   * @param blocks the trained blocks to save, each under its file name stem
   * @param textFiles extra files to save, by file name, as lines
   * @param concept what a concept model adds to its folder so it can be loaded; null for the
   *     baselines, whose models cannot be loaded yet
   * @param tables the per-epoch history and test predictions
   */
  record Trained(
      ModelResults results,
      List<Saved> blocks,
      Map<String, List<String>> textFiles,
      SavedModel.ConceptParts concept,
      RunTables tables) {

    /** A baseline's result: no loadable parts and no tables. */
    Trained(ModelResults results, List<Saved> blocks, Map<String, List<String>> textFiles) {
      this(results, blocks, textFiles, null, RunTables.none());
    }
  }

  /** A block saved under file name stem {@code name}. */
  record Saved(String name, Block block) {}
}
