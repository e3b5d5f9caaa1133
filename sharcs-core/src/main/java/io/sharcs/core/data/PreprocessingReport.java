package io.sharcs.core.data;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one slot's preprocessing reports about one split ({@link
 * io.sharcs.api.Preprocessor#report}), e.g. the share of inputs it had to clip.
 *
 * @param modality the slot's modality name
 * @param split {@code train} or {@code test}
 * @param values the plugin's named numbers
 */
public record PreprocessingReport(String modality, String split, Map<String, Double> values) {
  public PreprocessingReport {
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }
}
