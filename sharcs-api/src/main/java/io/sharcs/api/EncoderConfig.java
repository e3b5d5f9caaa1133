package io.sharcs.api;

/**
 * Marker for a plugin's encoder options. Implement it with a record whose compact constructor
 * validates every field and throws {@link InvalidConfigException} naming the field. The runner
 * binds it strictly (unknown keys are errors) over {@link ModalityPlugin#defaultEncoderConfig()};
 * in files, record component {@code negativeSlope} is written {@code negative_slope}.
 */
public interface EncoderConfig {}
