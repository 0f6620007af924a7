package org.leadhandoff.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.ScoreKind;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.leadhandoff.support.TestIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Intake as a web form, a form provider or a marketing tool uses it. */
@EmbeddedEngineTest
class IntakeApiTest {

  @Autowired MockMvc mvc;
  @Autowired LeadStore store;
  @Autowired ProcessTestSupport process;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  private static String lead(String email) {
    return """
        {"email":"%s","firstName":"Ada","lastName":"Lovelace","company":"BigCo","companySize":500,
         "industry":"Software","country":"gb","title":"CTO","source":"web-form","consent":true,
         "attributes":{"existing-customer":"false"}}"""
        .formatted(email);
  }

  private ResultActions postLead(String body, String idempotencyKey) throws Exception {
    var request = post("/api/leads").contentType(MediaType.APPLICATION_JSON).content(body);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return mvc.perform(request);
  }

  private UUID leadId(ResultActions result) throws Exception {
    JsonNode body = json.readTree(result.andReturn().getResponse().getContentAsString());
    return UUID.fromString(body.get("leadId").asText());
  }

  @Test
  @DisplayName(
      "a captured lead is answered 202 CREATED, starts its lifecycle and reads back with its scores explained")
  void captureAndRead() throws Exception {
    String email = LeadFixtures.unique("ada", "bigco.example");

    UUID leadId =
        leadId(
            postLead(lead(email), null)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("CREATED")));

    process.awaitWaitingAt(process.lifecycleOf(leadId), "Gateway_AwaitEngagement");
    mvc.perform(get("/api/leads/" + leadId))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.email").value(email))
        .andExpect(jsonPath("$.country").value("GB"))
        .andExpect(jsonPath("$.consent").value(true))
        .andExpect(jsonPath("$.stage").value("IN_PROFILE"))
        .andExpect(jsonPath("$.contact").doesNotExist())
        .andExpect(jsonPath("$.fitGrade").value("A"))
        .andExpect(jsonPath("$.fit.points").value(90))
        .andExpect(jsonPath("$.fit.explanation[1].rule").value("fit.industries"))
        .andExpect(jsonPath("$.fit.explanation[1].detail").value("industry software"))
        .andExpect(jsonPath("$.fit.criteriaVersion").value("2026-Q4"))
        .andExpect(jsonPath("$.engagement.result").value("BELOW_MQL"))
        .andExpect(jsonPath("$.history[0].toStage").value("NAME"))
        .andExpect(jsonPath("$.history[0].reason").value("captured from web-form"))
        .andExpect(jsonPath("$.history[1].toStage").value("IN_PROFILE"))
        .andExpect(jsonPath("$.owner").doesNotExist());
    mvc.perform(get("/api/leads").param("stage", "IN_PROFILE").param("limit", "500"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[?(@.id == '" + leadId + "')].fitPoints").value(90));
  }

  @Test
  @DisplayName(
      "the same Idempotency-Key twice: the same answer, one lead, one lifecycle; with another body: 422")
  void idempotencyKey() throws Exception {
    String email = LeadFixtures.unique("idem", "bigco.example");
    String key = UUID.randomUUID().toString();

    UUID first =
        leadId(
            postLead(lead(email), key)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("CREATED")));
    UUID second =
        leadId(
            postLead(lead(email), key)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("CREATED")));

