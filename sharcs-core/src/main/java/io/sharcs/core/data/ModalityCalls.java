package io.sharcs.core.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.FittedModality;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityDefinition;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.api.PreprocessingData;
import io.sharcs.api.PartConceptEncoder;
import io.sharcs.api.PretrainingContext;
import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import io.sharcs.core.config.Seeds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every call the core makes to a modality plugin, for one slot: fit the preprocessing, create the
 * encoder, batch, report, save and pretrain. The plugin's sample and options types are captured
 * once, when the slot is opened; raw inputs stay {@code Object}s elsewhere in the core and are
 * cast here, checked against {@link ModalityDefinition#sampleType()}, so no unchecked cast is
 * needed.
 *
 * @param <S> the plugin's sample type
 * @param <C> the plugin's options type
 */
public final class ModalityCalls<S, C extends EncoderConfig> {

  private final String name;
  private final FittedModality<S, C> fitted;

  private ModalityCalls(String name, FittedModality<S, C> fitted) {
    this.name = name;
    this.fitted = fitted;
  }

  /**
   * Type-checks every input of the binding's modality (own inputs and counterpart renderings,
   * train then test) and fits the plugin's preprocessing: it validates them all and learns from
   * the training split's own inputs.
   */
  static ModalityCalls<?, ?> open(
      MultimodalDataset dataset, ModalityBinding binding, String where) {
    return open(binding.modality(), dataset, binding, where);
  }

  private static <S, C extends EncoderConfig> ModalityCalls<S, C> open(
      ModalityDefinition<S, C> modality,
      MultimodalDataset dataset,
      ModalityBinding b,
      String where) {
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
      all.add(modality.sample(input, where + " sample " + s.id() + " modality '" + b.name() + "'"));
      ids.add(s.id());
      for (String missing : dataset.modalities()) {
        Optional<Object> rendered = s.counterpart(missing, b.name());
        if (rendered.isPresent()) {
          String label = s.id() + " (counterpart of " + missing + ")";
          all.add(modality.sample(rendered.get(), where + " sample " + label));
          ids.add(label);
        }
      }
    }
    List<S> train = new ArrayList<>(dataset.train().size());
    for (MultimodalSample s : dataset.train()) {
      train.add(modality.sampleType().cast(s.inputs().get(b.name())));
    }
    PreprocessingData<S> data =
        new PreprocessingData<>(train, all, ids, where + " modality '" + b.name() + "'");
    return new ModalityCalls<>(b.name(), modality.fit(data, modality.options(b.options())));
  }

  /**
   * Opens the binding's slot with the preprocessing a saved model holds ({@link
   * ModalityDefinition#load}) instead of fitting it on data.
   *
   * @param directory the model folder
   * @throws InvalidInputException when the preprocessing files are missing or malformed
   */
  public static ModalityCalls<?, ?> load(ModalityBinding binding, Path directory)
      throws IOException {
    return load(binding.modality(), binding, directory);
  }

  private static <S, C extends EncoderConfig> ModalityCalls<S, C> load(
      ModalityDefinition<S, C> modality, ModalityBinding b, Path directory) throws IOException {
    return new ModalityCalls<>(
        b.name(), modality.load(directory, b.name(), modality.options(b.options())));
  }

  /**
   * Checks that {@code raw} is of the plugin's sample type.
   *
   * @throws InvalidInputException naming {@code where} when it is not
   */
  public void sample(Object raw, String where) {
    fitted.definition().sample(raw, where);
  }

  /** The id of the slot's plugin. */
  public String pluginId() {
    return fitted.definition().id();
  }

  /** The version of the slot's plugin. */
  public String pluginVersion() {
    return fitted.definition().version();
  }

  /** The modality's options. */
  public EncoderConfig options() {
    return fitted.options();
  }

  /** The fitted preprocessing's description, for logs. */
  public String summary() {
    return fitted.preprocessor().summary();
  }

  /**
   * The plugin's encoder for this slot.
   *
   * @param outputs k, the width the encoder outputs
   * @param stochasticWhenEvaluating whether stochastic concept layers sample in evaluation too
   * @param role a local concept encoder (SHARCS, multi-CBM) or a plain embedding (the baselines)
   */
  public Block createEncoder(int outputs, boolean stochasticWhenEvaluating, EncoderRole role) {
    return createEncoder(new EncoderContext(outputs, stochasticWhenEvaluating), role);
  }

  /**
   * The plugin's encoder for this slot, to be filled with saved parameters: the plugin builds the
   * same architecture but must not read initial weights from elsewhere ({@link
   * EncoderContext#restoring}).
   */
  public Block restoreEncoder(int outputs, boolean stochasticWhenEvaluating, EncoderRole role) {
    return createEncoder(new EncoderContext(outputs, stochasticWhenEvaluating, true), role);
  }

  private Block createEncoder(EncoderContext context, EncoderRole role) {
    return role == EncoderRole.EMBEDDING
        ? fitted.embeddingEncoder(context)
        : fitted.conceptEncoder(context);
  }

  /** The plugin's bound on samples per evaluation batch ({@code Preprocessor}'s), at least 1. */
  int evaluationBatchLimit() {
    return Math.max(1, fitted.preprocessor().evaluationBatchLimit());
  }

  /** Batches raw inputs of this slot (own inputs or counterpart renderings) into tensors. */
  NDList batch(List<?> raw, NDManager manager) {
    return fitted.preprocessor().batch(typed(raw), manager);
  }

  /** What the preprocessing reports about {@code raw}. */
  Map<String, Double> report(List<?> raw) {
    return fitted.preprocessor().report(typed(raw));
  }

  /**
   * Draws one raw input of this slot for a person, through the plugin's renderer (a text excerpt
   * for plugins without one, or when it fails; see {@link FittedModality#render}).
   */
  public Rendering render(Object raw, RenderHints hints) {
    return fitted.render(raw, hints);
  }

  /** Whether the plugin draws its samples (else {@link #render} gives text). */
  public boolean renders() {
    return fitted.renders();
  }

  /**
   * Which local concept each part (graph node) of each of {@code raw} picks, when {@code
   * encoder}, this slot's local concept encoder, has the {@link PartConceptEncoder} capability:
   * {@code [sample][part]}, -1 for padding. Empty for encoders without it.
   */
  public Optional<int[][]> partConcepts(
      Block encoder, ParameterStore parameters, List<?> raw, NDManager manager) {
    if (!(encoder instanceof PartConceptEncoder parts) || raw.isEmpty()) {
      return Optional.empty();
    }
    try (NDManager scratch = manager.newSubManager()) {
      return Optional.of(parts.partConcepts(parameters, batch(raw, scratch)));
    }
  }

  /** Saves the learned preprocessing state into {@code directory}. */
  void save(Path directory) throws IOException {
    fitted.save(directory, name);
  }

  /**
   * Lets the plugin pretrain {@code block} without labels on {@code train}, with a seed derived
   * from the master seed and the slot name; a no-op for plugins without the capability.
   */
  void pretrain(Block block, List<?> train, NDManager manager, long seed) {
    fitted.definition().pretraining().ifPresent(p -> p.pretrain(
        block,
        fitted.options(),
        new PretrainingContext<>(
            name, typed(train), fitted.preprocessor(), manager,
            Seeds.derive(seed, "pretrain:" + name))));
  }

  private List<S> typed(List<?> raw) {
    Class<S> type = fitted.definition().sampleType();
    List<S> out = new ArrayList<>(raw.size());
    for (Object o : raw) {
      out.add(type.cast(o));
    }
    return out;
  }
}
