package io.sharcs.modality.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationBatchLimitTest {

  private static int limit(ImageEncoderConfig config) {
    return new ImagePreprocessor(config, "test").evaluationBatchLimit();
  }

  @Test
  void theFirstConvolutionsOutputStaysWithinTheBudget() {
    ImageEncoderConfig clevr = new ImageEncoderConfig(
        64, 64, 3, List.of(), List.of(), List.of(8, 16, 32), 3, "max", true, 0, "max", List.of(),
        0, false, null, false, null);
    // 8 x 64 x 64 floats an image: 128 KB; 12 MB hold 96.
    assertThat(limit(clevr)).isEqualTo(96);
    // 16 x 28 x 28 floats a digit.
    assertThat(limit(ImageEncoderConfig.REFERENCE_MNIST)).isEqualTo(250);
    assertThat(limit(ImageEncoderConfig.DEFAULTS)).isEqualTo(170);
    ImageEncoderConfig huge = new ImageEncoderConfig(
        4096, 4096, 3, List.of(), List.of(), List.of(64), 3, "max", true, 0, "max", List.of(),
        0, false, null, false, null, 1L << 26);
    assertThat(limit(huge)).isEqualTo(1);
  }
}
