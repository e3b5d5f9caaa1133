package io.sharcs.modality.text;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.EncoderContext;
import io.sharcs.api.InputSpec;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.Preprocessor;
import io.sharcs.api.nn.Layers;
import java.util.List;
import java.util.Locale;

/**
 * The text modality: short texts (questions, captions), tokenised like scikit-learn's {@code
 * CountVectorizer}, with a vocabulary learned from the training split only.
 *
 * <p>A raw sample is a JSON/YAML string. Two local concept encoders: a bag-of-words MLP (the
 * reference's CLEVR text encoder, the default) and an embedding followed by a GRU or LSTM over
 * the token sequence. Both map a batch to {@code (B, k)} concept pre-activations.
 */
public final class TextPlugin implements ModalityPlugin<TextSample> {

  /** The id experiment files use. */
  public static final String ID = "text";

  // PyTorch's nn.LeakyReLU default, which the reference applies after its text MLP.
  private static final float LEAKY_SLOPE = 0.01f;

  /** Cheap: touches no engine. */
  public TextPlugin() {}

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
  public Class<TextSample> sampleType() {
    return TextSample.class;
  }

  @Override
  public Class<TextEncoderConfig> encoderConfigType() {
    return TextEncoderConfig.class;
  }

  @Override
  public TextEncoderConfig defaultEncoderConfig() {
    return TextEncoderConfig.DEFAULTS;
  }

  @Override
  public TextSample readSample(JsonNode node, String where) {
    if (node == null || !node.isTextual()) {
      throw new InvalidInputException(where + ": found " + describe(node) + ", expected a string");
    }
    return new TextSample(node.textValue());
  }

  /**
   * Rejects empty and blank texts; the summary counts texts and the longest in default
   * (CountVectorizer) tokens, e.g. {@code "101 texts, up to 4 tokens"}.
   */
  @Override
  public InputSpec inspect(List<? extends TextSample> samples, List<String> ids, String where) {
    if (samples.isEmpty()) {
      throw new InvalidInputException(where + ": found no texts, expected at least one");
    }
    if (ids.size() != samples.size()) {
      throw new IllegalArgumentException(
          "got " + ids.size() + " ids for " + samples.size() + " samples");
    }
    int longest = 0;
    for (int i = 0; i < samples.size(); i++) {
      String text = samples.get(i).text();
      if (text.isBlank()) {
        throw new InvalidInputException(
            where + " sample " + ids.get(i) + ": found "
                + (text.isEmpty() ? "an empty text" : "a blank text \"" + escape(text) + "\"")
                + ", expected at least one word");
      }
      longest = Math.max(longest, Tokenizer.DEFAULT.tokenize(text).size());
    }
    String summary = samples.size() + (samples.size() == 1 ? " text" : " texts") + ", up to "
        + longest + (longest == 1 ? " token" : " tokens");
    return new InputSpec(1, Math.max(1, longest), summary);
  }

  /**
   * Learns the vocabulary from the training texts; the returned preprocessor's {@link
   * Preprocessor#spec()} has the vocabulary size as feature width.
   */
  @Override
  public Preprocessor<TextSample> fit(
      List<? extends TextSample> train, InputSpec spec, EncoderConfig config) {
    return TextPreprocessor.fit(train, expectConfig(config, TextEncoderConfig.class));
  }

  @Override
  public Block createEncoder(EncoderConfig config, EncoderContext context) {
    TextEncoderConfig c = expectConfig(config, TextEncoderConfig.class);
    int vocabulary = context.input().featureWidth();
    if (c.sequence()) {
      return new SequenceConceptEncoder(c, vocabulary, context.concepts());
    }
    SequentialBlock mlp = Layers.mlp(vocabulary, c.hidden(), context.concepts());
    if (TextEncoderConfig.LEAKY_RELU.equals(c.outputActivation())) {
      mlp.add(x -> Activation.leakyRelu(x, LEAKY_SLOPE));
    }
    return mlp;
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
