package io.sharcs.runner.explain;

import io.sharcs.core.eval.ConceptBank;
import io.sharcs.core.eval.Retrieved;
import io.sharcs.core.saved.LoadedModel;
import io.sharcs.core.saved.Prediction;
import io.sharcs.runner.config.InputError;
import io.sharcs.runner.explain.SampleExplanation.ActiveConcept;
import io.sharcs.runner.explain.SampleExplanation.ClassProbability;
import io.sharcs.runner.explain.SampleExplanation.MissingModality;
import io.sharcs.runner.explain.SampleExplanation.Neighbour;
import io.sharcs.runner.explain.SampleExplanation.Neighbours;
import io.sharcs.runner.explain.SampleExplanation.PresentModality;
import io.sharcs.runner.explain.SampleExplanation.TreeWalk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Builds a {@link SampleExplanation} from a saved model's {@link Prediction} of one sample and the
 * run's saved explanations: the active concepts with their catalogue sentences, the retrieved
 * stand-ins, the {@value #TREE} tree's way over the combined concepts, and the nearest training
 * samples of every modality's bank.
 */
public final class SampleExplainer {

  /** The tree whose way is shown: short enough to read. */
  public static final String TREE = "depth3";

  /** How many nearest training samples per modality. */
  public static final int NEIGHBOURS = 3;

  /** The catalogue's concept set of the shared concepts. */
  static final String SHARED = "shared";

  private final LoadedModel model;
  private final SavedExplanations saved;
  private final String savedDisplay;

  /**
   * @param model the run's model
   * @param saved the run's explanations
   * @param savedDisplay the explanations file as the user would name it, for messages
   */
  public SampleExplainer(LoadedModel model, SavedExplanations saved, String savedDisplay) {
    this.model = model;
    this.saved = saved;
    this.savedDisplay = savedDisplay;
  }

  /**
   * Explains {@code prediction}, the model's prediction of one sample.
   *
   * @param sample the sample's id, or null for a new sample
   * @param origin where it comes from ({@code train}, {@code test}, an input file)
   * @param trueClass its class name in the data set, or null
   * @throws InputError when the explanations' tree does not fit the model's concepts
   */
  public SampleExplanation explain(
      Prediction prediction, String sample, String origin, String trueClass) {
    List<String> modalities = model.modalities();
    double[] p = prediction.probabilities();
    List<ClassProbability> probabilities = new ArrayList<>();
    for (int c = 0; c < p.length; c++) {
      probabilities.add(new ClassProbability(model.classNames().get(c), p[c]));
    }
    List<PresentModality> present = new ArrayList<>();
    List<MissingModality> missing = new ArrayList<>();
    List<float[]> combined = new ArrayList<>();
    for (int m = 0; m < modalities.size(); m++) {
      String name = modalities.get(m);
      Retrieved r = prediction.retrieved().get(name);
      if (r != null) {
        missing.add(new MissingModality(name, r.sampleId(), r.row(), r.distance()));
        combined.add(model.banks().get(m).get(r.row()));
      } else {
        float[] shared = prediction.shared().get(name);
        present.add(new PresentModality(
            name,
            active(prediction.local().get(name), name, name + "."),
            saved.sharedSpace() ? active(shared, SHARED, name + ":shared.") : List.of()));
        combined.add(shared);
      }
    }
    TreeWalk walk = saved.tree(TREE).map(t -> walk(t, combined, prediction.className()))
        .orElse(null);
    return new SampleExplanation(
        sample, origin, trueClass, prediction.className(), probabilities, saved.sharedSpace(),
        present, missing, walk, neighbours(prediction, modalities));
  }

  /** The concepts above 0.5 of one vector, with their sentences from catalogue set {@code set}. */
  private List<ActiveConcept> active(float[] values, String set, String prefix) {
    List<ActiveConcept> out = new ArrayList<>();
    for (int j = 0; j < values.length; j++) {
      if (values[j] > SavedTree.ON) {
        out.add(new ActiveConcept(
            prefix + j, j, values[j], saved.sentence(set, j).orElse("")));
      }
    }
    return out;
  }

  private TreeWalk walk(SavedTree tree, List<float[]> combined, String predicted) {
    int width = combined.stream().mapToInt(v -> v.length).sum();
    if (width != tree.features().size()) {
      throw new InputError(savedDisplay, "trees." + tree.name() + ".features",
          tree.features().size() + " features, but the model gives " + width
              + " combined concepts; expected the explanations of this run's model");
    }
    float[] values = new float[width];
    int at = 0;
    for (float[] v : combined) {
      System.arraycopy(v, 0, values, at, v.length);
      at += v.length;
    }
    SavedTree.Path path = tree.walk(values);
    return new TreeWalk(
        tree.name(), path.steps(), path.leaf(), path.predicted(), path.predicted().equals(predicted));
  }

  /**
   * Per modality, the {@value #NEIGHBOURS} bank entries nearest to the sample's concepts of that
   * modality, or of its first present modality when it lacks that one (the shared space makes the
   * modalities comparable).
   */
  private List<Neighbours> neighbours(Prediction prediction, List<String> modalities) {
    String first = prediction.shared().keySet().iterator().next();
    List<Neighbours> out = new ArrayList<>();
    for (int m = 0; m < modalities.size(); m++) {
      String name = modalities.get(m);
      String query = prediction.shared().containsKey(name) ? name : first;
      out.add(new Neighbours(
          name, query, nearest(model.banks().get(m), prediction.shared().get(query))));
    }
    return out;
  }

  /** The nearest entries by Euclidean distance; ties go to the lower row. */
  static List<Neighbour> nearest(ConceptBank bank, float[] query) {
    double[] d = new double[bank.size()];
    for (int i = 0; i < d.length; i++) {
      float[] v = bank.get(i);
      double sum = 0;
      for (int j = 0; j < v.length; j++) {
        double diff = v[j] - query[j];
        sum += diff * diff;
      }
      d[i] = Math.sqrt(sum);
    }
    return IntStream.range(0, d.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> d[i]).thenComparingInt(i -> i))
        .limit(NEIGHBOURS)
        .map(i -> new Neighbour(bank.id(i), d[i]))
        .toList();
  }
}
