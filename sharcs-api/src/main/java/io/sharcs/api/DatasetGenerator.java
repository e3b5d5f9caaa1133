package io.sharcs.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The optional capability of a {@link DatasetProvider} to write its data set into a folder
 * ({@code sharcs generate <id> --out DIR [--key value]...}). Options are bound strictly, by name,
 * into the record type {@link #optionsType()}: an unknown key or a value the record's constructor
 * rejects is a one-line error.
 *
 * @param <O> the record type of the generator's options
 */
public interface DatasetGenerator<O> {

  /** The record type of the options; command-line keys are its components in snake_case. */
  Class<O> optionsType();

  /**
   * The values used for options the command line leaves out, by snake_case key; options without
   * a default are required by the record's constructor.
   */
  Map<String, Object> defaults();

  /** One line per option for {@code sharcs generate --help}, e.g. {@code "--questions N: ..."}. */
  String usage();

  /**
   * What {@link #generate} will write and about what it will cost, printed before it starts as
   * {@code generating <plan> into <out>}, e.g. {@code 8,000 questions (4,000 scenes, about 88 MB,
   * about 26 s on 2 cores)}; empty (the default) when the generator cannot tell.
   *
   * @param options the bound options
   */
  default Optional<String> plan(O options) {
    return Optional.empty();
  }

  /**
   * How the provider reads back what {@link #generate} wrote: its options as snake_case keys,
   * over the provider's {@link DatasetProvider#defaultConfig() defaults}, with relative paths
   * resolved against the folder written (e.g. {@code {root: ".", scenes: scenes.json}}). {@code
   * sharcs generate} loads the data set with them and writes it as a data manifest ({@code
   * rows.csv}, {@code manifest.yaml}) beside the generated files, referencing the same files.
   * Default: the provider's defaults as they are. Empty: this generator's output is not also
   * written as a manifest (the one way to opt out).
   *
   * @param options the options {@link #generate} was called with
   */
  default Optional<Map<String, Object>> readBack(O options) {
    return Optional.of(Map.of());
  }

  /**
   * Writes the data set.
   *
   * @param options the bound options
   * @param out the folder to create (it must be absent or empty)
   * @return what was written, for the summary line, e.g. {@code "8000 questions about 4000 scenes"}
   * @throws InvalidInputException if {@code out} cannot be used
   */
  String generate(O options, Path out);
}
