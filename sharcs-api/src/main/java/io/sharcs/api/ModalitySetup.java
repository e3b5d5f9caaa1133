package io.sharcs.api;

/**
 * The one narrow door through which a {@link ModalityPlugin} contributes its parts (as a Jackson
 * {@code Module} contributes through {@code setupModule(context)}). Each method may be called at
 * most once; the three required ones must be.
 *
 * @param <S> the plugin's raw-sample type
 * @param <C> the plugin's encoder-options record type
 */
public interface ModalitySetup<S, C extends EncoderConfig> {

  /**
   * Optional capabilities that share the preprocessor type {@code P} of one {@link #encoder}
   * call, registered on what that call returns, e.g. {@code setup.encoder(preprocessing,
   * concepts).renderer(new TableRenderer())}.
   *
   * @param <S> the plugin's raw-sample type
   * @param <P> the plugin's preprocessor type
   */
  interface EncoderRegistration<S, P extends Preprocessor<S>> {

    /**
     * Optional, at most once: draws one raw sample for a person ({@link SampleRenderer}), given
     * the same fitted preprocessor the encoder gets. Modalities without one are shown as a short
     * text excerpt of the sample.
     */
    void renderer(SampleRenderer<S, P> renderer);
  }

  /**
   * Required: the raw-sample type (data sets hand this modality instances of it) and how one
   * sample is read from a JSON/YAML value, the public path by which data files become samples.
   */
  void samples(Class<S> type, SampleReader<S> reader);

  /**
   * Required instead of {@link #samples(Class, SampleReader)}: the same, and the form of the JSON
   * value the reader takes ({@link SampleForm}), so that a data set read through this plugin can
   * be written to files and read back (a data manifest). {@link #samples(Class, SampleReader)}
   * declares {@link SampleForm#JSON}.
   */
  void samples(Class<S> type, SampleReader<S> reader, SampleForm form);

  /**
   * Required: the record type of the encoder options, bound strictly from the experiment file
   * (file keys are the record's components in snake_case; unknown keys are errors), and the
   * options used for keys the file leaves out. Fields of type {@link java.nio.file.Path} are
   * resolved against the experiment file's folder when the options are bound.
   */
  void options(Class<C> type, C defaults);

  /**
   * Required: the preprocessing and the local concept encoder g_m built on it. The two share the
   * plugin's own preprocessor type {@code P}, so the encoder factory sees the fitted state (input
   * shape, vocabulary, image size) with its own types and no casts.
   *
   * @param preprocessing fits (on the training split), saves and loads the preprocessor
   * @param concepts creates the local concept encoder for a fitted preprocessor
   * @param <P> the plugin's preprocessor type
   * @return where optional capabilities typed by {@code P} (a {@link SampleRenderer}) are added
   */
  <P extends Preprocessor<S>> EncoderRegistration<S, P> encoder(
      Preprocessing<S, C, P> preprocessing, EncoderFactory<C, P> concepts);

  /**
   * Optional: as {@link #encoder(Preprocessing, EncoderFactory)}, plus a plain embedding encoder
   * for the non-concept baselines (anchors, unimodal, concat): the same encoder without its
   * concept-only parts (a per-node Gumbel-softmax, say), giving {@code (B, width)} real-valued
   * features. Plugins without one get their concept encoder in that role.
   *
   * @return where optional capabilities typed by {@code P} (a {@link SampleRenderer}) are added
   */
  <P extends Preprocessor<S>> EncoderRegistration<S, P> encoder(
      Preprocessing<S, C, P> preprocessing,
      EncoderFactory<C, P> concepts,
      EncoderFactory<C, P> embedding);

  /** Optional: unsupervised pretraining of the local concept encoder; see {@link EncoderPretraining}. */
  void pretraining(EncoderPretraining<S, C> pretraining);
}
