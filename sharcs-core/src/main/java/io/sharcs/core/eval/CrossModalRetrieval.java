package io.sharcs.core.eval;

import io.sharcs.api.AttributeKey;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.data.PreparedData.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import io.sharcs.core.data.Batches;

/**
 * Cross-modal retrieval in the shared concept space (method spec 5.5, generalised to every ordered
 * pair of modalities): each test sample's shared concept of modality q is the query; the nearest
 * shared concept of modality t in the bank is retrieved; the retrieval is a hit when the retrieved
 * sample's content key in t equals the query's content key in q (CLEVR text to image: the
 * retrieved picture shows what the question describes). Keys that are {@link AttributeKey}s are
 * also scored attribute by attribute.
 *
 * <p>Denominators are consistent (the reference mixes them, section 8 item 10): every rate is over
 * the test samples that have a key in q, and the bank holds only rows with a key in t, so no
 * query can score on a row that cannot be judged. The bank rows are those of the run's
 * missing-modality banks (training rows; plus the analysis test rows under the reference
 * protocol).
 */
public final class CrossModalRetrieval {

  private CrossModalRetrieval() {}

  /**
   * @param tables the run's analysis pass (bank rows)
   * @param includeTest whether banks include the analysis test rows (reference protocol)
   * @param queries per slot, the shared concepts of every row of {@code split}
   * @return metrics {@code retrieval.<q>_to_<t>.exact}, and per attribute {@code
   *     retrieval.<q>_to_<t>.<attribute>} plus {@code retrieval.<q>_to_<t>.attributes} (all
   *     attribute hits over attributes times queries); empty when the data set has no content keys
   */
  public static List<RetrievalResult> evaluate(
      PreparedData data,
      ConceptTables tables,
      boolean includeTest,
      Split split,
      List<float[][]> queries) {
    int slots = data.slots().size();
    List<Object[]> bankKeys = data.train().keys(tables.rows().train());
    List<Object[]> testKeys = includeTest ? data.test().keys(tables.rows().test()) : null;
    List<Object[]> queryKeys = split.keys(Batches.range(split.size()));
    List<RetrievalResult> results = new ArrayList<>();
    for (int t = 0; t < slots; t++) {
      KeyedBank bank =
          KeyedBank.of(
              tables.sharedTrain().get(t), bankKeys.get(t),
              includeTest ? tables.sharedTest().get(t) : null,
              includeTest ? testKeys.get(t) : null);
      if (bank == null) {
        continue;
      }
      for (int q = 0; q < slots; q++) {
        if (q == t) {
          continue;
        }
        score(
                data.slots().get(q).name(),
                data.slots().get(t).name(),
                queries.get(q),
                queryKeys.get(q),
                bank)
            .ifPresent(results::add);
      }
    }
    return results;
  }

  private static Optional<RetrievalResult> score(
      String query, String target, float[][] queries, Object[] keys, KeyedBank bank) {
    int judged = 0;
    int exact = 0;
    Map<String, Integer> attributeHits = new LinkedHashMap<>();
    boolean attributes = true;
    int[] nearest = bank.vectors.nearest(queries);
    for (int r = 0; r < queries.length; r++) {
      Object key = keys[r];
      if (key == null) {
        continue;
      }
      judged++;
      Object found = bank.keys.get(nearest[r]);
      if (Objects.equals(key, found)) {
        exact++;
      }
      if (key instanceof AttributeKey want && found instanceof AttributeKey got) {
        for (Map.Entry<String, String> a : want.attributes().entrySet()) {
          boolean hit = Objects.equals(a.getValue(), got.attributes().get(a.getKey()));
          attributeHits.merge(a.getKey(), hit ? 1 : 0, Integer::sum);
        }
      } else {
        attributes = false;
      }
    }
    if (judged == 0) {
      return Optional.empty();
    }
    Map<String, Double> perAttribute = new LinkedHashMap<>();
    OptionalDouble allAttributes = OptionalDouble.empty();
    if (attributes && !attributeHits.isEmpty()) {
      int all = 0;
      for (Map.Entry<String, Integer> a : attributeHits.entrySet()) {
        perAttribute.put(a.getKey(), a.getValue() / (double) judged);
        all += a.getValue();
      }
      allAttributes = OptionalDouble.of(all / (double) (judged * attributeHits.size()));
    }
    return Optional.of(
        new RetrievalResult(query, target, exact / (double) judged, perAttribute, allAttributes));
  }

  /** The bank rows that have a content key, with their keys. */
  private record KeyedBank(ConceptBank vectors, List<Object> keys) {

    static KeyedBank of(float[][] train, Object[] trainKeys, float[][] test, Object[] testKeys) {
      List<float[]> rows = new ArrayList<>();
      List<Object> keys = new ArrayList<>();
      add(train, trainKeys, rows, keys);
      if (test != null) {
        add(test, testKeys, rows, keys);
      }
      return rows.isEmpty()
          ? null
          : new KeyedBank(new ConceptBank(rows.toArray(float[][]::new)), keys);
    }

    private static void add(float[][] v, Object[] k, List<float[]> rows, List<Object> keys) {
      for (int i = 0; i < v.length; i++) {
        if (k[i] != null) {
          rows.add(v[i]);
          keys.add(k[i]);
        }
      }
    }
  }
}
