package org.leadhandoff.intake.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@EmbeddedEngineTest
class ImportApiTest {

  @Autowired MockMvc mvc;
  @Autowired LeadStore store;
  @Autowired LeadFixtures leads;
  @Autowired ProcessTestSupport process;
  @Autowired ObjectMapper json;
  @Autowired ImportProperties properties;

  private ImportStatus awaitDone(UUID importId) {
    return await()
        .until(
            () ->
                json.readValue(
                    mvc.perform(get("/api/imports/" + importId))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                    ImportStatus.class),
            s -> s.state() == ImportState.DONE || s.state() == ImportState.FAILED);
  }

  private UUID upload(String csv, String source) throws Exception {
    var file =
        new MockMultipartFile(
            "file", "trade-show.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    String body =
        mvc.perform(multipart("/api/leads/import").file(file).param("source", source))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.state").value("QUEUED"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(json.readTree(body).get("importId").asText());
  }

  @Test
  @DisplayName(
      "good, bad, duplicate and merge-worthy rows: exact counts, a report line for each bad row, a warning for a value left out")
  void importsWithReport() throws Exception {
    String known = LeadFixtures.unique("known", "bigco.example");
    UUID knownId = leads.capture(LeadContact.ofEmail(known));
    String a = LeadFixtures.unique("a", "bigco.example");
    String b = LeadFixtures.unique("b", "midco.example");
    String csv =
        """
        Email,First Name,Last Name,Company,Employees,Industry,Country,Title,Booth Notes
        %s,Ada,Lovelace,BigCo,500,Software,GB,CTO,hot
        %s,Bob,Builder,MidCo,40,Manufacturing,DE,Plant Manager,
        not-an-email,Eve,,Tiny,3,Retail,FR,,
        %s,Ada,Lovelace,BigCo,500,Software,GB,CTO,came back twice
        %s,Kim,Known,KnownCo,250,Software,US,VP Sales,
        ,No,Email,,,,,,
        %s,Cy,,CyCo,lots,,GBR,,
        """
            .formatted(a, b, a.toUpperCase(), known, LeadFixtures.unique("c", "cyco.example"));

    UUID importId = upload(csv, "trade-show");
    ImportStatus status = awaitDone(importId);

    assertThat(status.state()).isEqualTo(ImportState.DONE);
    assertThat(status.rowsTotal()).isEqualTo(7);
    assertThat(status.rowsProcessed()).isEqualTo(7);
    assertThat(status.created()).as("a, b, and Cy without a size").isEqualTo(3);
    assertThat(status.merged()).as("a's second row and the known lead").isEqualTo(2);
    assertThat(status.rejected()).isEqualTo(2);
    assertThat(status.ignoredColumns()).containsExactly("Booth Notes");
    assertThat(status.errors())
        .containsExactly(
            new ImportStatus.RejectedRow(
                4, "Email", "must be an email address like name@company.com"),
            new ImportStatus.RejectedRow(7, "Email", "is required"));
    assertThat(status.warnings())
        .containsExactly(
            new ImportStatus.RejectedRow(
                8,
                "Employees",
                "expected a number like 250, or a range like 51-200 or 10,001+, got 'lots';"
                    + " imported without it"));
    UUID aId = store.findByEmail(a).orElseThrow().id();
    assertThat(store.find(aId).orElseThrow().contact().source()).isEqualTo("trade-show");
    assertThat(store.find(knownId).orElseThrow().contact().company()).isEqualTo("KnownCo");
    process.lifecycleOf(aId);
    process.lifecycleOf(store.findByEmail(b).orElseThrow().id());
    assertThat(process.instanceKeys(Processes.LEAD_LIFECYCLE, aId)).hasSize(1);
    assertThat(properties.directory().resolve(importId + ".csv"))
        .as("the uploaded file, with its personal data, is deleted once imported")
        .doesNotExist();
  }

  @Test
  @DisplayName("a file without an email column fails as a whole, saying which columns it has")
  void noEmailColumn() throws Exception {
    UUID importId = upload("name,company\nAda,BigCo\n", "trade-show");

    ImportStatus status = awaitDone(importId);

    assertThat(status.state()).isEqualTo(ImportState.FAILED);
    assertThat(status.error())
        .startsWith("The header has no email column")
        .endsWith("Header was: name, company");
  }

  @Test
  @DisplayName("a CSV body (text/csv) is imported like an upload; an unknown import is 404")
  void csvBody() throws Exception {
    String email = LeadFixtures.unique("body", "bigco.example");
    String body =
        mvc.perform(
                post("/api/leads/import").contentType("text/csv").content("email\n" + email + "\n"))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();

    ImportStatus status = awaitDone(UUID.fromString(json.readTree(body).get("importId").asText()));

    assertThat(status.created()).isEqualTo(1);
    assertThat(store.findByEmail(email).orElseThrow().contact().source()).isEqualTo("csv-import");
    mvc.perform(get("/api/imports/" + UUID.randomUUID())).andExpect(status().isNotFound());
  }

  @Test
  @DisplayName(
      "limits: a file over the size limit is 413 and kept nowhere; one over the row limit fails"
          + " with the reason and imports no row")
  void limits() throws Exception {
    String big = LeadFixtures.unique("big", "bigco.example");
    String row = big + ",BigCo " + "x".repeat(100) + "\n";
    String tooBig = "email,company\n" + row.repeat(600_000 / row.length());
    mvc.perform(post("/api/leads/import").contentType("text/csv").content(tooBig))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.title").value("Request too large"));
    assertThat(store.findByEmail(big)).isEmpty();

    String first = LeadFixtures.unique("rows", "bigco.example");
    StringBuilder csv = new StringBuilder("email\n").append(first).append('\n');
    for (int i = 1; i <= properties.maxRows(); i++) {
      csv.append("row").append(i).append('-').append(first).append('\n');
    }
    UUID importId = upload(csv.toString(), "trade-show");
    ImportStatus status = awaitDone(importId);
    assertThat(status.state()).isEqualTo(ImportState.FAILED);
    assertThat(status.error()).isEqualTo("The file has 2,001 rows; the limit is 2,000. Split it.");
    // The same reason as a German reader gets it, on the page and in the report's download.
    mvc.perform(get("/api/imports/" + importId).header("Accept-Language", "de-DE,de;q=0.9"))
        .andExpect(
            jsonPath("$.error")
                .value("Die Datei hat 2.001 Zeilen; die Grenze ist 2.000. Teilen Sie sie."));
    assertThat(
            mvc.perform(get("/api/imports/" + importId + "/report.csv").param("lang", "de"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("\uFEFFZeile;Spalte;Art;Grund")
        .contains(";(die Datei);Abgelehnt;\"Die Datei hat 2.001 Zeilen; die Grenze ist 2.000");
    assertThat(store.findByEmail(first)).isEmpty();
  }
}
