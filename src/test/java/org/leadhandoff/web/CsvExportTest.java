package org.leadhandoff.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvExportTest {

  @Test
  @DisplayName("a cell that a spreadsheet would run as a formula is kept as text")
  void formulasBecomeText() {
    assertThat(CsvExport.safe("=HYPERLINK(\"http://evil.example\",\"click\")"))
        .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
    assertThat(CsvExport.safe("+1+cmd|' /C calc'!A0")).startsWith("'+");
    assertThat(CsvExport.safe("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvExport.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvExport.safe("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvExport.safe("\r=1")).isEqualTo("'\r=1");
  }

  @Test
  @DisplayName("names, numbers (negative ones too) and empty cells stay as they are")
  void dataStaysData() {
    assertThat(CsvExport.safe("Ada Lovelace")).isEqualTo("Ada Lovelace");
    assertThat(CsvExport.safe(42)).isEqualTo("42");
    assertThat(CsvExport.safe(-0.25)).isEqualTo("-0.25");
    assertThat(CsvExport.safe("-10")).isEqualTo("-10");
    assertThat(CsvExport.safe(null)).isEmpty();
    assertThat(CsvExport.safe("a=b")).isEqualTo("a=b");
  }
}
