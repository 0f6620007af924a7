package org.leadhandoff.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.notification.MailOutbox;
import org.leadhandoff.notification.MailTemplates;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person asks to be forgotten while their lead waits at a qualifier, with mail queued about them.
 * Afterwards the person's email, name and phone are nowhere: not in any text column of the lead
 * store, not in any record the engine wrote (they never were), not in the log.
 */
@EmbeddedEngineTest
@ExtendWith(OutputCaptureExtension.class)
class ErasureTest {

  @Autowired MockMvc mvc;
  @Autowired ProcessTestSupport process;
  @Autowired LeadStore store;
  @Autowired JdbcClient jdbc;
  @Autowired MailOutbox mails;
  @Autowired TransactionTemplate transaction;

  @BeforeEach
  void assertions() {
    process.initAssertions();
  }

  private UUID capture(String email, String lastName, String phone) throws Exception {
    String body =
        """
        {"email":"%s","firstName":"Zephyrine","lastName":"%s","phone":"%s","company":"BigCo",
         "companySize":500,"industry":"Software","country":"GB","title":"CTO","source":"web-form"}
        """
            .formatted(email, lastName, phone);
    String response =
        mvc.perform(post("/api/leads").contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(response.replaceAll(".*\"leadId\":\"([^\"]+)\".*", "$1"));
  }

  @Test
  @DisplayName(
      "erasure: contact data gone from store, engine and log; lifecycle and tasks ended; no more mail; repeat is harmless")
  void erasesEverywhere(CapturedOutput output) throws Exception {
    String email = LeadFixtures.unique("forget-me", "bigco.example");
    String lastName = "Quillfeather" + Long.toString(System.nanoTime(), 36);
    String phone = "+44 20 7946 " + (1000 + (int) (Math.random() * 8999));
    UUID leadId = capture(email, lastName, phone);
    var lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitEngagement");
    mvc.perform(
            post("/api/leads/" + leadId + "/events")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"eventId\":\"demo-1\",\"type\":\"demo-request\",\"detail\":\"/demo?from="
                        + email
                        + "\"}"))
        .andExpect(status().isAccepted());
    var qualification = process.instanceOf(Processes.PHONE_QUALIFICATION, leadId);
    process.awaitWaitingAt(qualification, "UserTask_QualifyByPhone");
    // The assignment mail about the lead waits in the outbox (no SMTP server in this test).
    await()
        .atMost(ProcessTestSupport.WAIT)
        .until(() -> count("select count(*) from mail_outbox where lead_id = ?", leadId) > 0);
    assertThat(occurrences(email, lastName, phone)).isNotEmpty();

    mvc.perform(
            delete("/api/leads/" + leadId)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"GDPR art. 17 request, ticket 4711\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.erasedNow").value(true));

    process.awaitCompleted(lifecycle);
    BpmnAssert.assertThat(lifecycle).hasPassedElement("EndEvent_ClosedByErasure");
    BpmnAssert.assertThat(qualification).isTerminated();
    assertThat(occurrences(email, lastName, phone)).as("the person in the lead store").isEmpty();
    assertThat(engineRecordsWith(email, lastName, phone)).as("the person in the engine").isZero();
    assertThat(output.getAll())
        .as("the person in the log")
        .doesNotContain(email)
        .doesNotContain(lastName)
        .doesNotContain(phone);

    // What the funnel needs stays: the lead, its stages, its segment.
    var lead = store.find(leadId).orElseThrow();
    assertThat(lead.erasedAt()).isNotNull();
    assertThat(lead.displayName()).isEqualTo("(erased)");
    assertThat(lead.contact().industry()).isEqualTo("software");
    assertThat(store.history(leadId)).isNotEmpty();
    assertThat(store.findByEmail(email)).isEmpty();
    // Its task left the inbox, its owner's capacity is free, and no mail about it is queued or
    // can be queued.
    assertThat(count("select count(*) from user_task where lead_id = ? and state = 'OPEN'", leadId))
        .isZero();
    assertThat(
            count("select count(*) from assignment where lead_id = ? and state = 'OPEN'", leadId))
        .isZero();
    assertThat(
            count("select count(*) from mail_outbox where lead_id = ? and sent_at is null", leadId))
        .isZero();
    Boolean queued =
        transaction.execute(
            t ->
                mails.add(
                    "late:" + leadId,
                    leadId,
                    "quinn.okafor@example.com",
                    new MailTemplates.Mail("late", "late", "late")));
    assertThat(queued).isFalse();

    mvc.perform(
            delete("/api/leads/" + leadId)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"asked twice\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.erasedNow").value(false));
    // The same person coming back is a new lead, with a new consent.
    UUID again = capture(email, lastName, phone);
    assertThat(again).isNotEqualTo(leadId);
  }

  @Test
  @DisplayName("an erasure request needs a reason without an email, an existing lead, and an admin")
  void refusals() throws Exception {
    UUID leadId = capture(LeadFixtures.unique("keep", "bigco.example"), "Keep", "+44 20 7946 0001");
    mvc.perform(
            delete("/api/leads/" + leadId)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"asked by ada@bigco.example\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    mvc.perform(
            delete("/api/leads/" + leadId).contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            delete("/api/leads/" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"ticket 1\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/leads/" + leadId)
                .with(user("marketing").roles("MARKETING"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"ticket 1\"}"))
        .andExpect(status().isForbidden());
    assertThat(store.find(leadId).orElseThrow().erasedAt()).isNull();
  }

  private long count(String sql, UUID leadId) {
    return jdbc.sql(sql).param(leadId).query(Long.class).single();
  }

  /** Every text column of every table of the lead store that holds one of the values. */
  private List<String> occurrences(String... values) {
    List<String> found = new ArrayList<>();
    List<String[]> columns =
        jdbc.sql(
                "select table_name, column_name from information_schema.columns"
                    + " where table_schema = 'PUBLIC' and data_type like '%CHAR%'")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    assertThat(columns).hasSizeGreaterThan(20);
    for (String[] column : columns) {
      for (String value : values) {
        long hits =
            jdbc.sql(
                    "select count(*) from \""
                        + column[0]
                        + "\" where lower(\""
                        + column[1]
                        + "\") like ?")
                .param("%" + value.toLowerCase(java.util.Locale.ROOT) + "%")
                .query(Long.class)
                .single();
        if (hits > 0) {
          found.add(column[0] + "." + column[1]);
        }
      }
    }
    return found;
  }

  /** Records of the engine (variables, jobs, messages, everything) that mention a value. */
  private long engineRecordsWith(String... values) {
    long hits = 0;
    for (var record : process.records().records()) {
      String json = record.toJson();
      for (String value : values) {
        if (json.contains(value)) {
          hits++;
        }
      }
    }
    return hits;
  }
}
