package io.sharcs.api;

/**
 * The form of the JSON value a plugin's {@link SampleReader} takes, declared by the plugin with
 * {@link ModalitySetup#samples(Class, SampleReader, SampleForm)}. It tells a program that writes a
 * data set to files (a data manifest, {@code sharcs generate}) how to store the values handed to
 * that reader, which the value alone cannot: a string may be a text or the path of a file.
 */
public enum SampleForm {

  /** A list of numbers of one width for every sample (a table row): numeric columns. */
  NUMBERS,

  /** A string that is the sample itself (a text): one column. */
  TEXT,

  /**
   * A string that is the path of a file holding the sample (an image): the file is kept (copied
   * when it lies outside the written folder) and its relative path goes in one column. A plugin
   * of this form may also read a sample given inline as a JSON object (the image plugin's
   * rasters); a column whose values are such objects is stored as {@link #JSON} documents.
   */
  FILE,

  /**
   * Any JSON value (a graph): one JSON document per sample. The form of a plugin that declares
   * none, since every JSON value can be stored so and read back unchanged.
   */
  JSON
}
