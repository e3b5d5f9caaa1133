package io.sharcs.core.analysis;

import java.util.List;

/** Validates a {@link ConceptCatalogue.Input}, one clear message per mistake. */
final class ConceptCatalogueChecks {

  private ConceptCatalogueChecks() {}

  /**
   * @return the concept matrix's width
   * @throws IllegalArgumentException on the first inconsistency found
   */
  static int check(ConceptCatalogue.Input input) {
    if (input.setName() == null || input.setName().isBlank()) {
      throw new IllegalArgumentException("setName is blank");
    }
    if (input.population() == null || input.population().isBlank()) {
      throw new IllegalArgumentException("population is blank");
    }
    int width = ConceptChecks.width("concepts", input.concepts());
    int rows = input.concepts().length;
    ConceptChecks.labelsMatch("concepts", input.concepts(), "labels", input.labels());
    indices("labels", input.labels(), "classNames", input.classNames());
    if ((input.groups() == null) != (input.groupNames() == null)) {
      throw new IllegalArgumentException("groups and groupNames must be given together");
    }
    if (input.groups() != null) {
      if (input.groups().length != rows) {
        throw new IllegalArgumentException(
            "concepts has " + rows + " rows but groups has " + input.groups().length);
      }
      indices("groups", input.groups(), "groupNames", input.groupNames());
    }
    if (input.attributes() != null && input.attributes().size() != rows) {
      throw new IllegalArgumentException(
          "concepts has " + rows + " rows but attributes has " + input.attributes().size());
    }
    if (input.rowIds() == null || input.rowIds().size() != rows) {
      throw new IllegalArgumentException(
          "concepts has "
              + rows
              + " rows but rowIds has "
              + (input.rowIds() == null ? "none" : input.rowIds().size()));
    }
    return width;
  }

  private static void indices(String what, int[] values, String namesWhat, List<String> names) {
    if (names == null || names.isEmpty()) {
      throw new IllegalArgumentException(namesWhat + " must name at least one entry");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0 || values[i] >= names.size()) {
        throw new IllegalArgumentException(
            what + "[" + i + "] is " + values[i] + " but " + namesWhat + " has " + names.size());
      }
    }
  }
}
