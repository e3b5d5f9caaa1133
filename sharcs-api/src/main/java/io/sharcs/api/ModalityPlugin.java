package io.sharcs.api;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A modality: everything SHARCS needs to know about one kind of input (tables, graphs, images,
 * text, ...). This is the whole SPI a third party implements to add a modality from its own jar.
 *
 * <p>Discovery: list the implementation in {@code META-INF/services/io.sharcs.api.ModalityPlugin}.
 * The runner loads every plugin with {@link java.util.ServiceLoader}; an experiment names the
 * plugin it wants by {@link #id()}, and an unknown or duplicate id is an error. Constructors must
 * be cheap: heavy resources (native engines) are touched only when {@link #createEncoder} or
 * {@link #batch} is called.
 *
 * <p>A plugin supplies four things:
 *
 * <ol>
 *   <li>its raw-sample type {@code S} and how one raw sample is read from a JSON/YAML tree and
 *       validated ({@link #readSample}, {@link #inspect});
 *   <li>how a list of samples becomes a batch of tensors ({@link #batch}, or {@link #fit} when
 *       preprocessing learns from the training split); padding and masks are the plugin's
 *       business;
 *   <li>its <em>local concept encoder</em> g_m ({@link #createEncoder}): a DJL block that maps a
 *       batch to {@code (B, k)} concept pre-activations; the core adds the concept layer
 *       (normalisation and steep sigmoid) on top;
 *   <li>the type of its encoder configuration ({@link #encoderConfigType()}), so experiment files
 *       stay strict and typed without the core knowing the plugin's options.
 * </ol>
 *
 * <p>Optionally, an unsupervised pretraining of its encoder on the training inputs ({@link
 * #pretrain}).
 *
 * @param <S> the raw-sample type of this modality
 */
public interface ModalityPlugin<S> {

  /** The plugin id used in experiment files, for example {@code "graph"}. Lower case. */
  String id();

  /** One line describing the modality, shown by {@code sharcs plugins}. */
  String description();

  /** The plugin's version; by default the jar's {@code Implementation-Version}. */
  default String version() {
    String v = getClass().getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** The raw-sample type; datasets must hand this modality instances of it. */
  Class<S> sampleType();

  /** The record type holding this modality's encoder options (bound strictly from the file). */
  Class<? extends EncoderConfig> encoderConfigType();

  /**
   * The encoder options used when the experiment file gives none; keys the file gives are
   * bound over these (file keys are the record's components in snake_case).
   */
  EncoderConfig defaultEncoderConfig();

  /**
   * Reads one raw sample from a JSON/YAML tree, as found inline in a dataset file.
   *
   * @param node the value of this modality for one sample
   * @param where a human-readable location for error messages, e.g. {@code "data.jsonl line 12"}
   * @throws InvalidInputException naming {@code where}, what was found and what is expected
   */
  S readSample(JsonNode node, String where);

  /**
   * Validates a whole set of samples of this modality (all splits and counterpart renderings
   * together) and describes their common input shape. Samples must agree with each other, for
   * example on feature width.
   *
   * @param samples the samples, never empty
   * @param where a human-readable name of the data set, used in error messages; sample {@code i}
   *     of the list is reported as {@code where + " sample " + ids.get(i)}
   * @param ids one identifier per sample, for error messages
   * @throws InvalidInputException on the first invalid sample
   */
  InputSpec inspect(List<? extends S> samples, List<String> ids, String where);

  /**
   * Turns samples into the tensors the encoder reads, for modalities whose preprocessing learns
   * nothing from data. The arrays must be attached to {@code manager}; the caller closes it.
   *
   * <p>A plugin implements either this method or {@link #fit}; the default throws, so a plugin
   * whose preprocessing is fitted cannot be batched without its fitted state.
   */
  default NDList batch(List<? extends S> samples, InputSpec spec, NDManager manager) {
    throw new UnsupportedOperationException(
        "modality '" + id() + "' batches only through the Preprocessor made by fit()");
  }

  /**
   * Makes this run's preprocessing from the training split: the place to learn state from data
   * (a vocabulary) and to apply the preprocessing options of {@code config} (image size,
   * normalisation). The core calls it once per run, before the encoder is created, and builds the
   * encoder for the returned {@link Preprocessor#spec()}.
   *
   * <p>The default is stateless: it batches with {@link #batch} and keeps {@code spec}.
   *
   * @param train the training split's samples of this modality, in split order
   * @param spec what {@link #inspect} found over all samples
   * @param config this modality's options from the experiment file
   * @throws InvalidInputException if the training data cannot support the preprocessing (an
   *     empty vocabulary, say), naming what was found and what is expected
   */
  default Preprocessor<S> fit(List<? extends S> train, InputSpec spec, EncoderConfig config) {
    return new Preprocessor<>() {
      @Override
      public InputSpec spec() {
        return spec;
      }

      @Override
      public NDList batch(List<? extends S> samples, NDManager manager) {
        return ModalityPlugin.this.batch(samples, spec, manager);
      }
    };
  }

  /**
   * Creates the local concept encoder g_m. Its forward pass takes the {@link NDList} made by
   * {@link #batch} and returns one array of shape {@code (B, context.concepts())}: concept
   * pre-activations, before the core's concept normalisation and sigmoid.
   *
   * <p>When {@link EncoderContext#purpose()} is {@link EncoderPurpose#EMBEDDING} (the non-concept
   * baselines), the same encoder without its concept-specific parts: a plain {@code (B,
   * context.concepts())} embedding that the core uses as it is.
   */
  Block createEncoder(EncoderConfig config, EncoderContext context);

  /**
   * Unsupervised pretraining of the local concept encoder on this run's training split, for
   * modalities whose options ask for it: the offline stand-in for starting from a pretrained
   * backbone (the image plugin trains its convolutions as an autoencoder). Labels, content keys
   * and the test split are never shown to it.
   *
   * <p>The core calls it once per run, in every mode, after the encoder's parameters are
   * initialised (and loaded from a weights file, if any) and before supervised training. It
   * changes the encoder's parameters in place and must be deterministic given the engine's
   * random generator (seeded by the core) and {@link PretrainingContext#seed()}. It is also the
   * plugin's last word on the encoder before supervised training: parameters it freezes (no
   * longer requiring a gradient) stay untouched by the core's optimiser, as a frozen backbone
   * should. The default does nothing and draws no random numbers, so runs without pretraining
   * are unaffected.
   *
   * @param encoder the block {@link #createEncoder} made for this run, initialised
   * @param config this modality's options from the experiment file
   * @param context the training samples, the fitted preprocessing, a manager and a seed
   */
  default void pretrain(Block encoder, EncoderConfig config, PretrainingContext<S> context) {}

  /** Narrows {@code config} to this plugin's type, failing clearly on a foreign config. */
  default <C extends EncoderConfig> C expectConfig(EncoderConfig config, Class<C> type) {
    if (!type.isInstance(config)) {
      throw new IllegalArgumentException(
          "modality '" + id() + "' expects encoder config " + type.getSimpleName()
              + " but got " + (config == null ? "null" : config.getClass().getSimpleName()));
    }
    return type.cast(config);
  }
}
