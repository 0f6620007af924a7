package org.leadhandoff.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** A form provider posts leads, signed; no API key, no session. */
@EmbeddedEngineTest
class WebhookTest {

  static final String SECRET = "test-fixture-webhook-key-0001";

  @Autowired WebApplicationContext context;
  @Autowired LeadStore store;
  @Autowired Clock clock;
  @Autowired WebhookService webhooks;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  MockMvc mvc;

  @Test
  @DisplayName(
      "old replay records are forgotten once an hour in a cluster: the instance that cleans holds"
          + " the lock, and another instance's run within the hour does nothing")
  void oldDeliveriesAreForgottenOncePerCluster() {
    // The lock is free (an earlier run of this context may hold it): ShedLock keeps its row.
    jdbc.sql(
            "update shedlock set lock_until = locked_at where name = 'forget-old-webhook-deliveries'")
        .update();
    Instant old = clock.instant().minus(java.time.Duration.ofDays(2));
    jdbc.sql("insert into webhook_delivery values ('test-forms', 'old-1', ?)")
        .param(java.sql.Timestamp.from(old))
        .update();
    webhooks.forgetOldDeliveries();
    assertThat(signatures()).doesNotContain("old-1");
    assertThat(
            jdbc.sql("select locked_by from shedlock where name = 'forget-old-webhook-deliveries'")
                .query(String.class)
                .optional())
        .isPresent();

    // Another instance's turn comes within the hour: the lock says it is done already.
    jdbc.sql("insert into webhook_delivery values ('test-forms', 'old-2', ?)")
        .param(java.sql.Timestamp.from(old))
        .update();
    webhooks.forgetOldDeliveries();
    assertThat(signatures()).contains("old-2");
    jdbc.sql("delete from webhook_delivery where signature = 'old-2'").update();
  }

  private java.util.List<String> signatures() {
    return jdbc.sql("select signature from webhook_delivery").query(String.class).list();
  }

  @BeforeEach
  void anonymousMvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  private ResultActions deliver(String provider, String body, Instant at, String secret)
      throws Exception {
    String timestamp = Long.toString(at.getEpochSecond());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return mvc.perform(
        post("/api/webhooks/" + provider)
            .contentType(MediaType.APPLICATION_JSON)
            .header(WebhookController.TIMESTAMP, timestamp)
            .header(WebhookController.SIGNATURE, WebhookSignatures.sign(secret, timestamp, bytes))
            .content(bytes));
  }

  private static String body(String email) {
    return "{\"email_address\":\""
        + email
        + "\",\"first\":\"Ada\",\"company\":\"BigCo\",\"formId\":\"f-17\",\"submittedVia\":\"embed\"}";
  }

  @Test
  @DisplayName(
      "a signed delivery captures the lead with the provider's fields mapped and its source")
  void capturesSignedDelivery() throws Exception {
    String email = LeadFixtures.unique("hook", "bigco.example");

    deliver("test-forms", body(email), clock.instant(), SECRET)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.outcome").value("CREATED"));

    var lead = store.findByEmail(email).orElseThrow();
    assertThat(lead.contact().firstName()).isEqualTo("Ada");
    assertThat(lead.contact().source()).isEqualTo("test-forms");
  }

  @Test
  @DisplayName(
      "a wrong signature, a wrong secret, a changed body or missing headers: 401, nothing stored")
  void refusesBadSignatures() throws Exception {
    String email = LeadFixtures.unique("hook", "bigco.example");
    deliver("test-forms", body(email), clock.instant(), "another-secret-entirely")
        .andExpect(status().isUnauthorized())
        .andExpect(
            jsonPath("$.detail").value("The signature does not match the body and timestamp."));

    String timestamp = Long.toString(clock.instant().getEpochSecond());
    String signed =
        WebhookSignatures.sign(SECRET, timestamp, body(email).getBytes(StandardCharsets.UTF_8));
    mvc.perform(
            post("/api/webhooks/test-forms")
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookController.TIMESTAMP, timestamp)
                .header(WebhookController.SIGNATURE, signed)
                .content(body(email).replace("BigCo", "EvilCo")))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/webhooks/test-forms")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(email)))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.title").value("Webhook not verified"));
    assertThat(store.findByEmail(email)).isEmpty();
  }

  @Test
  @DisplayName(
      "a timestamp outside the tolerance (stale or future) is refused, even correctly signed")
  void refusesStaleTimestamps() throws Exception {
    String email = LeadFixtures.unique("hook", "bigco.example");
    deliver("test-forms", body(email), clock.instant().minus(Duration.ofMinutes(6)), SECRET)
        .andExpect(status().isUnauthorized())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    org.hamcrest.Matchers.startsWith(
                        "The delivery's timestamp is more than 300 s")));
    deliver("test-forms", body(email), clock.instant().plus(Duration.ofMinutes(6)), SECRET)
        .andExpect(status().isUnauthorized());
    // Within the window is fine: clocks differ a little.
    deliver("test-forms", body(email), clock.instant().minus(Duration.ofMinutes(4)), SECRET)
        .andExpect(status().isAccepted());
  }

  @Test
  @DisplayName("the same delivery again is a replay: 409, and still one lead")
  void refusesReplays() throws Exception {
    String email = LeadFixtures.unique("hook", "bigco.example");
    Instant at = clock.instant();
    deliver("test-forms", body(email), at, SECRET).andExpect(status().isAccepted());
    deliver("test-forms", body(email), at, SECRET)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.title").value("Replayed delivery"));
    assertThat(store.findByEmail(email)).isPresent();
  }

  @Test
  @DisplayName(
      "a signed but invalid lead is 400 by field and not remembered: the corrected one goes in")
  void invalidLead() throws Exception {
    Instant at = clock.instant();
    deliver(
            "test-forms",
            "{\"email_address\":\"not-an-email\",\"first\":\"Ada\\nBcc: x@y.example\"}",
            at,
            SECRET)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("email"))
        .andExpect(jsonPath("$.errors[1].field").value("firstName"));
    deliver("test-forms", "[1,2]", at, SECRET).andExpect(status().isBadRequest());
    deliver(
            "test-forms",
            "{\"email_address\":\"a@b.example\",\"companySize\":\"many\"}",
            at,
            SECRET)
        .andExpect(status().isBadRequest());
    // An unknown provider answers as a wrong signature does: providers cannot be enumerated.
    deliver("nobody", body("x@y.example"), at, SECRET).andExpect(status().isUnauthorized());
  }
}
