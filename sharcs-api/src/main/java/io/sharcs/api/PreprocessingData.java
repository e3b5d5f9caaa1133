package io.sharcs.api;

import java.util.List;

/**
 * What {@link Preprocessing#fit} sees of a modality's data.
 *
 * @param train the training split's samples, in split order: the only samples state may be
 *     learned from
 * @param all every sample of the modality (all splits and counterpart renderings), to be
 *     validated: they must agree with each other, for example on feature width
 * @param ids one identifier per element of {@code all}, for error messages
 * @param where a human-readable name of the data and modality, for error messages
 * @param <S> the raw-sample type
 */
public record PreprocessingData<S>(
    List<? extends S> train, List<? extends S> all, List<String> ids, String where) {
  public PreprocessingData {
    // Copies that keep null elements, so a plugin can name a null sample in its message.
    train = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(train));
    all = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(all));
    ids = List.copyOf(ids);
    if (ids.size() != all.size()) {
      throw new IllegalArgumentException(
          "got " + ids.size() + " ids for " + all.size() + " samples");
    }
  }

  /** Data whose training split is also everything there is to validate. */
  public static <S> PreprocessingData<S> of(List<? extends S> train, String where) {
    List<String> ids = java.util.stream.IntStream.range(0, train.size())
        .mapToObj(Integer::toString).toList();
    return new PreprocessingData<>(train, train, ids, where);
  }

  /** How errors name element {@code i} of {@link #all}: {@code where + " sample " + id}. */
  public String at(int i) {
    return where + " sample " + ids.get(i);
  }
}
