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

  @Test
  @DisplayName(
      "for a German spreadsheet: semicolons, decimal commas, dates as Germans write them in the"
          + " reader's zone; for programs: commas, decimal points, ISO instants in UTC")
  void flavours() throws Exception {
    var german =
        CsvExport.Flavour.of(java.util.Locale.GERMAN, java.time.ZoneId.of("Europe/Berlin"));
    java.time.Instant at = java.time.Instant.parse("2026-12-07T23:30:00Z");
    java.io.StringWriter out = new java.io.StringWriter();
    try (var printer = CsvExport.printer(out, german, "Wert", "Zeit", "Tag", "Name")) {
      CsvExport.print(
          printer,
          german,
          java.util.Arrays.asList(0.4166666, at, java.time.LocalDate.of(2026, 12, 7), "=1+1"));
      CsvExport.print(printer, german, java.util.Arrays.asList(-3.5, null, null, "Léa"));
    }
    assertThat(out.toString().lines())
        .containsExactly(
            "Wert;Zeit;Tag;Name",
            // Past midnight in Berlin: the next day there.
            "0,4167;08.12.2026 00:30;07.12.2026;'=1+1",
            "-3,5;;;Léa");

    out = new java.io.StringWriter();
    try (var printer = CsvExport.printer(out, CsvExport.Flavour.API, "value", "at", "name")) {
      CsvExport.print(
          printer, CsvExport.Flavour.API, java.util.Arrays.asList(0.4166666, at, "=1+1"));
    }
    assertThat(out.toString().lines())
        .containsExactly("value,at,name", "0.4166666,2026-12-07T23:30:00Z,'=1+1");

    var english = CsvExport.Flavour.of(java.util.Locale.ENGLISH, null);
    assertThat(english.cell(at)).isEqualTo("2026-12-07 23:30");
    assertThat(english.cell(0.5)).isEqualTo("0.5");
  }
}
