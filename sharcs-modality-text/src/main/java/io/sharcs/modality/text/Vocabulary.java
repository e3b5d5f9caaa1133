package io.sharcs.modality.text;

import io.sharcs.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words a text modality knows, learned from the training texts only, in alphabetical order
 * (by Unicode code point, as scikit-learn's {@code CountVectorizer} sorts its vocabulary). Word
 * {@code i} is column {@code i} of a bag-of-words vector.
 */
public final class Vocabulary {

  /** Orders strings by code point, as Python compares them; String.compareTo uses UTF-16 units. */
  static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

  private final List<String> words;
  private final long[] counts;
  private final Map<String, Integer> index;

  /**
   * @param words the words, strictly increasing in code-point order, at least one
   * @param counts how often each word occurs in the training texts, each {@code >= 1}
   * @throws IllegalArgumentException if the words are empty, unsorted or repeated, or the counts
   *     do not match them
   */
  public Vocabulary(List<String> words, long[] counts) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a vocabulary needs at least one word");
    }
    if (counts.length != words.size()) {
      throw new IllegalArgumentException(
          "got " + counts.length + " counts for " + words.size() + " words");
    }
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w == null || w.isEmpty()) {
        throw new IllegalArgumentException("word " + i + " is empty");
      }
      if (i > 0 && CODE_POINT_ORDER.compare(words.get(i - 1), w) >= 0) {
        throw new IllegalArgumentException(
            "words must be sorted and distinct, but '" + words.get(i - 1) + "' precedes '" + w
                + "'");
      }
      if (counts[i] < 1) {
        throw new IllegalArgumentException("word '" + w + "' has count " + counts[i]);
      }
      positions.put(w, i);
    }
    this.words = List.copyOf(words);
    this.counts = counts.clone();
    this.index = Map.copyOf(positions);
  }

  /**
   * Learns the vocabulary of tokenised training texts.
   *
   * @param texts the training texts, each as its tokens
   * @param minCount keep only words occurring at least this often over all texts ({@code >= 1})
   * @param maxSize keep at most this many words, the most frequent (ties broken alphabetically);
   *     0 means no limit
   * @throws InvalidInputException if no word is left, naming how many texts were seen
   */
  public static Vocabulary fit(Collection<? extends List<String>> texts, int minCount, int maxSize) {
    if (minCount < 1 || maxSize < 0) {
      throw new IllegalArgumentException(
          "minCount must be >= 1 and maxSize >= 0, got " + minCount + ", " + maxSize);
    }
    Map<String, Long> frequency = new TreeMap<>(CODE_POINT_ORDER);
    for (List<String> tokens : texts) {
      for (String t : tokens) {
        frequency.merge(t, 1L, Long::sum);
      }
    }
    if (frequency.isEmpty()) {
      throw new InvalidInputException(
          "text vocabulary: the " + texts.size() + " training texts hold no token, expected at"
              + " least one word to build the vocabulary from");
    }
    List<Map.Entry<String, Long>> kept = new ArrayList<>();
    for (Map.Entry<String, Long> e : frequency.entrySet()) {
      if (e.getValue() >= minCount) {
        kept.add(e);
      }
    }
    if (kept.isEmpty()) {
      throw new InvalidInputException(
          "text vocabulary: none of the " + frequency.size() + " words of the " + texts.size()
              + " training texts occurs at least min_count = " + minCount + " times (the most"
              + " frequent occurs " + frequency.values().stream().mapToLong(x -> x).max().orElse(0)
              + " times), expected at least one word");
    }
    if (maxSize > 0 && kept.size() > maxSize) {
      // The stable sort keeps alphabetical order among equal counts, so ties are deterministic.
      kept.sort(Map.Entry.<String, Long>comparingByValue().reversed());
      kept = new ArrayList<>(kept.subList(0, maxSize));
      kept.sort(Map.Entry.comparingByKey(CODE_POINT_ORDER));
    }
    List<String> words = new ArrayList<>(kept.size());
    long[] counts = new long[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      words.add(kept.get(i).getKey());
      counts[i] = kept.get(i).getValue();
    }
    return new Vocabulary(words, counts);
  }

  /** The number of words, V. */
  public int size() {
    return words.size();
  }

  /** The words, in column order. */
  public List<String> words() {
    return words;
  }

  /** How often word {@code i} occurred in the training texts. */
  public long count(int i) {
    return counts[i];
  }

  /** The training counts, in column order (a copy). */
  public long[] counts() {
    return counts.clone();
  }

  /** The column of {@code word}, or -1 if it was not learned in training. */
  public int indexOf(String word) {
    Integer i = index.get(word);
    return i == null ? -1 : i;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && v.words.equals(words) && Arrays.equals(v.counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * words.hashCode() + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Vocabulary(" + size() + " words)";
  }
}
