package io.sharcs.core.explain;

import io.sharcs.api.Rendering;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sample as a person sees it: its id, label, content keys and each modality drawn by its
 * plugin.
 *
 * @param ref where the sample is
 * @param id the data set's sample id
 * @param label its class
 * @param className that class's name
 * @param keys per modality (slot order), its content key as text, where the data set has one
 * @param renderings per modality (slot order), the plugin's rendering
 */
public record SampleView(
    SampleRef ref,
    String id,
    int label,
    String className,
    Map<String, String> keys,
    Map<String, Rendering> renderings) {

  public SampleView {
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    renderings = Collections.unmodifiableMap(new LinkedHashMap<>(renderings));
  }
}
