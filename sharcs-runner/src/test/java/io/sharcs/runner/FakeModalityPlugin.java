package io.sharcs.runner;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.ModalitySetup;
import io.sharcs.api.Preprocessing;
import io.sharcs.api.PreprocessingData;
import io.sharcs.api.Preprocessor;
import java.nio.file.Path;

/**
 * Base of the test plugins: id, description and options only. A sample is the JSON tree itself;
 * the runner never fits or encodes before the pipeline, which tests replace.
 *
 * @param <C> the options type
 */
public abstract class FakeModalityPlugin<C extends EncoderConfig>
    implements ModalityPlugin<Object, C> {

  /** The options record type. */
  protected abstract Class<C> optionsType();

  /** The options used for keys the file leaves out. */
  protected abstract C defaults();

  @Override
  public void setup(ModalitySetup<Object, C> setup) {
    setup.samples(Object.class, (node, where) -> node);
    setup.options(optionsType(), defaults());
    setup.encoder(new Preprocessing<Object, C, Preprocessor<Object>>() {
      @Override
      public Preprocessor<Object> fit(PreprocessingData<Object> data, C options) {
        throw new UnsupportedOperationException("test plugin " + id() + " fits no data");
      }

      @Override
      public void save(Preprocessor<Object> p, Path directory, String modality) {
        throw new UnsupportedOperationException("test plugin " + id() + " saves nothing");
      }

      @Override
      public Preprocessor<Object> load(Path directory, String modality, C options) {
        throw new UnsupportedOperationException("test plugin " + id() + " loads nothing");
      }
    }, (options, p, context) -> {
      throw new UnsupportedOperationException("test plugin " + id() + " has no encoder");
    });
  }
}
