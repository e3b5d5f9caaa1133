package io.sharcs.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochHistoryTest {

  private static final String FIXED =
      "epoch,loss,d,train_accuracy,test_accuracy,test_accuracy_mode,seconds";

  @Test
  void aHistoryWithoutLocalTestColumnsReadsBackAsItWas() {
    // As the reference protocol and runs before the local test column write it.
    List<String> lines = List.of(
        FIXED + ",local_loss.g,local_accuracy.g",
        "1,0.5,0.1,0.6,0.55,train,1.2000,0.7,0.4",
        "2,0.4,0.1,0.7,0.65,train,1.1000,,");
    EpochHistory h = EpochHistory.parse(lines);

    assertThat(h.rows().get(0).local("g").accuracy()).isEqualTo(0.4);
    assertThat(h.rows().get(0).localTest("g")).isNull();
    assertThat(h.rows().get(1).local("g")).isNull();
    assertThat(h.lines()).isEqualTo(lines);
  }

  @Test
  void localTestColumnsFollowTheirHeadsAndMayBeMissingForSomeHeads() {
    List<String> lines = List.of(
        FIXED + ",local_loss.g,local_accuracy.g,local_test_accuracy.g,local_loss.i,"
            + "local_accuracy.i",
        "1,0.5,0.1,0.6,0.55,eval,1.2000,0.7,0.4,0.35,0.2,0.9",
        "2,0.4,0.1,0.7,0.65,eval,1.1000,,,,,");
    EpochHistory h = EpochHistory.parse(lines);

    assertThat(h.rows().get(0).localTest("g")).isEqualTo(0.35);
    assertThat(h.rows().get(0).localTest("i")).isNull();
    assertThat(h.rows().get(0).local("i").accuracy()).isEqualTo(0.9);
    assertThat(h.lines()).isEqualTo(lines);
  }

  @Test
  void aLocalColumnWithoutItsPartnerIsNotAHistory() {
    assertThatThrownBy(() -> EpochHistory.parse(List.of(FIXED + ",local_loss.g,local_accuracy.h")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("line 1 is not a history header, expected " + FIXED
            + " and per local head local_loss.<m>,local_accuracy.<m> (and"
            + " local_test_accuracy.<m>)");
    assertThatThrownBy(() -> EpochHistory.parse(List.of(FIXED + ",local_loss.g")))
        .isInstanceOf(InvalidInputException.class);
  }
}
