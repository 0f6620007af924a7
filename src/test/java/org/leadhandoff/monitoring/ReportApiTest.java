package org.leadhandoff.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.support.Contacts;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The report API as a client uses it: exports, drill-downs, and bad requests answered 400. */
@EmbeddedEngineTest
class ReportApiTest {

  @Autowired MockMvc http;
  @Autowired LeadStore store;

  /** The download without its byte order mark, which Excel needs to read UTF-8. */
  private String body(String url) throws Exception {
    String csv =
        http.perform(get(url))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF");
    return csv.substring(1);
  }

  @Test
  @DisplayName("the lead list as CSV: every lead behind the number, formulas kept as text")
  void leadListCsvIsSafe() throws Exception {
    String source = "csv-" + UUID.randomUUID();
    String email = LeadFixtures.unique("formula", "bigco.example");
    store.create(
        Contacts.contact(email)
            .name("=HYPERLINK(\"http://evil.example\",\"click\")", "@SUM(A1)")
            .company("+cmd|' /C calc'!A0", null)
            .title("-2+3")
            .country("GB")
            .source(source)
            .consent(true)
            .build(),
        "test");
    store.create(LeadContact.ofEmail(LeadFixtures.unique("plain", "bigco.example")), "test");

    String csv = body("/api/reports/leads.csv?metric=SOURCE&key=" + source);
    var records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertThat(records).hasSize(1);
    CSVRecord row = records.getFirst();
    assertThat(row.get("email")).isEqualTo(email);
    assertThat(row.get("first_name")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
    assertThat(row.get("last_name")).isEqualTo("'@SUM(A1)");
    assertThat(row.get("company")).isEqualTo("'+cmd|' /C calc'!A0");
    assertThat(row.get("title")).isEqualTo("'-2+3");
    assertThat(row.get("stage")).isEqualTo("NAME");
    assertThat(row.get("country")).isEqualTo("GB");
    assertThat(row.get("created_at")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

    // As the dashboard's link asks for it, for a German spreadsheet: semicolons, words, local time.
    String german =
        body("/api/reports/leads.csv?metric=SOURCE&key=" + source + "&lang=de&tz=Europe/Berlin");
    CSVRecord inGerman =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(german))
            .getRecords()
            .getFirst();
    assertThat(german.lines().findFirst().orElseThrow()).startsWith("Lead-ID;Vorname;Nachname;");
    assertThat(inGerman.get("E-Mail")).isEqualTo(email);
    assertThat(inGerman.get("Vorname")).startsWith("'=HYPERLINK");
    assertThat(inGerman.get("Phase")).isEqualTo("Erfasst");
    assertThat(inGerman.get("Land")).isEqualTo("Vereinigtes Königreich");
    // 07.12.2026 10:15: the day as Germans write it, the time in Berlin's zone.
    assertThat(inGerman.get("Erfasst")).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
    http.perform(get("/api/reports/leads.csv?metric=SOURCE&key=x&lang=de&tz=Mars/Olympus"))
        .andExpect(status().isBadRequest());
  }

  @Test
  @DisplayName("the funnel as CSV has a row for every number; the JSON list agrees with it")
  void funnelCsvAndList() throws Exception {
    String source = "csv-" + UUID.randomUUID();
    store.create(
        Contacts.contact(LeadFixtures.unique("one", "bigco.example"))
            .name("One", null)
            .source(source)
            .consent(true)
            .build(),
        "test");
    String csv = body("/api/reports/funnel.csv?source=" + source);
    assertThat(csv.lines().findFirst()).contains("section,item,measure,value");
    assertThat(csv).contains("stage,NAME,entered,1").contains("sources," + source + ",count,1");
    // As the dashboard's link asks for it: words in the reader's language, for a spreadsheet.
    String german = body("/api/reports/funnel.csv?lang=de&source=" + source);
    // Semicolons and decimal commas, as Excel in German reads a CSV file.
    assertThat(german.lines().findFirst()).contains("Bereich;Eintrag;Kennzahl;Wert");
    assertThat(german)
        .contains("Phase;Erfasst;eingetreten;1")
        .contains("Phase;Erfasst;weiter zu ")
        .contains("Quellen;" + source + ";Anzahl;1")
        .doesNotContain(";NAME;", "IN_PROFILE");
    assertThat(german.lines().filter(l -> l.startsWith("Phase;Erfasst;Konversionsrate")))
        .singleElement()
        .asString()
        .matches(".*;(0|1|0,\\d+)$");

    http.perform(get("/api/reports/leads?metric=ENTERED&stage=NAME&source=" + source))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.leads[0].firstName").value("One"));
  }

  @Test
  @DisplayName(
      "a source as the import page shows it (\"Trade Show 2026\") finds the leads stored under"
          + " its key (trade-show-2026)")
  void sourceAsWritten() throws Exception {
    String tag = Long.toString(System.nanoTime(), 36);
    store.create(
        Contacts.contact(LeadFixtures.unique("show", "bigco.example"))
            .name("Show", null)
            .source("trade-show-" + tag)
            .consent(true)
            .build(),
        "test");
    http.perform(
            get("/api/reports/leads")
                .param("metric", "ENTERED")
                .param("stage", "NAME")
                .param("source", "Trade Show " + tag.toUpperCase(java.util.Locale.ROOT)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.leads[0].firstName").value("Show"));
  }

  @Test
  @DisplayName("bad periods, metrics and limits are 400s that name the field")
  void badRequests() throws Exception {
    http.perform(get("/api/reports/funnel?from=yesterday"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    http.perform(get("/api/reports/funnel?from=2026-03-10&to=2026-03-01"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));
    http.perform(get("/api/reports/funnel?from=2020-01-01&to=2026-01-01"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));
    http.perform(get("/api/reports/leads?stage=SAL"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("metric"));
    http.perform(get("/api/reports/leads?metric=WHATEVER"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("metric"));
    http.perform(get("/api/reports/leads?metric=ENTERED"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("stage"));
    http.perform(get("/api/reports/leads.csv?metric=REJECTED"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("key"));
    http.perform(get("/api/reports/leads?metric=SOURCE&key=x&limit=501"))
        .andExpect(status().isBadRequest());
  }
}
