package io.sharcs.core.eval;

import io.sharcs.core.data.PreparedData;
import java.util.ArrayList;
import java.util.List;

/**
 * Local and shared concepts of every modality on the analysis rows, from one evaluation pass,
 * as the reference does (method spec 5.1): the retrieval banks and the concept metrics all read
 * these same values.
 *
 * @param rows the analysis rows
 * @param localTrain per slot, local concepts of the training rows
 * @param localTest per slot, local concepts of the test rows
 * @param sharedTrain per slot, shared concepts of the training rows
 * @param sharedTest per slot, shared concepts of the test rows
 * @param trainLabels labels of the training rows
 * @param testLabels labels of the test rows
 */
public record ConceptTables(
    AnalysisRows rows,
    List<float[][]> localTrain,
    List<float[][]> localTest,
    List<float[][]> sharedTrain,
    List<float[][]> sharedTest,
    int[] trainLabels,
    int[] testLabels) {

  /**
   * Evaluation passes over {@code rows} for every slot: one for the local and one for the shared
   * concepts, as an encoder that samples in evaluation mode (the reference protocol's) draws
   * its noise for each.
   */
  public static ConceptTables extract(Inference inference, PreparedData data, AnalysisRows rows) {
    return extract(inference, data, rows, false);
  }

  /**
   * As {@link #extract(Inference, PreparedData, AnalysisRows)}; with {@code onePass}, the local
   * and shared concepts come from one pass of each encoder, which gives the same tables when the
   * encoders are deterministic in evaluation mode (the clean protocol) in half the passes.
   */
  public static ConceptTables extract(
      Inference inference, PreparedData data, AnalysisRows rows, boolean onePass) {
    List<float[][]> localTrain = new ArrayList<>();
    List<float[][]> localTest = new ArrayList<>();
    List<float[][]> sharedTrain = new ArrayList<>();
    List<float[][]> sharedTest = new ArrayList<>();
    for (int m = 0; m < data.slots().size(); m++) {
      List<Object> train = data.train().inputs(m, rows.train());
      List<Object> test = data.test().inputs(m, rows.test());
      if (onePass) {
        List<float[][]> trainBoth = inference.localAndSharedConcepts(m, train);
        List<float[][]> testBoth = inference.localAndSharedConcepts(m, test);
        localTrain.add(trainBoth.get(0));
        localTest.add(testBoth.get(0));
        sharedTrain.add(trainBoth.get(1));
        sharedTest.add(testBoth.get(1));
      } else {
        localTrain.add(inference.localConcepts(m, train));
        localTest.add(inference.localConcepts(m, test));
        sharedTrain.add(inference.sharedConcepts(m, train));
        sharedTest.add(inference.sharedConcepts(m, test));
      }
    }
    return new ConceptTables(
        rows,
        List.copyOf(localTrain),
        List.copyOf(localTest),
        List.copyOf(sharedTrain),
        List.copyOf(sharedTest),
        data.train().labels(rows.train()),
        data.test().labels(rows.test()));
  }

  /**
   * Retrieval banks, one per slot: shared concepts of the training rows, plus those of the test
   * rows when {@code includeTest} (the reference's leak, kept for its protocol only). Entries are
   * named by their row number; {@link #banks(boolean, PreparedData)} names them by sample id.
   */
  public List<ConceptBank> banks(boolean includeTest) {
    return banks(includeTest, null);
  }

  /**
   * As {@link #banks(boolean)}, each entry carrying the id of its sample in {@code data} (the
   * data these tables were extracted from).
   */
  public List<ConceptBank> banks(boolean includeTest, PreparedData data) {
    List<ConceptBank> banks = new ArrayList<>();
    for (int m = 0; m < sharedTrain.size(); m++) {
      float[][] train = sharedTrain.get(m);
      float[][] rowsOfBank = train;
      if (includeTest) {
        float[][] test = sharedTest.get(m);
        rowsOfBank = new float[train.length + test.length][];
        System.arraycopy(train, 0, rowsOfBank, 0, train.length);
        System.arraycopy(test, 0, rowsOfBank, train.length, test.length);
      }
      banks.add(
          data == null
              ? new ConceptBank(rowsOfBank)
              : new ConceptBank(rowsOfBank, ids(data, includeTest)));
    }
    return banks;
  }

  private List<String> ids(PreparedData data, boolean includeTest) {
    List<String> ids = new ArrayList<>();
    for (int r : rows.train()) {
      ids.add(data.train().samples().get(r).id());
    }
    if (includeTest) {
      for (int r : rows.test()) {
        ids.add(data.test().samples().get(r).id());
      }
    }
    return ids;
  }
}
