package io.sharcs.runner.datasets.clevr;

import io.sharcs.api.DatasetConfig;
import io.sharcs.api.InvalidConfigException;

/**
 * Options of the {@code clevr} data set; in files {@code root}, {@code questions}, {@code images},
 * {@code scenes}, {@code train_fraction}, {@code statistics_modality} and {@code generate}.
 *
 * @param root the data folder; relative paths resolve against the experiment file's folder
 * @param questions the CLEVR question file inside {@code root}
 * @param images the image folder inside {@code root}
 * @param scenes an optional CLEVR scene file inside {@code root} (null: none); when given, the
 *     image content keys come from it, otherwise from the images' true questions
 * @param trainFraction the fraction of questions, in file order, that form the training split;
 *     in (0, 1)
 * @param statisticsModality whether to add the third modality {@code stats} (image statistics)
 * @param generate when given and {@code root} has no question file, the built-in scene generator
 *     writes a data set there first (null: never generate)
 */
public record ClevrConfig(
    String root,
    String questions,
    String images,
    String scenes,
    double trainFraction,
    boolean statisticsModality,
    Generate generate)
    implements DatasetConfig {

  /**
   * The values of the keys an experiment file may leave out. {@code root} has no default, so the
   * defaults are a partial config of their own type rather than a {@link ClevrConfig}.
   */
  public static final Defaults DEFAULTS = new Defaults("questions.json", "images", 0.8, false);

  public ClevrConfig {
    if (root == null || root.isBlank()) {
      throw new InvalidConfigException(
          "root", "missing, expected the CLEVR data folder (relative to the experiment file's"
              + " folder), e.g. --set dataset.root=path/to/clevr");
    }
    requireName("questions", questions);
    requireName("images", images);
    if (scenes != null && scenes.isBlank()) {
      throw new InvalidConfigException("scenes", "got an empty name, expected a file name or none");
    }
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new InvalidConfigException(
          "train_fraction", "got " + trainFraction + ", expected a number in (0, 1)");
    }
  }

  private static void requireName(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidConfigException(field, "missing, expected a name inside root");
    }
  }

  /**
   * The {@code generate} block: what the built-in generator writes when the data is absent.
   *
   * @param questions the number of questions (two per scene), in [2, {@link #MAX_QUESTIONS}]
   * @param seed the generator's seed (null: 0, so the data does not depend on the run's seed)
   * @param negatives the kind of false questions, {@code uniform} (null: the default, as real
   *     CLEVR) or {@code near}; see {@link ClevrNegatives}
   */
  public record Generate(Integer questions, Long seed, String negatives) {

    /**
     * The most questions one generation writes: 100,000 scenes, about 2.2 GB and, on 2 cores,
     * 10 minutes (see {@code docs/decisions.md}); a typo of 8000000 would otherwise render for
     * hours and fill the disk.
     */
    public static final int MAX_QUESTIONS = 200_000;

    /** A generate block with the default, CLEVR-like false questions. */
    public Generate(Integer questions, Long seed) {
      this(questions, seed, null);
    }

    public Generate {
      if (questions == null) {
        throw new InvalidConfigException(
            "questions", "missing, expected the number of questions to generate");
      }
      if (questions < 2) {
        throw new InvalidConfigException(
            "questions", "got " + questions + ", expected an integer >= 2");
      }
      if (questions > MAX_QUESTIONS) {
        throw new InvalidConfigException("questions", String.format(java.util.Locale.ROOT,
            "got %d, expected at most %d (%,d scenes, about %s)", questions, MAX_QUESTIONS, (MAX_QUESTIONS + 1) / 2,
            ClevrGenerator.bytes((MAX_QUESTIONS + 1) / 2 * ClevrGenerator.BYTES_PER_SCENE)));
      }
      seed = seed == null ? 0L : seed;
      negatives = negatives == null
          ? ClevrNegatives.UNIFORM.id()
          : ClevrNegatives.parse("negatives", negatives).id();
    }

    /** The kind of false questions. */
    public ClevrNegatives negativeKind() {
      return ClevrNegatives.parse("negatives", negatives);
    }
  }

  /**
   * The defaults of {@link ClevrConfig}: every option except {@code root}, {@code scenes} and
   * {@code generate}, which default to none.
   *
   * @param questions the question file name
   * @param images the image folder name
   * @param trainFraction the training fraction
   * @param statisticsModality whether the {@code stats} modality is added
   */
  public record Defaults(
      String questions, String images, double trainFraction, boolean statisticsModality)
      implements DatasetConfig {}
}
