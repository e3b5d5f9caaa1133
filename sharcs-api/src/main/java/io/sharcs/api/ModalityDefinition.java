package io.sharcs.api;

import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one {@link ModalityPlugin} contributed in its {@link ModalityPlugin#setup}, checked
 * to be complete: what the runner and the core use of a plugin. Made once per plugin by {@link
 * #of}.
 *
 * @param <S> the plugin's raw-sample type
 * @param <C> the plugin's encoder-options type
 */
public final class ModalityDefinition<S, C extends EncoderConfig> {

  /**
   * The preprocessing and encoder factories of a modality, which share the plugin's preprocessor
   * type {@code P}.
   *
   * @param preprocessing fits, saves and loads the preprocessor
   * @param concepts creates the local concept encoder
   * @param embedding creates the plain embedding encoder of the non-concept baselines; the
   *     concept encoder when the plugin registered none
   * @param renderer draws a raw sample for a person, or null when the plugin registered none
   */
  public record Encoding<S, C extends EncoderConfig, P extends Preprocessor<S>>(
      Preprocessing<S, C, P> preprocessing,
      EncoderFactory<C, P> concepts,
      EncoderFactory<C, P> embedding,
      SampleRenderer<S, P> renderer) {
    public Encoding {
      Objects.requireNonNull(preprocessing, "preprocessing");
      Objects.requireNonNull(concepts, "concepts");
      Objects.requireNonNull(embedding, "embedding");
    }

    /** Factories without a renderer. */
    public Encoding(
        Preprocessing<S, C, P> preprocessing,
        EncoderFactory<C, P> concepts,
        EncoderFactory<C, P> embedding) {
      this(preprocessing, concepts, embedding, null);
    }

    /** These factories with {@code renderer}. */
    Encoding<S, C, P> withRenderer(SampleRenderer<S, P> renderer) {
      return new Encoding<>(preprocessing, concepts, embedding, renderer);
    }
  }

  private final ModalityPlugin<S, C> plugin;
  private final Class<S> sampleType;
  private final SampleReader<S> reader;
  private final SampleForm form;
  private final Class<C> optionsType;
  private final C defaults;
  private final Encoding<S, C, ?> encoding;
  private final EncoderPretraining<S, C> pretraining;

  private ModalityDefinition(Collector<S, C> c) {
    this.plugin = c.plugin;
    this.sampleType = c.sampleType;
    this.reader = c.reader;
    this.form = c.form;
    this.optionsType = c.optionsType;
    this.defaults = c.defaults;
    this.encoding = c.encoding;
    this.pretraining = c.pretraining;
  }

  /**
   * Runs {@code plugin}'s setup and checks what it contributed.
   *
   * @throws IllegalStateException naming the plugin and the part when the id is not lower-case
   *     letters, digits and dashes, or a required part is missing, registered twice or null
   */
  public static <S, C extends EncoderConfig> ModalityDefinition<S, C> of(
      ModalityPlugin<S, C> plugin) {
    Objects.requireNonNull(plugin, "plugin");
    String id = plugin.id();
    if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalStateException(
          "modality plugin " + plugin.getClass().getName() + ": id '" + id
              + "', expected lower-case letters, digits and dashes");
    }
    Collector<S, C> collector = new Collector<>(plugin);
    plugin.setup(collector);
    collector.complete();
    return new ModalityDefinition<>(collector);
  }

  /** The plugin itself. */
  public ModalityPlugin<S, C> plugin() {
    return plugin;
  }

  /** The plugin id. */
  public String id() {
    return plugin.id();
  }

  /** The plugin's one-line description. */
  public String description() {
    return plugin.description();
  }

  /** The plugin's version. */
  public String version() {
    return plugin.version();
  }

  /** The raw-sample type. */
  public Class<S> sampleType() {
    return sampleType;
  }

  /** Reads one raw sample from a JSON/YAML value. */
  public SampleReader<S> reader() {
    return reader;
  }

  /** The form of the JSON value the reader takes; {@link SampleForm#JSON} unless declared. */
  public SampleForm sampleForm() {
    return form;
  }

  /** The encoder-options record type. */
  public Class<C> optionsType() {
    return optionsType;
  }

  /** The options used for keys an experiment file leaves out. */
  public C defaults() {
    return defaults;
  }

  /** The preprocessing and encoder factories. */
  public Encoding<S, C, ?> encoding() {
    return encoding;
  }

  /** Whether the plugin draws its samples ({@link SampleRenderer}); else they are shown as text. */
  public boolean renders() {
    return encoding.renderer() != null;
  }

  /** The optional pretraining capability. */
  public Optional<EncoderPretraining<S, C>> pretraining() {
    return Optional.ofNullable(pretraining);
  }

  /**
   * Fits this run's preprocessing ({@link Preprocessing#fit}) on {@code data}.
   *
   * @throws InvalidInputException as {@link Preprocessing#fit}
   */
  public FittedModality<S, C> fit(PreprocessingData<S> data, C options) {
    return fit(encoding, data, options);
  }

  /**
   * Loads preprocessing saved by {@link FittedModality#save} ({@link Preprocessing#load}).
   *
   * @throws InvalidInputException when the files are missing or malformed
   */
  public FittedModality<S, C> load(Path directory, String modality, C options)
      throws IOException {
    return load(encoding, directory, modality, options);
  }

  private <P extends Preprocessor<S>> FittedModality<S, C> fit(
      Encoding<S, C, P> e, PreprocessingData<S> data, C options) {
    return new Fitted<>(this, e, options, e.preprocessing().fit(data, options));
  }

  private <P extends Preprocessor<S>> FittedModality<S, C> load(
      Encoding<S, C, P> e, Path directory, String modality, C options) throws IOException {
    return new Fitted<>(this, e, options, e.preprocessing().load(directory, modality, options));
  }

  /** A fitted modality that keeps the plugin's preprocessor type to itself. */
  private record Fitted<S, C extends EncoderConfig, P extends Preprocessor<S>>(
      ModalityDefinition<S, C> definition, Encoding<S, C, P> encoding, C options, P preprocessor)
      implements FittedModality<S, C> {
    /** The longest failure reason shown. */
    private static final int REASON = 300;

    Fitted {
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(preprocessor, "preprocessor");
    }

    @Override
    public Block conceptEncoder(EncoderContext context) {
      return encoding.concepts().create(options, preprocessor, context);
    }

    @Override
    public Block embeddingEncoder(EncoderContext context) {
      return encoding.embedding().create(options, preprocessor, context);
    }

    @Override
    public void save(Path directory, String modality) throws IOException {
      encoding.preprocessing().save(preprocessor, directory, modality);
    }

    @Override
    public boolean renders() {
      return encoding.renderer() != null;
    }

    @Override
    public Rendering render(Object sample, RenderHints hints) {
      Objects.requireNonNull(hints, "hints");
      S typed = definition.sample(sample, "rendering");
      if (encoding.renderer() == null) {
        return Rendering.plainText(Excerpt.of(String.valueOf(typed)));
      }
      // A picture is an aid: a plugin bug or a file gone from disk must not stop a report.
      // Errors (out of memory) are not caught.
      try {
        Rendering r = encoding.renderer().render(typed, preprocessor, hints);
        return r != null
            ? r
            : failed("the renderer returned nothing for " + Excerpt.of(String.valueOf(typed)));
      } catch (RuntimeException e) {
        String why = e.getMessage() == null || e.getMessage().isBlank()
            ? e.getClass().getSimpleName()
            : e.getMessage();
        return failed(why);
      }
    }

    /**
     * A text rendering saying why drawing failed: the reason's first line, which names the sample
     * (a file, say), up to {@value #REASON} characters; longer than an {@link Excerpt} because the
     * reason usually follows a path.
     */
    private static Rendering failed(String why) {
      String line = why.lines().findFirst().orElse(why);
      StringBuilder b = new StringBuilder("rendering failed: ");
      for (int i = 0; i < Math.min(line.length(), REASON); i++) {
        char c = line.charAt(i);
        b.append(Character.isISOControl(c) ? '?' : c);
      }
      if (line.length() > REASON) {
        b.append("...");
      }
      return Rendering.plainText(b.toString());
    }
  }

  /**
   * {@code value} as this modality's sample type.
   *
   * @throws InvalidInputException naming {@code where} when it is of another type
   */
  public S sample(Object value, String where) {
    if (!sampleType.isInstance(value)) {
      throw new InvalidInputException(
          where + ": found " + (value == null ? "nothing" : value.getClass().getSimpleName())
              + ", expected " + sampleType.getSimpleName() + " for plugin '" + id() + "'");
    }
    return sampleType.cast(value);
  }

  /**
   * {@code options} as this modality's options type.
   *
   * @throws IllegalArgumentException when they are of another type (a wiring error)
   */
  public C options(EncoderConfig options) {
    if (!optionsType.isInstance(options)) {
      throw new IllegalArgumentException(
          "modality plugin '" + id() + "' expects options " + optionsType.getSimpleName()
              + " but got " + (options == null ? "null" : options.getClass().getSimpleName()));
    }
    return optionsType.cast(options);
  }

  @Override
  public String toString() {
    return "ModalityDefinition[" + id() + " " + version() + "]";
  }

  /** Collects one setup call; refuses repeated and missing parts. */
  private static final class Collector<S, C extends EncoderConfig>
      implements ModalitySetup<S, C> {
    private final ModalityPlugin<S, C> plugin;
    private Class<S> sampleType;
    private SampleReader<S> reader;
    private SampleForm form;
    private Class<C> optionsType;
    private C defaults;
    private Encoding<S, C, ?> encoding;
    private EncoderPretraining<S, C> pretraining;

    Collector(ModalityPlugin<S, C> plugin) {
      this.plugin = plugin;
    }

    @Override
    public void samples(Class<S> type, SampleReader<S> reader) {
      samples(type, reader, SampleForm.JSON);
    }

    @Override
    public void samples(Class<S> type, SampleReader<S> reader, SampleForm form) {
      once(sampleType, "samples");
      this.sampleType = required(type, "samples", "type");
      this.reader = required(reader, "samples", "reader");
      this.form = required(form, "samples", "form");
    }

    @Override
    public void options(Class<C> type, C defaults) {
      once(optionsType, "options");
      this.optionsType = required(type, "options", "type");
      this.defaults = required(defaults, "options", "defaults");
      if (!type.isInstance(defaults)) {
        throw fail("options(...) got defaults of " + defaults.getClass().getName()
            + ", expected an instance of " + type.getName());
      }
    }

    @Override
    public <P extends Preprocessor<S>> EncoderRegistration<S, P> encoder(
        Preprocessing<S, C, P> preprocessing, EncoderFactory<C, P> concepts) {
      return encoder(preprocessing, concepts, concepts);
    }

    @Override
    public <P extends Preprocessor<S>> EncoderRegistration<S, P> encoder(
        Preprocessing<S, C, P> preprocessing,
        EncoderFactory<C, P> concepts,
        EncoderFactory<C, P> embedding) {
      once(encoding, "encoder");
      Encoding<S, C, P> registered = new Encoding<>(
          required(preprocessing, "encoder", "preprocessing"),
          required(concepts, "encoder", "concepts"),
          required(embedding, "encoder", "embedding"));
      this.encoding = registered;
      // The renderer is typed by the P of this very call, so it gets the encoder's preprocessor.
      return renderer -> {
        once(encoding.renderer(), "renderer");
        this.encoding = registered.withRenderer(required(renderer, "renderer", "renderer"));
      };
    }

    @Override
    public void pretraining(EncoderPretraining<S, C> pretraining) {
      once(this.pretraining, "pretraining");
      this.pretraining = required(pretraining, "pretraining", "pretraining");
    }

    void complete() {
      if (sampleType == null) {
        throw fail("setup() did not call samples(type, reader)");
      }
      if (optionsType == null) {
        throw fail("setup() did not call options(type, defaults)");
      }
      if (encoding == null) {
        throw fail("setup() did not call encoder(preprocessing, concepts)");
      }
    }

    private void once(Object existing, String part) {
      if (existing != null) {
        throw fail("setup() called " + part + "(...) twice, expected once");
      }
    }

    private <T> T required(T value, String part, String argument) {
      if (value == null) {
        throw fail(part + "(...) got a null " + argument);
      }
      return value;
    }

    private IllegalStateException fail(String what) {
      return new IllegalStateException(
          "modality plugin '" + plugin.id() + "' (" + plugin.getClass().getName() + "): " + what);
    }
  }
}
