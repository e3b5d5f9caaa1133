package io.sharcs.api;

/**
 * An optional capability of a modality: draws one raw sample for a person (a thumbnail, an SVG
 * drawing), for reports and explanations. Registered with {@link
 * ModalitySetup.EncoderRegistration#renderer}; the core and the report call it only through
 * {@link FittedModality#render} and never see the sample's type.
 *
 * @param <S> the raw-sample type
 * @param <P> the plugin's preprocessor type, the same as its encoder's
 */
@FunctionalInterface
public interface SampleRenderer<S, P extends Preprocessor<S>> {

  /**
   * Draws {@code sample}. Must be deterministic: the same sample, preprocessor and hints give the
   * same bytes (no time stamps).
   *
   * @param sample the raw sample, as a data set gave it
   * @param preprocessor the fitted (or loaded) preprocessing of this run: its vocabulary, image
   *     size and so on
   * @param hints the size wanted and, when known, the concepts of the sample's parts
   * @return the rendering; exceptions are turned into a text fallback by the caller
   */
  Rendering render(S sample, P preprocessor, RenderHints hints);
}
