package io.sharcs.modality.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sharcs.api.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvColumnsTest {

  @TempDir Path dir;

  private Path csv(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsNamedColumnsInTheRequestedOrder() throws IOException {
    Path file = csv("t.csv", "id,x,y,z\nr1,1,2,3\nr2,-4.5,5e1,6\n\nr3,7,8,9\n");
    List<TabularSample> rows = CsvColumns.read(file, List.of("z", "x"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).values()).containsExactly(3f, 1f);
    assertThat(rows.get(1).values()).containsExactly(6f, -4.5f);
    assertThat(rows.get(2).values()).containsExactly(9f, 7f);
    // a column may be read twice
    assertThat(CsvColumns.read(file, List.of("y", "y")).get(1).values()).containsExactly(50f, 50f);
  }

  @Test
  void handlesQuotedFieldsWithCommasAndEscapedQuotes() throws IOException {
    Path file =
        csv(
            "q.csv",
            "\"name, full\",\"a\",b\n"
                + "\"Smith, \"\"J\"\"\",\"1.5\",2\n"
                + "plain,\" 3 \",4\n");
    List<TabularSample> rows = CsvColumns.read(file, List.of("b", "a"));
    assertThat(rows.get(0).values()).containsExactly(2f, 1.5f);
    assertThat(rows.get(1).values()).containsExactly(4f, 3f);
    // the quoted header name is found, and its quoted value is unescaped in the message
    assertThatThrownBy(() -> CsvColumns.read(file, List.of("name, full")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(":2: column 'name, full' is 'Smith, \"J\"'");
    assertThat(CsvColumns.split("\"Smith, \"\"J\"\"\",x,,\"\""))
        .containsExactly("Smith, \"J\"", "x", "", "");
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("nope.csv");
    assertThatThrownBy(() -> CsvColumns.read(file, List.of("a")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not found");
  }

  @Test
  void anEmptyFileIsRejected() throws IOException {
    Path file = csv("empty.csv", "");
    assertThatThrownBy(() -> CsvColumns.read(file, List.of("a")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("header");
  }

  @Test
  void anUnknownColumnIsNamedWithTheAvailableOnes() throws IOException {
    Path file = csv("t.csv", "x,y\n1,2\n");
    assertThatThrownBy(() -> CsvColumns.read(file, List.of("x", "w")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("column 'w' not in header")
        .hasMessageContaining("[x, y]");
  }

  @Test
  void aShortLineIsNamedByFileAndLineNumber() throws IOException {
    Path file = csv("t.csv", "x,y,z\n1,2,3\n4,5\n");
    assertThatThrownBy(() -> CsvColumns.read(file, List.of("x")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ":3: ")
        .hasMessageContaining("found 2 fields, expected 3");
  }

  @Test
  void blankLinesStillCountForLineNumbers() throws IOException {
    Path file = csv("t.csv", "x,y\n1,2\n\n3,oops\n");
    assertThatThrownBy(() -> CsvColumns.read(file, List.of("x", "y")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ":4: ");
  }

  @Test
  void aNonNumericValueIsNamedByFileLineAndColumn() throws IOException {
    Path file = csv("t.csv", "x,y\n1,2\n3,abc\n");
    assertThatThrownBy(() -> CsvColumns.read(file, List.of("x", "y")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ":3: ")
        .hasMessageContaining("column 'y' is 'abc'")
        .hasMessageContaining("expected a finite number")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void nonFiniteAndEmptyValuesAreRejected() throws IOException {
    for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "", "1e999"}) {
      Path file = csv("t.csv", "x,y\n1," + bad + "\n");
      assertThatThrownBy(() -> CsvColumns.read(file, List.of("y")))
          .as("value '%s'", bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(file + ":2: column 'y' is '" + bad + "'");
    }
    // a bad value in a column that is not read does not matter
    Path file = csv("u.csv", "x,y\n1,abc\n");
    assertThat(CsvColumns.read(file, List.of("x")).get(0).values()).containsExactly(1f);
  }
}
