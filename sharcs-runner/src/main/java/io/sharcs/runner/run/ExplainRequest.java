package io.sharcs.runner.run;

/**
 * What {@code sharcs explain} was asked: exactly one of {@code sample} and {@code input}.
 *
 * @param run the run folder (or its model folder) as the user named it
 * @param sample the id of a sample of the run's data set, or null
 * @param input the JSON file of a new sample as the user named it, or null
 * @param json whether to print one JSON object instead of text
 * @param html the HTML page to write as the user named it, or null for none
 */
public record ExplainRequest(String run, String sample, String input, boolean json, String html) {}
