package org.leadhandoff.intake.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.TestIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** What the import page does through the API: preview, map, save a mapping, read the report. */
@EmbeddedEngineTest
class ImportMappingApiTest {

  @Autowired MockMvc mvc;
  @Autowired LeadStore store;
  @Autowired ObjectMapper json;
  @Autowired ImportProperties properties;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  /** A badge-scanner export whose columns no CRM names: German headers, a booth column. */
  private static String scannerFile(String first, String second) {
    return """
        Kontakt;Vorname;Nachname;Firma;Land;Stand;Notiz
        %s;Léa;Müller;Bäckerei Groß GmbH;Deutschland;B12;ruft zurück
        kein-email;Jörg;Ölund;;Österreich;B12;
        %s;Zoë;Ångström;Nordic AB;Atlantis;C3;
        """
        .formatted(first, second);
  }

  private static final String MAPPING =
      "{\"Kontakt\": \"email\", \"Stand\": \"attr:booth\", \"Notiz\": \"ignore\"}";

  private static MockMultipartFile file(String text) {
    return new MockMultipartFile(
        "file", "messe-köln.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
  }

  private JsonNode preview(org.springframework.test.web.servlet.RequestBuilder request)
      throws Exception {
    return json.readTree(
        mvc.perform(request)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
  }

  private ImportStatus awaitOver(UUID importId) {
    return await()
        .until(
            () ->
                json.readValue(
                    mvc.perform(get("/api/imports/" + importId))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                    ImportStatus.class),
            s -> s.state() == ImportState.DONE || s.state() == ImportState.FAILED);
  }

  private UUID started(org.springframework.test.web.servlet.RequestBuilder request)
      throws Exception {
    String body =
        mvc.perform(request)
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(json.readTree(body).get("importId").asText());
  }

  @Test
  @DisplayName(
      "a file whose email column is not recognised: the preview says so and shows its values; with"
          + " the column mapped the first rows are read as the import will read them; nothing is"
          + " imported or kept")
  void previewShowsHowColumnsAreRead() throws Exception {
    String a = LeadFixtures.unique("lea", "baeckerei.example");
    String b = LeadFixtures.unique("zoe", "nordic.example");

    JsonNode unmapped =
        preview(
            multipart("/api/imports/preview")
                .file(file(scannerFile(a, b)))
                .param("source", "messe"));
    assertThat(unmapped.get("problem").asText()).startsWith("The header has no email column");
    assertThat(unmapped.get("rowsTotal").asInt()).isEqualTo(3);
    assertThat(unmapped.get("notes").get(0).asText()).contains("semicolons");
    JsonNode kontakt = unmapped.get("columns").get(0);
    assertThat(kontakt.get("name").asText()).isEqualTo("Kontakt");
    assertThat(kontakt.get("how").asText()).isEqualTo("IGNORED");
    assertThat(kontakt.get("samples").get(0).asText()).isEqualTo(a);
    JsonNode vorname = unmapped.get("columns").get(1);
    assertThat(vorname.get("readAs").asText()).isEqualTo("firstName");
    assertThat(vorname.get("how").asText()).isEqualTo("RECOGNISED");
    assertThat(vorname.get("samples").get(2).asText()).isEqualTo("Zoë");

    JsonNode mapped =
        preview(
            multipart("/api/imports/preview")
                .file(file(scannerFile(a, b)))
                .param("source", "messe")
                .param("mapping", MAPPING));
    assertThat(mapped.get("problem").isNull()).isTrue();
    assertThat(mapped.get("columns").get(0).get("readAs").asText()).isEqualTo("email");
    assertThat(mapped.get("columns").get(0).get("how").asText()).isEqualTo("MAPPED");
    assertThat(mapped.get("columns").get(5).get("readAs").asText()).isEqualTo("attr:booth");
    assertThat(mapped.get("columns").get(6).get("how").asText()).isEqualTo("MAPPED");
    assertThat(mapped.get("columns").get(6).get("readAs").isNull()).isTrue();
    JsonNode rows = mapped.get("rows");
    assertThat(rows.get(0).get("outcome").asText()).isEqualTo("NEW");
    assertThat(rows.get(0).get("lead").get("country").asText())
        .as("stored as the import will store it")
        .isEqualTo("DE");
    assertThat(rows.get(0).get("lead").get("attributes").get("booth").asText()).isEqualTo("B12");
    assertThat(rows.get(1).get("lead").isEmpty()).as("rejected").isTrue();
    assertThat(rows.get(1).get("outcome").asText()).isEqualTo("REJECTED");
    assertThat(rows.get(1).get("errors").get(0).get("field").asText()).isEqualTo("Kontakt");
    assertThat(rows.get(2).get("warnings").get(0).get("reason").asText())
        .isEqualTo("'Atlantis' is no country we know; imported without a country");
    assertThat(mapped.get("targets").toString()).contains("\"email\"", "\"companySize\"");

    assertThat(store.findByEmail(a)).as("a preview imports nothing").isEmpty();
    try (var left = java.nio.file.Files.list(properties.directory())) {
      assertThat(left.filter(p -> p.getFileName().toString().startsWith("preview-")))
          .as("nor keeps the file")
          .isEmpty();
    }
  }

  @Test
  @DisplayName(
      "an import with a mapping, a consent default and the mapping saved: the columns read as"
          + " mapped, the next file of the source read the same way without sending it again")
  void mappedImportAndSavedMapping() throws Exception {
    String a = LeadFixtures.unique("lea", "baeckerei.example");
    String b = LeadFixtures.unique("zoe", "nordic.example");
    UUID first =
        started(
            multipart("/api/leads/import")
                .file(file(scannerFile(a, b)))
                .param("source", "messe-koeln")
                .param("mapping", MAPPING)
                .param("consent", "true")
                .param("saveMapping", "true"));
    ImportStatus status = awaitOver(first);
    assertThat(List.of(status.created(), status.merged(), status.rejected()))
        .containsExactly(2, 0, 1);
    assertThat(status.createdBy()).isEqualTo(TestIdentity.USER);
    assertThat(status.source()).isEqualTo("messe-koeln");
    assertThat(status.warningCount()).isEqualTo(1);
    assertThat(status.ignoredColumns()).containsExactly("Notiz");
    assertThat(status.notes())
        .contains(
            "column \"Kontakt\" read as Email",
            "column \"Stand\" read as the custom attribute \"booth\"",
            "columns left out as mapped: Notiz",
            "consent of rows that say nothing about it (no consent or opt-out value): given, as chosen for this import");
    Lead lea = store.findByEmail(a).orElseThrow();
    assertThat(lea.contact().firstName()).isEqualTo("Léa");
    assertThat(lea.contact().company()).isEqualTo("Bäckerei Groß GmbH");
    assertThat(lea.contact().country()).isEqualTo("DE");
    assertThat(lea.contact().attributes()).containsEntry("booth", "B12");
    assertThat(lea.contact().consent()).isTrue();

    mvc.perform(get("/api/imports/mappings/Messe-Koeln"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.Kontakt").value("email"));
    JsonNode preview =
        preview(
            multipart("/api/imports/preview")
                .file(file(scannerFile("x@y.example", "z@y.example")))
                .param("source", "messe-koeln"));
    assertThat(preview.get("savedMapping").asBoolean()).isTrue();
    assertThat(preview.get("columns").get(0).get("readAs").asText()).isEqualTo("email");
    // The same people again: the preview says their rows merge into the leads they are now.
    JsonNode again =
        preview(
            multipart("/api/imports/preview")
                .file(file(scannerFile(a, b)))
                .param("source", "messe-koeln"));
    assertThat(again.get("rows").get(0).get("outcome").asText()).isEqualTo("MERGE");
    assertThat(again.get("rows").get(1).get("outcome").asText()).isEqualTo("REJECTED");
    // A row repeating an earlier row's email: merged into that row's lead, and the row says so.
    String fresh = LeadFixtures.unique("fritz", "twice.example");
    JsonNode twice =
        preview(
            multipart("/api/imports/preview")
                .file(file(scannerFile(fresh, fresh.toUpperCase(java.util.Locale.ROOT))))
                .param("source", "messe-koeln"));
    assertThat(twice.get("rows").get(0).get("outcome").asText()).isEqualTo("NEW");
    assertThat(twice.get("rows").get(2).get("outcome").asText()).isEqualTo("MERGE_ROW");
    assertThat(twice.get("rows").get(2).get("warnings").findValuesAsText("reason"))
        .contains(
            "the email repeats line 2: this row is merged into that lead (values it already has"
                + " are kept)");

    String c = LeadFixtures.unique("carl", "nextyear.example");
    String d = LeadFixtures.unique("dora", "nextyear.example");
    UUID second =
        started(
            multipart("/api/leads/import")
                .file(file(scannerFile(c, d)))
                .param("source", "messe-koeln"));
    ImportStatus next = awaitOver(second);
    assertThat(next.state()).isEqualTo(ImportState.DONE);
    assertThat(next.created()).isEqualTo(2);
    assertThat(store.findByEmail(c).orElseThrow().contact().attributes())
        .containsEntry("booth", "B12");
    assertThat(store.findByEmail(c).orElseThrow().contact().consent())
        .as("the consent default is the import's, not the mapping's")
        .isNull();

    mvc.perform(get("/api/imports"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].importId").value(second.toString()))
        .andExpect(jsonPath("$[1].importId").value(first.toString()))
        .andExpect(jsonPath("$[1].createdBy").value(TestIdentity.USER));
  }

  @Test
  @DisplayName(
      "the report as CSV: every rejected row and warning with its line and column, opened by Excel"
          + " as UTF-8, a value like a formula kept as text")
  void reportCsv() throws Exception {
    String a = LeadFixtures.unique("lea", "baeckerei.example");
    String csv =
        """
        Email,Vorname,Land,Mitarbeiter
        %s,Léa,=cmd|' /C calc'!A0,viele
        nicht-gültig,Jörg,DE,10
        """
            .formatted(a);
    UUID id = started(multipart("/api/leads/import").file(file(csv)).param("source", "messe"));
    awaitOver(id);

    var response =
        mvc.perform(get("/api/imports/" + id + "/report.csv"))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string(
                        "Content-Disposition", "attachment; filename=\"report-messe-k_ln.csv\""))
            .andReturn()
            .getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(body).startsWith("\uFEFF");
    List<CSVRecord> lines =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(body.substring(1)))
            .getRecords();
    assertThat(lines)
        .extracting(r -> List.of(r.get("line"), r.get("column"), r.get("kind")))
        .containsExactly(
            List.of("2", "Mitarbeiter", "WARNING"),
            List.of("2", "Land", "WARNING"),
            List.of("3", "Email", "ERROR"));
    assertThat(lines.get(1).get("reason"))
        .as("quoted in the sentence, so no spreadsheet runs it")
        .isEqualTo("'=cmd|' /C calc'!A0' is no country we know; imported without a country");
  }

  @Test
  @DisplayName(
      "a mapping to no lead field and a file that cannot be read are refused with a sentence"
          + " naming them, before anything starts")
  void badMappingsAndFiles() throws Exception {
    UUID unreadable =
        started(
            multipart("/api/leads/import")
                .file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] {0, 1, 2, 0})));
    awaitOver(unreadable);
    assertThat(
            mvc.perform(get("/api/imports/" + unreadable + "/report.csv"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .as("a failed file's report says why")
        .contains(",file,ERROR,This is not a text file");

    mvc.perform(
            multipart("/api/leads/import")
                .file(file(scannerFile("a@b.example", "c@d.example")))
                .param("mapping", "{\"Kontakt\": \"e-mail-adresse\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("mapping"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(
                    org.hamcrest.Matchers.startsWith(
                        "The column \"Kontakt\" is mapped to 'e-mail-adresse', which is no lead"
                            + " field")));
    mvc.perform(
            multipart("/api/imports/preview")
                .file(file(scannerFile("a@b.example", "c@d.example")))
                .param("mapping", "[\"email\"]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("mapping"));
    mvc.perform(
            multipart("/api/imports/preview")
                .file(
                    new MockMultipartFile(
                        "file", "leads.csv", "text/csv", new byte[] {0, 1, 2, 3, 0, 0, 7, 8})))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.startsWith("This is not a text file")));
  }

  @Test
  @DisplayName(
      "the person's mapping wins over a column recognised by its name; a value that breaks a rule"
          + " costs only that value (a warning), unless it is the email; an attribute name with a"
          + " space is refused with a name that works")
  void mappingWinsAndBadValuesAreWarnings() throws Exception {
    String a = LeadFixtures.unique("lea", "baeckerei.example");
    String csv =
        """
        E-Mail,Kontakt,Phone,Company
        old@nowhere.example,%s,call me maybe,Bäckerei Groß GmbH
        """
            .formatted(a);
    JsonNode preview =
        preview(
            multipart("/api/imports/preview")
                .file(file(csv))
                .param("mapping", "{\"Kontakt\": \"email\"}"));
    assertThat(preview.get("columns").get(0).get("how").asText()).isEqualTo("DOUBLED");
    assertThat(preview.get("columns").get(1).get("readAs").asText()).isEqualTo("email");
    JsonNode row = preview.get("rows").get(0);
    assertThat(row.get("outcome").asText()).isEqualTo("NEW");
    assertThat(row.get("warnings").get(0).get("field").asText()).isEqualTo("Phone");
    assertThat(row.get("warnings").get(0).get("reason").asText())
        .startsWith("must be a phone number")
        .endsWith("; imported without it");

    UUID id =
        started(
            multipart("/api/leads/import")
                .file(file(csv))
                .param("mapping", "{\"Kontakt\": \"email\"}"));
    ImportStatus status = awaitOver(id);
    assertThat(List.of(status.created(), status.rejected(), status.warningCount()))
        .containsExactly(1, 0, 1);
    Lead lea = store.findByEmail(a).orElseThrow();
    assertThat(lea.contact().phone()).isNull();
    assertThat(lea.contact().company()).isEqualTo("Bäckerei Groß GmbH");
    assertThat(store.findByEmail("old@nowhere.example")).isEmpty();

    mvc.perform(
            multipart("/api/imports/preview")
                .file(file(csv))
                .param("mapping", "{\"Company\": \"attr:Booth Number\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("mapping"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(org.hamcrest.Matchers.endsWith("like booth-number")));
  }

  @Test
  @DisplayName(
      "a preview takes files as large as an import does, not only the 64 KB of a JSON body")
  void previewOfARealSizedExport() throws Exception {
    StringBuilder csv = new StringBuilder("Email,First Name,Company\n");
    for (int i = 0; i < 3000; i++) {
      csv.append("person").append(i).append("@bigco.example,Léa,Bäckerei Groß GmbH\n");
    }
    assertThat(csv.length()).isGreaterThan(100_000);
    // Over real HTTP: the size limit reads the request's length, which MockMvc does not set.
    String boundary = "preview-" + UUID.randomUUID();
    byte[] body =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + csv
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/imports/preview"))
                    .header("Authorization", TestIdentity.basic("admin"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode preview = json.readTree(response.body());
    assertThat(preview.get("rowsTotal").asInt()).isEqualTo(3000);
    assertThat(preview.get("rows")).hasSize(ImportPreview.SAMPLE_ROWS);
  }
}