    assertThat(second).isEqualTo(first);
    process.awaitWaitingAt(process.lifecycleOf(first), "Gateway_AwaitEngagement");
    assertThat(process.instanceKeys(Processes.LEAD_LIFECYCLE, first)).hasSize(1);
    assertThat(outboxMessages(first, "LEAD_PROFILE_UPDATED"))
        .as("a replay is not a merge")
        .isZero();
    postLead(lead(LeadFixtures.unique("other", "bigco.example")), key)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "This Idempotency-Key was used for a different request; use a new key for a new request."));
  }

  @Test
  @DisplayName(
      "a request whose instance died half-way (key taken, no answer kept): a retry is told it is in"
          + " progress, and after a minute it is taken over, with one lead and one lifecycle")
  void abandonedRequestIsTakenOver() throws Exception {
    String email = LeadFixtures.unique("abandoned", "bigco.example");
    String key = UUID.randomUUID().toString();
    UUID first = leadId(postLead(lead(email), key).andExpect(status().isAccepted()));
    // What an instance killed after the capture and before keeping its answer leaves behind.
    String stored = TestIdentity.USER + " " + key;
    jdbc.sql(
            "update idempotent_request set response_status = null, response_body = null"
                + " where idempotency_key = ?")
        .param(stored)
        .update();

    postLead(lead(email), key)
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "A request with this Idempotency-Key is still being processed; retry in a"
                        + " moment."));

    jdbc.sql(
            "update idempotent_request set created_at = created_at - interval '2' minute"
                + " where idempotency_key = ?")
        .param(stored)
        .update();
    UUID retried =
        leadId(
            postLead(lead(email), key)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("MERGED")));
    assertThat(retried).isEqualTo(first);
    process.awaitWaitingAt(process.lifecycleOf(first), "Gateway_AwaitEngagement");
    assertThat(process.instanceKeys(Processes.LEAD_LIFECYCLE, first)).hasSize(1);
    postLead(lead(email), key)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.outcome").value("MERGED"));
  }

  @Test
  @DisplayName("the same email twice (in another case) is MERGED into one lead with one lifecycle")
  void sameEmailMerges() throws Exception {
    String email = LeadFixtures.unique("twice", "bigco.example");

    UUID first =
        leadId(
            postLead("{\"email\":\"" + email + "\"}", null)
                .andExpect(jsonPath("$.outcome").value("CREATED")));
    UUID second =
        leadId(
            postLead(lead(email.toUpperCase()), null)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.outcome").value("MERGED")));

    assertThat(second).isEqualTo(first);
    assertThat(store.find(first).orElseThrow().contact().company()).isEqualTo("BigCo");
    process.lifecycleOf(first);
    assertThat(process.instanceKeys(Processes.LEAD_LIFECYCLE, first)).hasSize(1);
  }

  @Test
  @DisplayName("the same event id twice: recorded once, scored once")
  void sameEventTwice() throws Exception {
    UUID leadId = leadId(postLead(lead(LeadFixtures.unique("evt", "bigco.example")), null));
    var lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitEngagement");
    long scoresBefore = engagementScores(leadId);
    String event = "{\"eventId\":\"web-1\",\"type\":\"pricing-page\",\"detail\":\"/pricing\"}";

    mvc.perform(
            post("/api/leads/" + leadId + "/events")
                .contentType(MediaType.APPLICATION_JSON)
                .content(event))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.outcome").value("RECORDED"));
    mvc.perform(
            post("/api/leads/" + leadId + "/events")
                .contentType(MediaType.APPLICATION_JSON)
                .content(event))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.outcome").value("DUPLICATE"));

    process.awaitPassed(lifecycle, "Event_EngagementReceived", 1);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitEngagement");
    assertThat(engagementScores(leadId)).isEqualTo(scoresBefore + 1);
    assertThat(outboxMessages(leadId, "LEAD_ENGAGED")).isEqualTo(1);
    assertThat(store.find(leadId).orElseThrow().engagementPoints()).isEqualTo(10);
  }

  @Test
  @DisplayName(
      "an event for an email that is not a lead yet is kept and counts once the person is captured")
  void eventBeforeCapture() throws Exception {
    String email = LeadFixtures.unique("early", "bigco.example");

    mvc.perform(
            post("/api/events")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"email\":\"" + email + "\",\"eventId\":\"hs-1\",\"type\":\"demo-request\"}"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.outcome").value("PENDING_CAPTURE"))
        .andExpect(jsonPath("$.leadId").doesNotExist());
    UUID leadId = leadId(postLead(lead(email), null));

    // The demo request made before the form makes the new lead an MQL straight away.
    process.awaitWaitingAt(
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId), "UserTask_QualifyByPhone");
    mvc.perform(
            post("/api/events")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"email\":\""
                        + email.toUpperCase()
                        + "\",\"eventId\":\"hs-1\",\"type\":\"demo-request\"}"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.outcome").value("DUPLICATE"))
        .andExpect(jsonPath("$.leadId").value(leadId.toString()));
  }

  @Test
  @DisplayName("the OpenAPI description documents the intake endpoints")
  void openApi() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/leads'].post.summary").value("Capture a lead"))
        .andExpect(jsonPath("$.paths['/api/events'].post").exists())
        .andExpect(jsonPath("$.paths['/api/leads/{leadId}'].get").exists());
  }

  private long engagementScores(UUID leadId) {
    return store.scores(leadId).stream().filter(s -> s.kind() == ScoreKind.ENGAGEMENT).count();
  }

  private long outboxMessages(UUID leadId, String kind) {
    return jdbc.sql("select count(*) from outbox where lead_id = ? and kind = ?")
        .params(leadId, kind)
        .query(Long.class)
        .single();
  }
}
