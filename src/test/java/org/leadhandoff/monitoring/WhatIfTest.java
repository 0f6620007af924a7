package org.leadhandoff.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.EngagementEventStore;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.support.Contacts;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The quarterly review's what-if: four in-profile leads with known engagement, scored again with a
 * stricter MQL threshold. Current criteria (mql-at 50) pass three of them; at 70 the one with
 * exactly 50 points drops out, and that is the lead sales later rejected.
 */
@EmbeddedEngineTest
class WhatIfTest {

  @Autowired LeadStore store;
  @Autowired EngagementEventStore eventStore;
  @Autowired MockMvc http;
  @Autowired ObjectMapper json;
  @Autowired java.time.Clock clock;

  String source;
  Instant now;
  UUID borderline;

  private UUID lead(String name, String... events) {
    LeadContact profile = LeadFixtures.gradeAProfile(LeadFixtures.unique(name, "bigco.example"));
    UUID id =
        store
            .create(
                Contacts.contact(profile.email())
                    .name(profile.firstName(), profile.lastName())
                    .phone(profile.phone())
                    .company(profile.company(), profile.companySize())
                    .industry(profile.industry())
                    .title(profile.title())
                    .country(profile.country())
                    .source(source)
                    .consent(true)
                    .build(),
                "test")
            .id();
    for (int i = 0; i < events.length; i++) {
      eventStore.add(id, name + "-" + i, events[i], now, null);
    }
    return id;
  }

  private void history(UUID id, Object... stagesAndCodes) {
    for (int i = 0; i < stagesAndCodes.length; i++) {
      Stage stage = (Stage) stagesAndCodes[i];
      String code =
          i + 1 < stagesAndCodes.length && stagesAndCodes[i + 1] instanceof String s ? s : null;
      if (code != null) {
        i++;
      }
      store.changeStage(id, stage, code, code, "test", null);
    }
  }

  @BeforeEach
  void seed() {
    source = "what-if-" + UUID.randomUUID();
    now = clock.instant();
    // 30 points, a hand-raise: MQL under any threshold. Later converted.
    UUID converted = lead("demo", "demo-request");
    history(converted, Stage.IN_PROFILE, Stage.MQL, Stage.SAL, Stage.SQL, Stage.OPPORTUNITY);
    // 20 (pricing, capped) + 30 (webinars) = 50: MQL at 50, not at 70. Sales rejected it.
    borderline =
        lead("borderline", "pricing-page", "pricing-page", "webinar-attended", "webinar-attended");
    history(
        borderline,
        Stage.IN_PROFILE,
        Stage.MQL,
        Stage.SAL,
        Stage.SQL,
        Stage.RECYCLED,
        "REJECTED_BY_SALES");
    // 20 + 30 + 24 (downloads) = 74: MQL either way. Still being worked.
    UUID keen =
        lead(
            "keen",
            "pricing-page",
            "pricing-page",
            "webinar-attended",
            "webinar-attended",
            "content-download",
            "content-download",
            "content-download");
    history(keen, Stage.IN_PROFILE, Stage.MQL, Stage.SAL);
    // 4 points: never an MQL.
    UUID idle = lead("idle", "page-visit", "page-visit");
    history(idle, Stage.IN_PROFILE);
  }

  private JsonNode whatIf(Map<String, Object> criteria) throws Exception {
    var body =
        Map.of(
            "from",
            now.minus(Duration.ofDays(1)).toString().replace("Z", "+00:00"),
            "to",
            now.plus(Duration.ofDays(1)).toString().replace("Z", "+00:00"),
            "source",
            source,
            "criteria",
            criteria);
    String response =
        http.perform(
                post("/api/reports/what-if")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(body)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(response);
  }

  @Test
  @DisplayName("a stricter MQL threshold passes exactly one lead fewer: the one sales rejected")
  void stricterThreshold() throws Exception {
    JsonNode result = whatIf(Map.of("engagement", Map.of("mql-at", 70)));

    assertThat(result.get("leads").asLong()).isEqualTo(4);
    assertThat(result.at("/now/mql").asLong()).isEqualTo(3);
    assertThat(result.at("/alternative/mql").asLong()).isEqualTo(2);
    assertThat(result.get("noLongerMql").asLong()).isEqualTo(1);
    assertThat(result.get("newlyMql").asLong()).isZero();
    assertThat(result.at("/now/inProfile").asLong()).isEqualTo(4);

    Map<String, long[]> outcomes = new java.util.HashMap<>();
    result
        .get("outcomes")
        .forEach(
            row ->
                outcomes.put(
                    row.get("outcome").asText(),
                    new long[] {
                      row.get("leads").asLong(),
                      row.get("mqlNow").asLong(),
                      row.get("mqlAlternative").asLong()
                    }));
    assertThat(outcomes.get("OPPORTUNITY")).containsExactly(1, 1, 1);
    assertThat(outcomes.get("REJECTED_BY_SALES")).containsExactly(1, 1, 0);
    assertThat(outcomes.get("IN_PROGRESS")).containsExactly(1, 1, 1);
    assertThat(outcomes.get("NEVER_MQL")).containsExactly(1, 0, 0);

    assertThat(result.get("changes")).hasSize(1);
    assertThat(result.at("/changes/0/outcome").asText()).isEqualTo("REJECTED_BY_SALES");
    assertThat(result.at("/changes/0/now/engagementPoints").asInt()).isEqualTo(50);
    assertThat(result.get("criteriaAlternative").asText()).endsWith("with changes");
    // A what-if records nothing: no score, no stage change.
    assertThat(store.scores(borderline)).isEmpty();
    assertThat(store.find(borderline).orElseThrow().stage()).isEqualTo(Stage.RECYCLED);
  }

  @Test
  @DisplayName("the same criteria change nothing; a looser fit threshold can pass more leads")
  void sameCriteriaSameAnswer() throws Exception {
    JsonNode same = whatIf(Map.of());
    assertThat(same.at("/now/mql").asLong()).isEqualTo(same.at("/alternative/mql").asLong());
    assertThat(same.get("changes")).isEmpty();

    JsonNode looser = whatIf(Map.of("engagement", Map.of("mql-at", 4), "version", "2027-Q1"));
    assertThat(looser.at("/alternative/mql").asLong()).isEqualTo(4);
    assertThat(looser.get("newlyMql").asLong()).isEqualTo(1);
    assertThat(looser.get("criteriaAlternative").asText()).isEqualTo("2027-Q1");
  }

  @Test
  @DisplayName("criteria that criteria.yaml would refuse are refused here too, naming the key")
  void badCriteria() throws Exception {
    var body =
        Map.of("source", source, "criteria", Map.of("engagement", Map.of("half-life", "soon")));
    http.perform(
            post("/api/reports/what-if")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.containsString("half-life")));
  }
}
