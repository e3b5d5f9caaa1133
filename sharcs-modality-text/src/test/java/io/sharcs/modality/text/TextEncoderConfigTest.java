package io.sharcs.modality.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.sharcs.api.InvalidConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextEncoderConfigTest {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private static TextEncoderConfig with(String field, Object value) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        MAPPER.valueToTree(TextEncoderConfig.DEFAULTS);
    tree.set(field, MAPPER.valueToTree(value));
    return MAPPER.treeToValue(tree, TextEncoderConfig.class);
  }

  @Test
  void defaultsAreTheReferenceClevrTextEncoder() {
    TextEncoderConfig d = io.sharcs.api.ModalityDefinition.of(new TextPlugin()).defaults();
    assertThat(d.representation()).isEqualTo("bag-of-words");
    assertThat(d.hidden()).containsExactly(48);
    assertThat(d.outputActivation()).isEqualTo("leaky-relu");
    assertThat(d.minTokenLength()).isEqualTo(2);
    assertThat(d.minCount()).isEqualTo(1);
    assertThat(d.maxSize()).isZero();
    assertThat(d.cell()).isEqualTo("gru");
    assertThat(d.sequence()).isFalse();
    assertThat(d.tokenizer()).isEqualTo(Tokenizer.DEFAULT);
    assertThat(io.sharcs.api.ModalityDefinition.of(new TextPlugin()).optionsType()).isEqualTo(TextEncoderConfig.class);
  }

  @Test
  void defaultsSerialiseToExactlyTheSnakeCaseKeysAndBindBack() throws Exception {
    JsonNode tree = MAPPER.valueToTree(TextEncoderConfig.DEFAULTS);
    List<String> keys = new ArrayList<>();
    tree.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrder(
        "representation", "hidden", "embedding_size", "cell", "recurrent_size", "layers",
        "output_activation", "min_token_length", "min_count", "max_size");
    assertThat(MAPPER.treeToValue(tree, TextEncoderConfig.class))
        .isEqualTo(TextEncoderConfig.DEFAULTS);
  }

  @Test
  void bindsTheSequenceOptionsFromSnakeCaseKeys() throws Exception {
    TextEncoderConfig c = MAPPER.readValue(
        "{\"representation\": \"sequence\", \"hidden\": [], \"embedding_size\": 16,"
            + " \"cell\": \"LSTM\", \"recurrent_size\": 24, \"layers\": 2,"
            + " \"output_activation\": \"none\", \"min_token_length\": 1, \"min_count\": 2,"
            + " \"max_size\": 100}",
        TextEncoderConfig.class);
    assertThat(c).isEqualTo(
        new TextEncoderConfig("sequence", List.of(), 16, "lstm", 24, 2, "none", 1, 2, 100));
    assertThat(c.sequence()).isTrue();
    assertThat(c.cell()).as("names are case-insensitive, stored lower case").isEqualTo("lstm");
    assertThatThrownBy(() -> with("vocabulary", 3))
        .hasMessageContaining("Unrecognized field \"vocabulary\"");
  }

  @Test
  void rejectsEveryFieldOutOfDomainNamingItInSnakeCase() {
    assertInvalid(() -> with("representation", "bow"), "representation",
        "got 'bow', expected one of bag-of-words, sequence");
    assertInvalid(() -> with("representation", null), "representation", "got null");
    assertInvalid(() -> with("hidden", List.of(48, 0)), "hidden", "got [48, 0], expected");
    assertInvalid(() -> with("hidden", null), "hidden", "got null");
    assertInvalid(() -> with("embedding_size", 0), "embedding_size", "got 0, expected");
    assertInvalid(() -> with("cell", "rnn"), "cell", "got 'rnn', expected one of gru, lstm");
    assertInvalid(() -> with("recurrent_size", -2), "recurrent_size", "got -2, expected");
    assertInvalid(() -> with("layers", 0), "layers", "got 0, expected");
    assertInvalid(() -> with("output_activation", "relu"), "output_activation",
        "got 'relu', expected one of leaky-relu, none");
    assertInvalid(() -> with("min_token_length", 0), "min_token_length", "got 0, expected");
    assertInvalid(() -> with("min_count", 0), "min_count", "got 0, expected");
    assertInvalid(() -> with("max_size", -1), "max_size", "got -1, expected an integer >= 0");
    assertThatThrownBy(() -> new TextEncoderConfig(
            "bag-of-words", Arrays.asList(4, null), 1, "gru", 1, 1, "none", 1, 1, 0))
        .isInstanceOfSatisfying(
            InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("hidden"));
  }

  @Test
  void hiddenIsCopied() {
    List<Integer> hidden = new ArrayList<>(List.of(3, 4));
    TextEncoderConfig c =
        new TextEncoderConfig("bag-of-words", hidden, 1, "gru", 1, 1, "none", 1, 1, 0);
    hidden.set(0, 99);
    assertThat(c.hidden()).containsExactly(3, 4);
  }

  private interface Build {
    Object run() throws Exception;
  }

  private static void assertInvalid(Build build, String field, String problem) {
    assertThatThrownBy(build::run)
        .satisfies(e -> {
          Throwable c = e;
          while (!(c instanceof InvalidConfigException) && c.getCause() != null) {
            c = c.getCause();
          }
          assertThat(c).isInstanceOf(InvalidConfigException.class);
          InvalidConfigException invalid = (InvalidConfigException) c;
          assertThat(invalid.field()).isEqualTo(field);
          assertThat(invalid.problem()).startsWith(problem);
        });
  }
}
