package org.receivables.dunning.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example\")",
        "+33 1 23 45 67 89",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1"
      })
  void aLeadingFormulaCharacterIsNeutralized(String value) {
    String cell = CsvCell.of(value);
    String unquoted =
        cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
    assertThat(unquoted).isEqualTo("'" + value);
  }

  @Test
  void tabAndCarriageReturnAreGuardedAndCarriageReturnIsQuoted() {
    assertThat(CsvCell.of("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvCell.of("\rcmd")).isEqualTo("\"'\rcmd\"");
    assertThat(CsvCell.of("a\rb")).isEqualTo("\"a\rb\"");
  }

  @Test
  void plainValuesStayAsTheyAre() {
    assertThat(CsvCell.of("Dupont SARL")).isEqualTo("Dupont SARL");
    assertThat(CsvCell.of("a=b")).isEqualTo("a=b");
    assertThat(CsvCell.of("")).isEmpty();
    assertThat(CsvCell.of(null)).isEmpty();
  }

  @Test
  void separatorsQuotesAndLineBreaksAreQuoted() {
    assertThat(CsvCell.of("a;b")).isEqualTo("\"a;b\"");
    assertThat(CsvCell.of("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvCell.of("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(CsvCell.of("=a;b")).isEqualTo("\"'=a;b\"");
  }
}
