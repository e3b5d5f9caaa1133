package io.sharcs.core.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Cross-modal retrieval from one modality to another (see {@link CrossModalRetrieval}); every
 * rate is over the queries that have a content key.
 *
 * @param query the modality whose shared concepts are the queries
 * @param target the modality whose bank is searched
 * @param exact the share of queries whose retrieved content key equals their own
 * @param attributes per attribute, the share of queries whose retrieved key agrees on it (empty
 *     unless every judged key is an {@link io.sharcs.api.AttributeKey})
 * @param allAttributes all attribute hits over attributes times queries; present exactly when
 *     {@code attributes} is not empty
 */
public record RetrievalResult(
    String query,
    String target,
    double exact,
    Map<String, Double> attributes,
    OptionalDouble allAttributes) {
  public RetrievalResult {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }
}
