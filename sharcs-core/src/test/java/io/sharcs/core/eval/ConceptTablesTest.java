package io.sharcs.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.model.SharcsNetwork;
import io.sharcs.core.fixtures.TwoVectorModalities;
import io.sharcs.core.fixtures.TwoViewXorData;
import org.junit.jupiter.api.Test;

class ConceptTablesTest {

  @Test
  void onePassPerEncoderGivesTheTablesOfTwoPasses() {
    // 700 training rows: more than one evaluation chunk of 512.
    PreparedData data =
        PreparedData.prepare(TwoViewXorData.generate(830, 700, 4), TwoVectorModalities.bindings());
    try (NDManager manager = NDManager.newBaseManager()) {
      SharcsNetwork net = TwoVectorModalities.network(data, manager, 23);
      Inference inference = new Inference(net, data, manager);
      AnalysisRows rows = AnalysisRows.full(700, 130);

      ConceptTables two = ConceptTables.extract(inference, data, rows);
      ConceptTables one = ConceptTables.extract(inference, data, rows, true);

      for (int m = 0; m < 2; m++) {
        assertThat(one.localTrain().get(m)).isDeepEqualTo(two.localTrain().get(m));
        assertThat(one.localTest().get(m)).isDeepEqualTo(two.localTest().get(m));
        assertThat(one.sharedTrain().get(m)).isDeepEqualTo(two.sharedTrain().get(m));
        assertThat(one.sharedTest().get(m)).isDeepEqualTo(two.sharedTest().get(m));
        assertThat(one.sharedTrain().get(m)).hasNumberOfRows(700);
      }
      // The shared concepts are not the local ones: both outputs were copied, not one twice.
      assertThat(java.util.Arrays.deepEquals(one.sharedTrain().get(0), one.localTrain().get(0)))
          .isFalse();
    }
  }
}
