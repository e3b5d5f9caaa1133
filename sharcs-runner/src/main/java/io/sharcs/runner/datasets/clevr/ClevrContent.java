package io.sharcs.runner.datasets.clevr;

import io.sharcs.api.Excerpt;
import io.sharcs.api.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each question and image shows, and the per-sample counterpart lookups (method spec section
 * 1.4, {@code retrieve_aux}). Unlike the reference, the description of a question's image and the
 * image a question is true for are two independent lookups per question, so a question with
 * neither cannot shift the others (spec section 8 item 11).
 */
public final class ClevrContent {

  private final List<ClevrQuestion> questions;
  private final Map<String, ClevrAttributes> imageKeys;
  // Per image: the indices of its true questions, ascending.
  private final Map<String, int[]> trueQuestionsByImage;
  // Per content: the indices of the questions whose image shows it, ascending.
  private final Map<ClevrAttributes, int[]> questionsByImageContent;

  private ClevrContent(List<ClevrQuestion> questions, Map<String, ClevrAttributes> imageKeys) {
    this.questions = List.copyOf(questions);
    this.imageKeys = Map.copyOf(imageKeys);
    Map<String, List<Integer>> trueByImage = new HashMap<>();
    Map<ClevrAttributes, List<Integer>> byContent = new HashMap<>();
    for (ClevrQuestion q : questions) {
      if (q.isTrue()) {
        trueByImage.computeIfAbsent(q.imageFilename(), k -> new ArrayList<>()).add(q.index());
      }
      ClevrAttributes key = imageKeys.get(q.imageFilename());
      if (key != null) {
        byContent.computeIfAbsent(key, k -> new ArrayList<>()).add(q.index());
      }
    }
    this.trueQuestionsByImage = toArrays(trueByImage);
    this.questionsByImageContent = toArrays(byContent);
  }

  /**
   * Derives the image keys and checks every answer against them.
   *
   * @param questions the questions, {@code questions.get(i).index() == i}
   * @param scenes image file name to its object's attributes (empty without a scene file)
   * @param questionFile the question file, for messages
   * @param sceneFile the scene file, or null, for messages
   * @throws InvalidInputException if two true questions of an image disagree, or an answer
   *     contradicts what the image is known to show
   */
  public static ClevrContent of(
      List<ClevrQuestion> questions, Map<String, ClevrAttributes> scenes, Path questionFile,
      Path sceneFile) {
    for (int i = 0; i < questions.size(); i++) {
      if (questions.get(i).index() != i) {
        throw new IllegalArgumentException("question " + i + " has index "
            + questions.get(i).index() + ", expected the position in the list");
      }
    }
    Map<String, ClevrAttributes> keys = new LinkedHashMap<>();
    Map<String, ClevrQuestion> source = new HashMap<>();
    for (ClevrQuestion q : questions) {
      String image = q.imageFilename();
      ClevrAttributes fromScene = scenes.get(image);
      if (fromScene != null) {
        keys.put(image, fromScene);
      } else if (q.isTrue()) {
        ClevrQuestion earlier = source.putIfAbsent(image, q);
        if (earlier != null && !earlier.attributes().equals(q.attributes())) {
          throw new InvalidInputException(questionFile + ": question " + q.index() + " '"
              + q.text() + "' and question " + earlier.index() + " '" + earlier.text()
              + "' both have answer 1 for image " + Excerpt.of(image)
              + ", expected the true questions of a single-object image to agree");
        }
        keys.putIfAbsent(image, q.attributes());
      }
    }
    for (ClevrQuestion q : questions) {
      ClevrAttributes shown = keys.get(q.imageFilename());
      if (shown != null && shown.equals(q.attributes()) != q.isTrue()) {
        String from = scenes.containsKey(q.imageFilename())
            ? "its scene in " + sceneFile
            : "question " + source.get(q.imageFilename()).index();
        throw new InvalidInputException(questionFile + ": question " + q.index() + " '"
            + q.text() + "' has answer " + q.answer() + " but image "
            + Excerpt.of(q.imageFilename())
            + " shows a " + shown.describe() + " (from " + from + "), expected answer "
            + (q.isTrue() ? 0 : 1));
      }
    }
    return new ClevrContent(questions, keys);
  }

  /** The attributes of the object in {@code image}, if known. */
  public Optional<ClevrAttributes> imageKey(String image) {
    return Optional.ofNullable(imageKeys.get(image));
  }

  /** The number of images with a known content. */
  public int knownImages() {
    return imageKeys.size();
  }

  /**
   * A true description of question {@code q}'s image: the question itself if it is true, else the
   * first true question of the same image in cyclic order from {@code q + 1}, else one built from
   * the image's known attributes, else none.
   */
  public Optional<String> descriptionOfImage(int q) {
    ClevrQuestion question = questions.get(q);
    if (question.isTrue()) {
      return Optional.of(question.text());
    }
    int[] candidates = trueQuestionsByImage.get(question.imageFilename());
    if (candidates != null) {
      return Optional.of(questions.get(cyclicNext(candidates, q)).text());
    }
    return imageKey(question.imageFilename()).map(ClevrAttributes::describe);
  }

  /**
   * An image question {@code q} is true for: its own image if it is true, else the image of the
   * first question in cyclic order from {@code q + 1} whose image is known to show the question's
   * attributes, else none.
   */
  public Optional<String> imageForQuestion(int q) {
    ClevrQuestion question = questions.get(q);
    if (question.isTrue()) {
      return Optional.of(question.imageFilename());
    }
    int[] candidates = questionsByImageContent.get(question.attributes());
    if (candidates == null) {
      return Optional.empty();
    }
    return Optional.of(questions.get(cyclicNext(candidates, q)).imageFilename());
  }

  /** The first of {@code sorted} after {@code q}, wrapping around to the smallest. */
  private static int cyclicNext(int[] sorted, int q) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= q) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return sorted[lo < sorted.length ? lo : 0];
  }

  private static <K> Map<K, int[]> toArrays(Map<K, List<Integer>> lists) {
    Map<K, int[]> arrays = new HashMap<>();
    lists.forEach((k, v) -> arrays.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return Map.copyOf(arrays);
  }
}
