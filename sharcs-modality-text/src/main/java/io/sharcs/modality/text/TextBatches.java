package io.sharcs.modality.text;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.sharcs.api.nn.Tensors;
import java.util.List;

/**
 * Turns tokenised texts into the tensors the text encoders read. Words outside the vocabulary
 * are dropped from count vectors and become {@link #UNKNOWN_ID} in sequences.
 */
public final class TextBatches {

  /** The sequence id of padding after a text's last token. */
  public static final int PADDING_ID = 0;
  /** The sequence id of a word outside the vocabulary. */
  public static final int UNKNOWN_ID = 1;
  /** Word {@code i} of the vocabulary has sequence id {@code i + FIRST_WORD_ID}. */
  public static final int FIRST_WORD_ID = 2;

  /** In a sequence batch, the array of token ids. */
  public static final int IDS = 0;
  /** In a sequence batch, the array marking real tokens (1) and padding (0). */
  public static final int MASK = 1;

  private TextBatches() {}

  /**
   * Count vectors: entry {@code (b, i)} is how often word {@code i} occurs in text {@code b}.
   *
   * @return {@code [counts (B, V)]}, float32
   */
  public static NDList bagOfWords(
      List<List<String>> texts, Vocabulary vocabulary, NDManager manager) {
    int width = vocabulary.size();
    float[] counts = new float[texts.size() * width];
    for (int b = 0; b < texts.size(); b++) {
      for (String token : texts.get(b)) {
        int i = vocabulary.indexOf(token);
        if (i >= 0) {
          counts[b * width + i]++;
        }
      }
    }
    return new NDList(Tensors.create(manager, counts, new Shape(texts.size(), width)));
  }

  /**
   * Token-id sequences padded to the longest text of this batch. A text without any token (all
   * its words shorter than the minimum length) becomes a single {@link #UNKNOWN_ID}, so that
   * every sequence has a last real token for the encoder to read.
   *
   * @return {@code [ids (B, T), mask (B, T)]}, both float32 (ids are exact integers; the encoder
   *     converts them), {@code mask} 1 on real tokens and 0 on padding
   */
  public static NDList sequences(
      List<List<String>> texts, Vocabulary vocabulary, NDManager manager) {
    int longest = 1;
    for (List<String> tokens : texts) {
      longest = Math.max(longest, tokens.size());
    }
    float[] ids = new float[texts.size() * longest];
    float[] mask = new float[texts.size() * longest];
    for (int b = 0; b < texts.size(); b++) {
      List<String> tokens = texts.get(b);
      if (tokens.isEmpty()) {
        ids[b * longest] = UNKNOWN_ID;
        mask[b * longest] = 1;
        continue;
      }
      for (int t = 0; t < tokens.size(); t++) {
        int i = vocabulary.indexOf(tokens.get(t));
        ids[b * longest + t] = i < 0 ? UNKNOWN_ID : i + FIRST_WORD_ID;
        mask[b * longest + t] = 1;
      }
    }
    Shape shape = new Shape(texts.size(), longest);
    return new NDList(Tensors.create(manager, ids, shape), Tensors.create(manager, mask, shape));
  }
}
