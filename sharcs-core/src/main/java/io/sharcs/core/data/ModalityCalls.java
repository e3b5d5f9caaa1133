package io.sharcs.core.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.sharcs.api.ConceptSampling;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.EncoderPurpose;
import io.sharcs.api.InputSpec;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.api.Preprocessor;
import io.sharcs.api.PretrainingContext;
import io.sharcs.core.config.Seeds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every call the core makes to a modality plugin, for one slot: inspect, fit, create the
 * encoder, batch, report, save and pretrain. The plugin's sample type {@code S} is captured once,
 * when the slot is opened; raw inputs stay {@code Object}s elsewhere in the core and are cast to
 * {@code S} here, checked against {@link ModalityPlugin#sampleType()}, so no unchecked cast is
 * needed.
 *
 * @param <S> the plugin's sample type
 */
public final class ModalityCalls<S> {

  private final String name;
  private final ModalityPlugin<S> plugin;
  private final EncoderConfig encoder;
  private final Path baseDirectory;
  private final Preprocessor<S> preprocessor;

  private ModalityCalls(
      String name,
      ModalityPlugin<S> plugin,
      EncoderConfig encoder,
      Path baseDirectory,
      Preprocessor<S> preprocessor) {
    this.name = name;
    this.plugin = plugin;
    this.encoder = encoder;
    this.baseDirectory = baseDirectory;
    this.preprocessor = preprocessor;
  }

  /**
   * Type-checks every input of the binding's modality (own inputs and counterpart renderings,
   * train then test), lets the plugin inspect them all and fit its preprocessing on the training
   * split's own inputs.
   */
  static ModalityCalls<?> open(MultimodalDataset dataset, ModalityBinding binding, String where) {
    return open(binding.plugin(), dataset, binding, where);
  }

  private static <S> ModalityCalls<S> open(
      ModalityPlugin<S> plugin, MultimodalDataset dataset, ModalityBinding b, String where) {
    List<S> all = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<MultimodalSample> samples = new ArrayList<>(dataset.train());
    samples.addAll(dataset.test());
    for (MultimodalSample s : samples) {
      Object input =
          s.input(b.name())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          where + " sample " + s.id() + ": modality '" + b.name()
                              + "' is absent, expected an input for every modality"));
      all.add(checkType(plugin, input, where + " sample " + s.id() + " modality '" + b.name() + "'"));
      ids.add(s.id());
      for (String missing : dataset.modalities()) {
        Optional<Object> rendered = s.counterpart(missing, b.name());
        if (rendered.isPresent()) {
          String label = s.id() + " (counterpart of " + missing + ")";
          all.add(checkType(plugin, rendered.get(), where + " sample " + label));
          ids.add(label);
        }
      }
    }
    InputSpec spec = plugin.inspect(all, ids, where + " modality '" + b.name() + "'");
    List<S> train = new ArrayList<>(dataset.train().size());
    for (MultimodalSample s : dataset.train()) {
      train.add(plugin.sampleType().cast(s.inputs().get(b.name())));
    }
    Preprocessor<S> preprocessor = plugin.fit(train, spec, b.encoder());
    return new ModalityCalls<>(b.name(), plugin, b.encoder(), b.baseDirectory(), preprocessor);
  }

  private static <S> S checkType(ModalityPlugin<S> plugin, Object value, String where) {
    if (!plugin.sampleType().isInstance(value)) {
      throw new InvalidInputException(
          where + ": found " + value.getClass().getSimpleName() + ", expected "
              + plugin.sampleType().getSimpleName() + " for plugin '" + plugin.id() + "'");
    }
    return plugin.sampleType().cast(value);
  }

  /** The modality's options. */
  public EncoderConfig encoder() {
    return encoder;
  }

  /** The input shape the encoder is built for (the fitted preprocessing's). */
  public InputSpec spec() {
    return preprocessor.spec();
  }

  /**
   * The plugin's encoder for this slot.
   *
   * @param concepts k, the width the encoder outputs
   * @param sampling how stochastic concept layers behave in evaluation
   * @param purpose concept encoders (SHARCS, multi-CBM) or plain embeddings (the baselines)
   */
  public Block createEncoder(int concepts, ConceptSampling sampling, EncoderPurpose purpose) {
    return plugin.createEncoder(
        encoder, new EncoderContext(concepts, spec(), sampling, baseDirectory, purpose));
  }

  /** Batches raw inputs of this slot (own inputs or counterpart renderings) into tensors. */
  NDList batch(List<?> raw, NDManager manager) {
    return preprocessor.batch(typed(raw), manager);
  }

  /** What the preprocessing reports about {@code raw}. */
  Map<String, Double> report(List<?> raw) {
    return preprocessor.report(typed(raw));
  }

  /** Saves the learned preprocessing state into {@code directory}. */
  void save(Path directory) throws IOException {
    preprocessor.save(directory, name);
  }

  /**
   * Lets the plugin pretrain {@code block} without labels on {@code train}, with a seed derived
   * from the master seed and the slot name.
   */
  void pretrain(Block block, List<?> train, NDManager manager, long seed) {
    plugin.pretrain(
        block,
        encoder,
        new PretrainingContext<>(
            name, typed(train), preprocessor, manager, Seeds.derive(seed, "pretrain:" + name)));
  }

  private List<S> typed(List<?> raw) {
    Class<S> type = plugin.sampleType();
    List<S> out = new ArrayList<>(raw.size());
    for (Object o : raw) {
      out.add(type.cast(o));
    }
    return out;
  }
}
