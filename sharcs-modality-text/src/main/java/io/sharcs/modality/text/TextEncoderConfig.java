package io.sharcs.modality.text;

import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidConfigException;
import java.util.List;
import java.util.Locale;

/**
 * Options of the text modality: its tokenisation and vocabulary (learned on the training split)
 * and its local concept encoder. In experiment files the components are written in snake_case
 * ({@code embedding_size}).
 *
 * @param representation {@code bag-of-words}: a count vector per text into an MLP (the
 *     reference's CLEVR text encoder); {@code sequence}: token ids into an embedding and a
 *     recurrent network
 * @param hidden bag-of-words only: the MLP's hidden widths, in order (empty: one linear layer)
 * @param embeddingSize sequence only: the width of a token embedding
 * @param cell sequence only: the recurrent cell, {@code gru} or {@code lstm}
 * @param recurrentSize sequence only: the width of the recurrent state
 * @param layers sequence only: the number of stacked recurrent layers
 * @param outputActivation {@code leaky-relu} (slope 0.01, as after the reference's text MLP) or
 *     {@code none}, applied to the encoder's {@code (B, k)} output
 * @param minTokenLength the fewest word characters of a token; 2 is CountVectorizer's default
 * @param minCount keep only words occurring at least this often in the training texts
 * @param maxSize keep at most this many words, the most frequent; 0 means no limit
 */
public record TextEncoderConfig(
    String representation,
    List<Integer> hidden,
    int embeddingSize,
    String cell,
    int recurrentSize,
    int layers,
    String outputActivation,
    int minTokenLength,
    int minCount,
    int maxSize)
    implements EncoderConfig {

  /** Count vectors into a bag-of-words MLP. */
  public static final String BAG_OF_WORDS = "bag-of-words";
  /** Token ids into an embedding and a recurrent network. */
  public static final String SEQUENCE = "sequence";
  /** Gated recurrent unit cell. */
  public static final String GRU = "gru";
  /** Long short-term memory cell. */
  public static final String LSTM = "lstm";
  /** LeakyReLU with PyTorch's default slope 0.01 on the encoder output. */
  public static final String LEAKY_RELU = "leaky-relu";
  /** No activation on the encoder output. */
  public static final String NONE = "none";

  /**
   * The reference's CLEVR text encoder: CountVectorizer defaults, then Linear(V, 48), ReLU,
   * Linear(48, k), LeakyReLU. The sequence options are this plugin's own choices.
   */
  public static final TextEncoderConfig DEFAULTS =
      new TextEncoderConfig(BAG_OF_WORDS, List.of(48), 32, GRU, 48, 1, LEAKY_RELU, 2, 1, 0);

  /** Validates every field; the exception names the field as files spell it. */
  public TextEncoderConfig {
    representation = oneOf("representation", representation, BAG_OF_WORDS, SEQUENCE);
    hidden = InvalidConfigException.requirePositiveIntegers("hidden", hidden, true);
    InvalidConfigException.requirePositive("embedding_size", embeddingSize);
    cell = oneOf("cell", cell, GRU, LSTM);
    InvalidConfigException.requirePositive("recurrent_size", recurrentSize);
    InvalidConfigException.requirePositive("layers", layers);
    outputActivation = oneOf("output_activation", outputActivation, LEAKY_RELU, NONE);
    InvalidConfigException.requirePositive("min_token_length", minTokenLength);
    InvalidConfigException.requirePositive("min_count", minCount);
    if (maxSize < 0) {
      throw new InvalidConfigException(
          "max_size", "got " + maxSize + ", expected an integer >= 0 (0: no limit)");
    }
  }

  /** Whether the text is read as a token sequence rather than a bag of words. */
  public boolean sequence() {
    return SEQUENCE.equals(representation);
  }

  /** The tokenizer these options describe. */
  public Tokenizer tokenizer() {
    return new Tokenizer(minTokenLength);
  }

  private static String oneOf(String field, String value, String... allowed) {
    String v = value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return a;
      }
    }
    throw new InvalidConfigException(
        field,
        "got " + (value == null ? "null" : "'" + value + "'") + ", expected one of "
            + String.join(", ", allowed));
  }
}
