package io.sharcs.modality.text;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.ModalitySetup;
import io.sharcs.api.Preprocessing;
import io.sharcs.api.PreprocessingData;
import io.sharcs.api.SampleForm;
import io.sharcs.api.nn.Layers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The text modality: short texts (questions, captions), tokenised like scikit-learn's {@code
 * CountVectorizer}, with a vocabulary learned from the training split only.
 *
 * <p>A raw sample is a JSON/YAML string. Two local concept encoders: a bag-of-words MLP (the
 * reference's CLEVR text encoder, the default) and an embedding followed by a GRU or LSTM over
 * the token sequence. Both map a batch to {@code (B, k)} concept pre-activations. Texts are drawn
 * as SVG with the words outside the vocabulary marked ({@link TextRenderer}).
 */
public final class TextPlugin implements ModalityPlugin<TextSample, TextEncoderConfig> {

  /** The id experiment files use. */
  public static final String ID = "text";

  // PyTorch's nn.LeakyReLU default, which the reference applies after its text MLP.
  private static final float LEAKY_SLOPE = 0.01f;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "short texts: CountVectorizer tokens, training-split vocabulary; bag-of-words MLP or "
        + "embedding + GRU/LSTM local concept encoder";
  }

  @Override
  public void setup(ModalitySetup<TextSample, TextEncoderConfig> setup) {
    setup.samples(TextSample.class, TextPlugin::read, SampleForm.TEXT);
    setup.options(TextEncoderConfig.class, TextEncoderConfig.DEFAULTS);
    setup.encoder(new TextPreprocessing(), TextPlugin::encoder).renderer(new TextRenderer());
  }

  static TextSample read(JsonNode node, String where) {
    if (node == null || !node.isTextual()) {
      throw new InvalidInputException(where + ": found " + describe(node) + ", expected a string");
    }
    return new TextSample(node.textValue());
  }

  /** The bag-of-words MLP or the recurrent encoder, over the fitted vocabulary. */
  static Block encoder(TextEncoderConfig options, TextPreprocessor text, EncoderContext context) {
    int vocabulary = text.vocabulary().size();
    if (options.sequence()) {
      return new SequenceConceptEncoder(options, vocabulary, context.outputs());
    }
    SequentialBlock mlp = Layers.mlp(vocabulary, options.hidden(), context.outputs());
    if (TextEncoderConfig.LEAKY_RELU.equals(options.outputActivation())) {
      mlp.add(x -> Activation.leakyRelu(x, LEAKY_SLOPE));
    }
    return mlp;
  }

  /** Learns the vocabulary from the training texts; saved as {@code <modality>.vocabulary.json}. */
  static final class TextPreprocessing
      implements Preprocessing<TextSample, TextEncoderConfig, TextPreprocessor> {

    /** Rejects empty and blank texts, then learns the vocabulary of the training split. */
    @Override
    public TextPreprocessor fit(PreprocessingData<TextSample> data, TextEncoderConfig options) {
      List<? extends TextSample> all = data.all();
      if (all.isEmpty()) {
        throw new InvalidInputException(data.where() + ": found no texts, expected at least one");
      }
      for (int i = 0; i < all.size(); i++) {
        String text = all.get(i).text();
        if (text.isBlank()) {
          throw new InvalidInputException(
              data.at(i) + ": found "
                  + (text.isEmpty() ? "an empty text" : "a blank text \"" + escape(text) + "\"")
                  + ", expected at least one word");
        }
      }
      return TextPreprocessor.fit(data.train(), options);
    }

    @Override
    public void save(TextPreprocessor preprocessor, Path directory, String modality)
        throws IOException {
      preprocessor.save(directory, modality);
    }

    @Override
    public TextPreprocessor load(Path directory, String modality, TextEncoderConfig options) {
      return TextPreprocessor.load(directory, modality);
    }
  }

  private static String escape(String text) {
    return text.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
  }
}
