package io.sharcs.api;

/**
 * Marker for a plugin's encoder options. Implement it with a record whose compact constructor
 * validates every field and throws {@link InvalidConfigException} naming the field. The runner
 * binds it strictly (unknown keys are errors) over the defaults given to {@link
 * ModalitySetup#options}; in files, record component {@code negativeSlope} is written {@code
 * negative_slope}, and a component of type {@link java.nio.file.Path} is resolved against the
 * experiment file's folder.
 */
public interface EncoderConfig {}
