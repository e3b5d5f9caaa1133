package io.sharcs.api;

import java.util.Map;

/**
 * A semantic content key made of named attributes, for example CLEVR's size, colour, material
 * and shape. Data sets whose content keys implement this get cross-modal retrieval scored per
 * attribute as well as overall. Implementations must define {@code equals} over the attributes.
 */
public interface AttributeKey {

  /** The attributes, name to value, in a stable order (the order metrics are listed in). */
  Map<String, String> attributes();
}
