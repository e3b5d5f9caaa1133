package io.sharcs.runner.datasets.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One decoded manifest row: each value is the JSON value the modality's plugin reads.
 *
 * @param line the row's line in the file (1-based; a CSV header is line 1)
 * @param id the id (the id column, or the row number)
 * @param label the label as written, or null when the cell is empty
 * @param split the split column's value as written, or null without a split column
 * @param inputs per modality with a value, in slot order; an empty modality has no entry
 * @param keys per modality, its content key when given: the text as written, or the attributes
 *     ({@link AttributeValues})
 * @param counterparts per missing modality, per modality rendered in, the rendering
 * @param localLabels per modality of {@code local_labels} whose cell is not empty, its local
 *     label as written
 */
public record ManifestRow(
    long line,
    String id,
    String label,
    String split,
    Map<String, JsonNode> inputs,
    Map<String, Object> keys,
    Map<String, Map<String, JsonNode>> counterparts,
    Map<String, String> localLabels) {}
