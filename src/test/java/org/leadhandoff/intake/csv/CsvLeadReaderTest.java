package org.leadhandoff.intake.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.intake.csv.CsvRow.RowError;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Why;

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
  @DisplayName(
      "a bad email rejects the row with its line, column and reason; a value that cannot be read is left out with a warning and the row stays")
  void reportsBadRows() throws IOException {
    List<CsvRow> rows =
        read(
            """
            email,company size,country,consent
            ada@bigco.example,500,GB,yes
            not-an-email,many,United Kingdom,perhaps
            ,10,GB,no
            eve@bigco.example,"10,001+",Atlantis,x
            """);

    assertThat(rows.get(0).valid()).isTrue();
    assertThat(rows.get(0).contact().consent()).isTrue();
    assertThat(rows.get(1).line()).isEqualTo(3);
    assertThat(rows.get(1).errors()).containsExactly(new RowError("email", Why.of("RULE_EMAIL")));
    assertThat(rows.get(1).errors().getFirst().reason())
        .isEqualTo("must be an email address like name@company.com");
    assertThat(rows.get(1).warnings())
        .containsExactlyInAnyOrder(
            new RowError("company size", Why.of("CSV_NOT_A_NUMBER", "text", "many")),
            new RowError("consent", Why.of("CSV_NOT_YES_OR_NO", "text", "perhaps")));
    assertThat(rows.get(1).warnings())
        .extracting(RowError::reason)
        .containsExactlyInAnyOrder(
            "expected a number like 250, or a range like 51-200 or 10,001+, got 'many';"
                + " imported without it",
            "expected yes or no, got 'perhaps'; imported without it");
    assertThat(rows.get(2).errors())
        .containsExactly(new RowError("email", Why.of("RULE_REQUIRED")));
    assertThat(rows.get(2).errors().getFirst().reason()).isEqualTo("is required");
    CsvRow kept = rows.get(3);
    assertThat(kept.valid()).isTrue();
    assertThat(kept.contact().companySize()).isEqualTo(10_001);
    assertThat(kept.contact().country()).isNull();
    assertThat(kept.contact().consent()).isTrue();
    assertThat(kept.warnings())
        .containsExactly(new RowError("country", Why.of("CSV_NOT_A_COUNTRY", "text", "Atlantis")));
    assertThat(kept.warnings().getFirst().reason())
        .isEqualTo("'Atlantis' is no country we know; imported without a country");
    assertThat(new MessageCatalogue().explain(Locale.GERMAN, kept.warnings().getFirst().why()))
        .isEqualTo("„Atlantis“ ist kein Land, das wir kennen; ohne Land importiert");
  }

  @Test
  @DisplayName(
      "employee counts as exports write them: 1,200 and 1.200, ranges by their middle, open ranges by their bottom")
  void employeeCounts() {
    assertThat(CsvLeadReader.count("1,200")).isEqualTo(1200);
    assertThat(CsvLeadReader.count("1.200")).isEqualTo(1200);
    assertThat(CsvLeadReader.count("250")).isEqualTo(250);
    assertThat(CsvLeadReader.count("51-200")).isEqualTo(125);
    assertThat(CsvLeadReader.count("1,001 - 5,000")).isEqualTo(3000);
    assertThat(CsvLeadReader.count("5001 to 10000")).isEqualTo(7500);
    assertThat(CsvLeadReader.count("10,001+")).isEqualTo(10_001);
    assertThat(CsvLeadReader.count("500 or more")).isEqualTo(500);
    assertThat(CsvLeadReader.count("51-200 employees")).isEqualTo(125);
    assertThat(CsvLeadReader.count("10,001+ Mitarbeiter")).isEqualTo(10_001);
    assertThat(CsvLeadReader.count("12.5")).isNull();
    assertThat(CsvLeadReader.count("200-51")).isNull();
    assertThat(CsvLeadReader.count("many")).isNull();
  }

  @Test
  @DisplayName(
      "an opt-out column is read as the opposite of consent; a consent column wins over it")
  void optOut() throws IOException {
    List<CsvRow> rows =
        read(
            """
            Email,Email Opt Out
            ada@bigco.example,true
            bob@bigco.example,false
            """);

    assertThat(rows).extracting(r -> r.contact().consent()).containsExactly(false, true);
    assertThat(
            read("Email,Consent,Unsubscribed\nada@bigco.example,yes,yes\n")
                .getFirst()
                .contact()
                .consent())
        .isTrue();
  }

  @Test
  @DisplayName("a row with more values than the header is refused, not silently cut")
  void inconsistentRow() throws IOException {
    List<CsvRow> rows = read("email,company\nada@bigco.example,BigCo,extra\n");

    assertThat(rows.getFirst().errors()).extracting(RowError::field).contains("row");
  }

  @Test
  @DisplayName(
      "a full-name column gives first and last name where the file has no columns for them; yes"
          + " and no in German, French and other languages are consent")
  void fullNameAndConsentWords() throws IOException {
    List<CsvRow> rows =
        read(
            """
            Email,Person - Name,Einwilligung
            ada@bigco.example,Ada King Lovelace,ja
            bob@bigco.example,Builder,nein
            cy@bigco.example,,oui
            """);
    assertThat(rows.get(0).contact().firstName()).isEqualTo("Ada King");
    assertThat(rows.get(0).contact().lastName()).isEqualTo("Lovelace");
    assertThat(rows.get(0).contact().consent()).isTrue();
    assertThat(rows.get(1).contact().firstName()).isNull();
    assertThat(rows.get(1).contact().lastName()).isEqualTo("Builder");
    assertThat(rows.get(1).contact().consent()).isFalse();
    assertThat(rows.get(2).contact().consent()).isTrue();
    assertThat(rows).allSatisfy(r -> assertThat(r.warnings()).isEmpty());

    List<CsvRow> both = read("Email,Name,First Name\nada@bigco.example,Ada Lovelace,Augusta\n");
    assertThat(both.get(0).contact().firstName()).isEqualTo("Augusta");
    assertThat(both.get(0).contact().lastName()).isEqualTo("Lovelace");
  }
}
