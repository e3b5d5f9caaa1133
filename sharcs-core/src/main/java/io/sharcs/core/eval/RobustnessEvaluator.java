package io.sharcs.core.eval;

import io.sharcs.core.data.PreparedData;
import io.sharcs.core.data.PreparedData.Split;
import io.sharcs.core.config.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import io.sharcs.core.data.Batches;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Robustness tests (method spec 5.6), in evaluation mode, for each modality m:
 *
 * <ul>
 *   <li><b>noise</b>: Gaussian noise on m's local concepts (after the concept layer's sigmoid),
 *       clamped to [0, 1]; the rest of the forward pass (shared concept space, predictor f) runs
 *       on them, every other modality keeps its own concepts. Metric {@code
 *       robustness.noise.<m>}.
 *   <li><b>interventions</b>: from the same noisy shared concepts, per test batch a random set of
 *       concept indices of m's slot is replaced by the clean shared concepts ({@code
 *       robustness.intervention_clean.<m>}) or by the vector missing-modality retrieval finds for
 *       m ({@code robustness.intervention_retrieved.<m>}) before f.
 * </ul>
 *
 * <p>Without a shared space (multi-CBM) the "shared" concepts are the local ones, as in the
 * reference. Accuracies are over the whole split. The noise of each modality and the index sets
 * come from streams derived from the run seed; the index set of a batch is the same for every
 * modality, as in the reference.
 */
public final class RobustnessEvaluator {

  /** The reference's noise standard deviation on local concepts. */
  public static final double REFERENCE_NOISE_STD = 0.25;

  private final Inference inference;
  private final PreparedData data;
  private final Settings settings;

  /**
   * How the robustness tests are run.
   *
   * @param noiseStd standard deviation of the Gaussian noise on local concepts
   * @param interventions how many concept indices are replaced per batch (at most k)
   * @param batchSize rows per intervention batch (each batch draws its own indices)
   * @param seed the run's master seed
   */
  public record Settings(double noiseStd, int interventions, int batchSize, long seed) {

    public Settings {
      if (!(noiseStd >= 0) || Double.isInfinite(noiseStd)) {
        throw new IllegalArgumentException("noiseStd must be finite and >= 0, got " + noiseStd);
      }
      if (interventions < 0) {
        throw new IllegalArgumentException("interventions must be >= 0, got " + interventions);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
      }
    }

    /** The reference's settings: noise std 0.25 and floor(k/2) interventions per batch. */
    public static Settings reference(int concepts, int batchSize, long seed) {
      return new Settings(REFERENCE_NOISE_STD, concepts / 2, batchSize, seed);
    }
  }

  public RobustnessEvaluator(Inference inference, PreparedData data, Settings settings) {
    this.inference = inference;
    this.data = data;
    this.settings = settings;
  }

  /**
   * @param banks one retrieval bank per slot, the ones the missing-modality metric uses
   * @param split the samples to evaluate (the test split)
   * @return per modality, in slot order, its results
   */
  public List<RobustnessResult> evaluate(List<ConceptBank> banks, Split split) {
    int slots = data.slots().size();
    int n = split.size();
    int[] all = Batches.range(n);
    int[] labels = split.labels();
    // One pass for the local concepts: clean and noisy shared concepts derive from the same
    // values, so under stochastic concepts (reference protocol) they differ by the noise only.
    List<float[][]> local = new ArrayList<>(slots);
    List<float[][]> clean = new ArrayList<>(slots);
    for (int m = 0; m < slots; m++) {
      local.add(inference.localConcepts(m, split.inputs(m, all)));
      clean.add(inference.sharedFromLocal(m, local.get(m)));
    }
    int k = clean.get(0)[0].length;
    if (settings.interventions() > k) {
      throw new IllegalArgumentException(
          "interventions must be <= the number of concepts " + k + ", got "
              + settings.interventions());
    }
    List<int[]> batches = Batches.chunks(all, settings.batchSize());
    SplittableRandom indexRng =
        new SplittableRandom(Seeds.derive(settings.seed(), "robustness-interventions"));
    List<int[]> chosen = new ArrayList<>(batches.size());
    for (int b = 0; b < batches.size(); b++) {
      chosen.add(interventionIndices(k, settings.interventions(), indexRng));
    }
    MissingModalityEvaluator retrieval = new MissingModalityEvaluator(inference, data);
    List<RobustnessResult> results = new ArrayList<>(slots);
    for (int m = 0; m < slots; m++) {
      String name = data.slots().get(m).name();
      SplittableRandom noiseRng =
          new SplittableRandom(Seeds.derive(settings.seed(), "robustness-noise/" + name));
      float[][] noisy =
          inference.sharedFromLocal(m, withNoise(local.get(m), settings.noiseStd(), noiseRng));
      float[][] retrieved = retrieval.retrieve(m, banks.get(m), split, clean);
      double noise = accuracyWith(clean, m, noisy, labels);
      double interventionClean =
          accuracyWith(clean, m, intervene(noisy, clean.get(m), batches, chosen), labels);
      double interventionRetrieved =
          accuracyWith(clean, m, intervene(noisy, retrieved, batches, chosen), labels);
      results.add(new RobustnessResult(name, noise, interventionClean, interventionRetrieved));
    }
    return results;
  }

  /**
   * {@code count} distinct concept indices in [0, k), drawn without replacement (a partial
   * Fisher-Yates shuffle), in ascending order.
   */
  public static int[] interventionIndices(int k, int count, SplittableRandom rng) {
    if (count < 0 || count > k) {
      throw new IllegalArgumentException("need 0 <= count <= k, got count " + count + ", k " + k);
    }
    int[] pool = Batches.range(k);
    for (int i = 0; i < count; i++) {
      int j = i + rng.nextInt(k - i);
      int t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    int[] out = Arrays.copyOf(pool, count);
    Arrays.sort(out);
    return out;
  }

  /** A copy of {@code concepts} plus N(0, std^2) noise per value, clamped to [0, 1]. */
  public static float[][] withNoise(float[][] concepts, double std, SplittableRandom rng) {
    float[][] out = new float[concepts.length][];
    for (int r = 0; r < concepts.length; r++) {
      float[] row = new float[concepts[r].length];
      for (int j = 0; j < row.length; j++) {
        double v = concepts[r][j] + std * rng.nextGaussian();
        row[j] = (float) Math.min(1.0, Math.max(0.0, v));
      }
      out[r] = row;
    }
    return out;
  }

  /** A copy of {@code base} whose chosen columns, batch by batch, come from {@code source}. */
  private static float[][] intervene(
      float[][] base, float[][] source, List<int[]> batches, List<int[]> chosen) {
    float[][] out = new float[base.length][];
    for (int b = 0; b < batches.size(); b++) {
      int[] columns = chosen.get(b);
      for (int r : batches.get(b)) {
        out[r] = base[r].clone();
        for (int j : columns) {
          out[r][j] = source[r][j];
        }
      }
    }
    return out;
  }

  private double accuracyWith(List<float[][]> clean, int slot, float[][] replaced, int[] labels) {
    List<float[][]> input = new ArrayList<>(clean);
    input.set(slot, replaced);
    return inference.accuracy(input, labels);
  }
}
