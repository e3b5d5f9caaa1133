package io.sharcs.runner.datasets.manifest;

import io.sharcs.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The class order of a manifest's label column, and of each local label column: as the config
 * lists it, otherwise the labels found in numeric order when all are integers (so {@code 2}
 * comes before {@code 10}) and else in {@link String#compareTo} order; never the order rows
 * happen to come in, so shuffling a file does not renumber its classes.
 */
final class ManifestClasses {

  private ManifestClasses() {}

  /**
   * The class names: {@code given}, else the distinct names {@code found}, ordered.
   *
   * @param found the names as written in the complete rows (repeats allowed)
   * @param column the column they were read from, for messages
   */
  static List<String> of(
      List<String> given, Collection<String> found, String display, String column) {
    if (given != null) {
      return List.copyOf(given);
    }
    List<String> names = new ArrayList<>(new TreeSet<>(found));
    if (names.stream().allMatch(ManifestClasses::isInteger)) {
      names.sort(Comparator.comparing(java.math.BigInteger::new));
    }
    if (names.size() < 2) {
      throw new InvalidInputException(display + ": column '" + column + "': found the classes "
          + names + " in the complete rows, expected at least two");
    }
    return List.copyOf(names);
  }

  private static boolean isInteger(String s) {
    return s.matches("-?\\d{1,30}");
  }
}
