package io.sharcs.core.explain;

import io.sharcs.api.MultimodalDataset;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.eval.AnalysisRows;
import io.sharcs.core.eval.ConceptTables;
import io.sharcs.core.eval.MissingModalityEvaluator;
import io.sharcs.core.saved.LoadedModel;
import io.sharcs.core.saved.Prediction;
import java.util.List;

/**
 * The explanations of a saved model, computed again from its data set without training: the
 * same analysis rows, retrieval banks and predict path as the run that trained it, so the run
 * report can be rebuilt ({@code sharcs report}).
 */
public final class SavedModelExplanations {

  private SavedModelExplanations() {}

  /**
   * Explains {@code model} on {@code dataset} (the data set it was trained on).
   *
   * @throws io.sharcs.api.InvalidInputException if the data set's modalities or classes are not
   *     the model's
   */
  public static Explanations of(
      LoadedModel model, MultimodalDataset dataset, ExplanationBuilder.Options options) {
    LoadedModel.Analysis a = model.analyse(dataset);
    long seed = model.manifest().seed();
    boolean reference = Protocol.parse(model.manifest().protocol()) == Protocol.REFERENCE;
    int train = a.data().train().size();
    int test = a.data().test().size();
    AnalysisRows rows =
        reference ? AnalysisRows.referenceSubset(train, test, seed) : AnalysisRows.full(train, test);
    ConceptTables tables = ConceptTables.extract(a.inference(), a.data(), rows);
    List<float[][]> testShared =
        new MissingModalityEvaluator(a.inference(), a.data()).represent(a.data().test());
    int[] predicted =
        a.predictor().predictSplit(a.data().test()).stream().mapToInt(Prediction::label).toArray();
    return ExplanationBuilder.build(
        new ExplanationBuilder.Inputs(
            a.inference(), a.data(), tables, model.banks(), testShared, predicted, a.predictor(),
            a.inference().sharedSpace(), seed),
        options);
  }
}
