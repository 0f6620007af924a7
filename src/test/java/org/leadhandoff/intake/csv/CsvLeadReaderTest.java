package org.leadhandoff.intake.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.intake.csv.CsvRow.RowError;

class CsvLeadReaderTest {

  private static List<CsvRow> read(String csv) throws IOException {
    try (CSVParser parser = ImportRunner.FORMAT.parse(new StringReader(csv))) {
      CsvLeadReader reader = new CsvLeadReader(CsvColumns.of(parser.getHeaderNames()));
      return parser.stream().map(reader::read).toList();
    }
  }

  @Test
  @DisplayName(
      "columns are found by name in any case and spelling; attr: columns are attributes; others are ignored")
  void mapsColumnsByName() throws IOException {
    CsvColumns columns =
        CsvColumns.of(
            List.of(
                "E-Mail",
                "First Name",
                "surname",
                "Company Name",
                "Employees",
                "Job Title",
                "attr:existing-customer",
                "Notes"));

    assertThat(columns.hasEmail()).isTrue();
    assertThat(columns.columnOf("firstName")).isEqualTo("First Name");
    assertThat(columns.columnOf("companySize")).isEqualTo("Employees");
    assertThat(columns.ignored()).containsExactly("Notes");

    List<CsvRow> rows =
        read(
            """
            E-Mail,First Name,surname,Company Name,Employees,Job Title,attr:existing-customer,Notes
            ada@bigco.example,Ada,Lovelace,BigCo,"1,200",CTO,true,met at booth 12
            """);
    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.valid()).isTrue();
              assertThat(row.line()).isEqualTo(2);
              assertThat(row.contact().companySize()).isEqualTo(1200);
              assertThat(row.contact().attributes()).containsEntry("existing-customer", "true");
            });
  }

  @Test
  @DisplayName("a bad row names its line, the CSV column and the reason, as the JSON API would")
  void reportsBadRows() throws IOException {
    List<CsvRow> rows =
        read(
            """
            email,company size,country,consent
            ada@bigco.example,500,GB,yes
            not-an-email,many,United Kingdom,perhaps
            ,10,GB,no
            """);

    assertThat(rows.get(0).valid()).isTrue();
    assertThat(rows.get(0).contact().consent()).isTrue();
    assertThat(rows.get(1).line()).isEqualTo(3);
    assertThat(rows.get(1).errors())
        .containsExactlyInAnyOrder(
            new RowError("company size", "expected a whole number, got 'many'"),
            new RowError("consent", "expected yes or no, got 'perhaps'"),
            new RowError("country", "must be a two-letter ISO 3166 country code, like GB"),
            new RowError("email", "must be an email address like name@company.com"));
    assertThat(rows.get(2).errors()).containsExactly(new RowError("email", "is required"));
  }

  @Test
  @DisplayName("a row with more values than the header is refused, not silently cut")
  void inconsistentRow() throws IOException {
    List<CsvRow> rows = read("email,company\nada@bigco.example,BigCo,extra\n");

    assertThat(rows.getFirst().errors()).extracting(RowError::field).contains("row");
  }
}
