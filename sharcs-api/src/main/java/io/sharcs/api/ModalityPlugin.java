package io.sharcs.api;

/**
 * A modality plugin: a small descriptor of one kind of input (tables, graphs, images, texts, ...)
 * that contributes everything SHARCS needs about it through one registration step, {@link
 * #setup}. This is the whole SPI a third party implements to add a modality from its own jar.
 *
 * <p>Discovery: list the implementation in {@code META-INF/services/io.sharcs.api.ModalityPlugin}.
 * The runner loads every plugin with {@link java.util.ServiceLoader}, calls {@link #setup} once
 * through {@link ModalityDefinition#of}, and fails fast on an unknown or duplicate id or on a
 * setup that leaves out a required part. Constructors and {@code setup} must be cheap: heavy
 * resources (native engines) are touched only when an encoder is created or a batch is made.
 *
 * <p>A stateless modality (one that learns only its input shape from data) is a handful of
 * lines; see the tabular plugin:
 *
 * <pre>{@code
 * public void setup(ModalitySetup<TabularSample, TabularEncoderConfig> setup) {
 *   setup.samples(TabularSample.class, TabularPlugin::read);
 *   setup.options(TabularEncoderConfig.class, TabularEncoderConfig.DEFAULTS);
 *   setup.encoder(
 *       Preprocessing.stateless(TableShape.class, (data, options) -> TableShape.inspect(data)),
 *       (options, shape, context) ->
 *           Layers.mlp(shape.columns(), options.hidden(), context.outputs()));
 * }
 * }</pre>
 *
 * @param <S> the raw-sample type of this modality
 * @param <C> the record type of its encoder options
 */
public interface ModalityPlugin<S, C extends EncoderConfig> {

  /** The plugin id used in experiment files, for example {@code "graph"}. Lower case. */
  String id();

  /** One line describing the modality, shown by {@code sharcs plugins}. */
  String description();

  /** The plugin's version; by default the jar's {@code Implementation-Version}. */
  default String version() {
    String v = getClass().getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * Contributes the modality's parts: {@link ModalitySetup#samples}, {@link
   * ModalitySetup#options} and {@link ModalitySetup#encoder} once each (required), and optional
   * capabilities such as {@link ModalitySetup#pretraining}. Called once per discovery.
   */
  void setup(ModalitySetup<S, C> setup);
}
