package io.sharcs.modality.image;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Applies a function to list elements in parallel, with failures reported in list order. */
final class InOrder {

  private InOrder() {}

  /**
   * Returns {@code fn} of every element, computed in parallel. When some calls fail, the failure
   * of the earliest element is thrown, so the error a user sees does not depend on scheduling.
   */
  static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> fn) {
    Object[] results = new Object[items.size()];
    RuntimeException[] failures = new RuntimeException[items.size()];
    IntStream.range(0, items.size())
        .parallel()
        .forEach(
            i -> {
              try {
                results[i] = fn.apply(items.get(i));
              } catch (RuntimeException e) {
                failures[i] = e;
              }
            });
    for (RuntimeException failure : failures) {
      if (failure != null) {
        throw failure;
      }
    }
    @SuppressWarnings("unchecked")
    List<R> list = (List<R>) List.of(results);
    return list;
  }
}
