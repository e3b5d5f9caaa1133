package io.sharcs.api;

/**
 * Marker for a data set's options in the experiment file ({@code dataset:} block). Implement it
 * with a validating record; the runner binds it strictly.
 */
public interface DatasetConfig {}
