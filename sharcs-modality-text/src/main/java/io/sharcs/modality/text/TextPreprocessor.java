package io.sharcs.modality.text;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.sharcs.api.Preprocessor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text preprocessing of one run: a tokenizer and the vocabulary learned from the training
 * texts. It batches texts as count vectors ({@code bag-of-words}) or as padded token-id
 * sequences ({@code sequence}), whose width is the vocabulary size.
 */
public final class TextPreprocessor implements Preprocessor<TextSample> {

  /** Report key: tokens not in the vocabulary. */
  public static final String UNSEEN_TOKENS = "unseen_tokens";
  /** Report key: unseen tokens over all tokens (0 when there are no tokens). */
  public static final String UNSEEN_TOKEN_RATE = "unseen_token_rate";
  /** Report key: texts with at least one unseen token. */
  public static final String TEXTS_WITH_UNSEEN = "texts_with_unseen";
  /** Report key: texts none of whose tokens is in the vocabulary (an all-zero count vector). */
  public static final String TEXTS_WITHOUT_KNOWN = "texts_without_known_tokens";

  private final Tokenizer tokenizer;
  private final Vocabulary vocabulary;
  private final String representation;
  private final int maxTokens;
  private final String summary;

  /**
   * @param tokenizer how texts are split into tokens
   * @param vocabulary the words learned in training
   * @param representation {@link TextEncoderConfig#BAG_OF_WORDS} or {@link
   *     TextEncoderConfig#SEQUENCE}
   * @param maxTokens the length in tokens of the longest training text (at least 1)
   */
  public TextPreprocessor(
      Tokenizer tokenizer, Vocabulary vocabulary, String representation, int maxTokens) {
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    if (!TextEncoderConfig.BAG_OF_WORDS.equals(representation)
        && !TextEncoderConfig.SEQUENCE.equals(representation)) {
      throw new IllegalArgumentException("unknown representation '" + representation + "'");
    }
    this.representation = representation;
    int v = vocabulary.size();
    int longest = Math.max(1, maxTokens);
    this.maxTokens = longest;
    this.summary =
        representation + ", vocabulary of " + v + (v == 1 ? " word" : " words") + ", up to "
            + longest + (longest == 1 ? " token" : " tokens") + " per training text";
  }

  /**
   * Learns the vocabulary of the training texts, with the tokenizer and limits of {@code
   * config}.
   *
   * @throws io.sharcs.api.InvalidInputException if the vocabulary would be empty
   */
  public static TextPreprocessor fit(List<? extends TextSample> train, TextEncoderConfig config) {
    Tokenizer tokenizer = config.tokenizer();
    List<List<String>> tokenized = tokenize(tokenizer, train);
    Vocabulary vocabulary = Vocabulary.fit(tokenized, config.minCount(), config.maxSize());
    int longest = tokenized.stream().mapToInt(List::size).max().orElse(0);
    return new TextPreprocessor(tokenizer, vocabulary, config.representation(), longest);
  }

  /** Loads the preprocessing saved by {@link #save} for {@code modality} in {@code directory}. */
  public static TextPreprocessor load(Path directory, String modality) {
    return VocabularyFile.read(directory.resolve(VocabularyFile.fileName(modality)));
  }

  @Override
  public String summary() {
    return summary;
  }

  /** The length in tokens of the longest training text (at least 1). */
  public int maxTokens() {
    return maxTokens;
  }

  @Override
  public NDList batch(List<? extends TextSample> samples, NDManager manager) {
    List<List<String>> tokenized = tokenize(tokenizer, samples);
    return TextEncoderConfig.SEQUENCE.equals(representation)
        ? TextBatches.sequences(tokenized, vocabulary, manager)
        : TextBatches.bagOfWords(tokenized, vocabulary, manager);
  }

  /**
   * Counts the tokens of {@code samples} that the training vocabulary does not hold: {@value
   * #UNSEEN_TOKENS}, {@value #UNSEEN_TOKEN_RATE}, {@value #TEXTS_WITH_UNSEEN} and {@value
   * #TEXTS_WITHOUT_KNOWN}.
   */
  @Override
  public Map<String, Double> report(List<? extends TextSample> samples) {
    long tokens = 0;
    long unseen = 0;
    long textsWithUnseen = 0;
    long textsWithoutKnown = 0;
    for (TextSample s : samples) {
      int unseenHere = 0;
      List<String> words = tokenizer.tokenize(s.text());
      for (String w : words) {
        if (vocabulary.indexOf(w) < 0) {
          unseenHere++;
        }
      }
      tokens += words.size();
      unseen += unseenHere;
      textsWithUnseen += unseenHere > 0 ? 1 : 0;
      textsWithoutKnown += unseenHere == words.size() ? 1 : 0;
    }
    Map<String, Double> report = new LinkedHashMap<>();
    report.put(UNSEEN_TOKENS, (double) unseen);
    report.put(UNSEEN_TOKEN_RATE, tokens == 0 ? 0.0 : (double) unseen / tokens);
    report.put(TEXTS_WITH_UNSEEN, (double) textsWithUnseen);
    report.put(TEXTS_WITHOUT_KNOWN, (double) textsWithoutKnown);
    return report;
  }

  /** Writes {@code <modality>.vocabulary.json} (see {@link VocabularyFile}). */
  public void save(Path directory, String modality) throws IOException {
    VocabularyFile.write(directory.resolve(VocabularyFile.fileName(modality)), this);
  }

  /** The tokenizer. */
  public Tokenizer tokenizer() {
    return tokenizer;
  }

  /** The vocabulary learned from the training texts. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** {@link TextEncoderConfig#BAG_OF_WORDS} or {@link TextEncoderConfig#SEQUENCE}. */
  public String representation() {
    return representation;
  }

  private static List<List<String>> tokenize(
      Tokenizer tokenizer, List<? extends TextSample> samples) {
    List<List<String>> out = new ArrayList<>(samples.size());
    for (TextSample s : samples) {
      out.add(tokenizer.tokenize(s.text()));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextPreprocessor p
        && p.tokenizer.equals(tokenizer)
        && p.vocabulary.equals(vocabulary)
        && p.representation.equals(representation)
        && p.maxTokens == maxTokens;
  }

  @Override
  public int hashCode() {
    return Objects.hash(tokenizer, vocabulary, representation, maxTokens);
  }

  @Override
  public String toString() {
    return "TextPreprocessor(" + summary + ")";
  }
}
