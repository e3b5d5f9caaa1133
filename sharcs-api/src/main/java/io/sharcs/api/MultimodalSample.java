package io.sharcs.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One sample of a multimodal data set.
 *
 * @param id a stable identifier used in error messages (for example the generator index or a
 *     file line)
 * @param label the class index in {@code [0, numClasses)}
 * @param inputs one raw input per modality name; a modality may be absent (no entry)
 * @param contentKeys where the data set knows it, a <em>semantic content key</em> per modality:
 *     two samples of different modalities show the same content when their keys are equal. The
 *     semantic regulariser pairs samples by these keys. Keys must implement {@code equals}.
 * @param counterparts <em>counterpart renderings</em>: {@code counterparts.get(m).get(a)} is the
 *     content of this sample's modality {@code m} rendered in modality {@code a} (XOR-AND-XOR:
 *     the table that describes the sample's graph). Used only by missing-modality evaluation and
 *     retrieval, never by the training loss.
 * @param localLabels where the data set has them, an <em>auxiliary label</em> per modality: what
 *     that modality's own content is (MNIST+Superpixels: the digit the graph shows, and the digit
 *     the image shows, whose sum is {@code label}). Indices into
 *     {@link MultimodalDataset#localClassNames()} of the modality. Used only by local supervision
 *     (a training phase with {@code loss: local}), never by evaluation.
 */
public record MultimodalSample(
    String id,
    int label,
    Map<String, Object> inputs,
    Map<String, Object> contentKeys,
    Map<String, Map<String, Object>> counterparts,
    Map<String, Integer> localLabels) {

  public MultimodalSample {
    Objects.requireNonNull(id, "id");
    inputs = Map.copyOf(inputs);
    contentKeys = contentKeys == null ? Map.of() : Map.copyOf(contentKeys);
    counterparts = counterparts == null ? Map.of() : copyNested(counterparts);
    localLabels = localLabels == null ? Map.of() : Map.copyOf(localLabels);
  }

  /** A sample without auxiliary labels. */
  public MultimodalSample(
      String id,
      int label,
      Map<String, Object> inputs,
      Map<String, Object> contentKeys,
      Map<String, Map<String, Object>> counterparts) {
    this(id, label, inputs, contentKeys, counterparts, Map.of());
  }

  /** The auxiliary label of {@code modality}'s own content, if the data set has one. */
  public OptionalInt localLabel(String modality) {
    Integer l = localLabels.get(modality);
    return l == null ? OptionalInt.empty() : OptionalInt.of(l);
  }

  /** The raw input of {@code modality}, if present. */
  public Optional<Object> input(String modality) {
    return Optional.ofNullable(inputs.get(modality));
  }

  /** The content key of {@code modality}, if the data set knows it. */
  public Optional<Object> contentKey(String modality) {
    return Optional.ofNullable(contentKeys.get(modality));
  }

  /** {@code missing}'s content rendered in modality {@code renderedIn}, if the data set has it. */
  public Optional<Object> counterpart(String missing, String renderedIn) {
    Map<String, Object> byModality = counterparts.get(missing);
    return byModality == null ? Optional.empty() : Optional.ofNullable(byModality.get(renderedIn));
  }

  private static Map<String, Map<String, Object>> copyNested(
      Map<String, Map<String, Object>> nested) {
    Map<String, Map<String, Object>> copy = new java.util.LinkedHashMap<>();
    nested.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    return Map.copyOf(copy);
  }
}
