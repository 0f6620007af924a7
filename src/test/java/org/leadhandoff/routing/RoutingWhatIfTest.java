package org.leadhandoff.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.support.Contacts;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A manager asks how last period's leads would have spread with Sam at weight 2, or with a routing
 * table that sends DE leads under 50 employees to inside sales; nothing is changed by asking.
 */
@EmbeddedEngineTest
class RoutingWhatIfTest {

  @Autowired MockMvc mvc;
  @Autowired RoutingService routing;
  @Autowired LeadStore leads;
  @Autowired ProcessTestSupport process;
  @Autowired ObjectMapper json;
  @Autowired RosterStore roster;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /** 12 GB leads of 500 people and 12 DE leads of 20, routed to the sales reps one by one. */
  private void history() {
    for (int i = 0; i < 24; i++) {
      boolean small = i % 2 == 1;
      UUID lead =
          leads
              .create(
                  Contacts.contact(UUID.randomUUID() + "@whatif.example")
                      .company("Co " + i, small ? 20 : 500)
                      .country(small ? "DE" : "GB")
                      .build(),
                  "test")
              .id();
      routing.route(lead, Role.SALES_REP, false, null, "what-if-history:" + lead);
      // Done at once: capacity never decides here.
      routing.release(lead, Role.SALES_REP);
    }
  }

  private long routingDecisions() {
    return jdbc.sql("select count(*) from routing_decision").query(Long.class).single();
  }

  private ResultActions ask(Object body, String role) throws Exception {
    return mvc.perform(
        post("/api/reports/routing-what-if")
            .with(user("someone").roles(role))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  private Map<String, Object> period(Map<String, Object> more) {
    LocalDate today = LocalDate.ofInstant(process.now(), ZoneOffset.UTC);
    var body = new java.util.HashMap<String, Object>(more);
    body.put("from", today.minusDays(1).toString());
    body.put("to", today.plusDays(1).toString());
    return body;
  }

  private static JsonNode person(JsonNode result, String repId) {
    for (JsonNode person : result.path("people")) {
      if (repId.equals(person.path("repId").asText())) {
        return person;
      }
    }
    throw new AssertionError(repId + " not in " + result);
  }

  @Test
  @DisplayName(
      "weight 2 for Sam: two thirds of the period's leads would have been his, next to the half he"
          + " got; a table row sends the small DE leads to a team nobody is in yet")
  void weightsAndTable() throws Exception {
    history();
    long routingsBefore = routingDecisions();

    JsonNode weighted =
        json.readTree(
            ask(period(Map.of("weights", Map.of("sam", 2.0))), "SALES_MANAGER")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(weighted.path("routings").asInt()).isEqualTo(24);
    assertThat(person(weighted, "sam").path("actual").asInt()).isEqualTo(12);
    assertThat(person(weighted, "alex").path("actual").asInt()).isEqualTo(12);
    assertThat(person(weighted, "sam").path("whatIf").asInt()).isEqualTo(16);
    assertThat(person(weighted, "alex").path("whatIf").asInt()).isEqualTo(8);
    assertThat(person(weighted, "sam").path("change").asInt()).isEqualTo(4);
    assertThat(weighted.path("byRule").path("everyone of the role").asInt())
        .as(weighted.toString())
        .isEqualTo(24);
    assertThat(weighted.path("assumptions").size()).isPositive();

    String table =
        new ClassPathResource("bpmn/routing-team.dmn")
            .getContentAsString(StandardCharsets.UTF_8)
            .replace(
                "<rule id=\"Rule_EveryoneOfTheRole\">",
                """
                <rule id="Rule_SmallDe">
                  <inputEntry id="T1"><text>"SALES_REP"</text></inputEntry>
                  <inputEntry id="T2"><text>"DE"</text></inputEntry>
                  <inputEntry id="T3"><text>&lt; 50</text></inputEntry>
                  <inputEntry id="T4"><text>-</text></inputEntry>
                  <inputEntry id="T5"><text>-</text></inputEntry>
                  <outputEntry id="O1"><text>"inside-sales"</text></outputEntry>
                  <outputEntry id="O2"><text>"DE under 50 to inside sales"</text></outputEntry>
                </rule>
                <rule id="Rule_EveryoneOfTheRole">""");
    ask(period(Map.of("table", table)), "MARKETING")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.byRule['DE under 50 to inside sales']").value(12))
        .andExpect(jsonPath("$.byRule['everyone of the role']").value(12))
        .andExpect(jsonPath("$.unassigned").value(12))
        .andExpect(jsonPath("$.people[?(@.repId == 'sam')].whatIf").value(6))
        .andExpect(jsonPath("$.people[?(@.repId == 'alex')].whatIf").value(6));

    assertThat(roster.find("sam").orElseThrow().weight())
        .as("asking changed nothing")
        .isEqualTo(Rep.DEFAULT_WEIGHT);
    assertThat(routingDecisions()).as("no routing written by asking").isEqualTo(routingsBefore);
  }

  @Test
  @DisplayName(
      "a weight for nobody on the roster, a weight out of range and a table the engine cannot"
          + " read are 400s naming the field; qualifiers may not ask")
  void refusals() throws Exception {
    ask(period(Map.of("weights", Map.of("bob", 2.0))), "SALES_MANAGER")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("weights.bob"));
    ask(period(Map.of("weights", Map.of("sam", 20.0))), "SALES_MANAGER")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("weights.sam"));
    // Every bad weight at once; a manager is given no leads to weigh.
    ask(period(Map.of("weights", Map.of("bob", 2.0, "morgan", 1.0, "sam", 0.0))), "SALES_MANAGER")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    org.hamcrest.Matchers.containsInAnyOrder(
                        "weights.bob", "weights.morgan", "weights.sam")));
    // No body at all: a sentence, not the Java method that wanted one.
    mvc.perform(
            post("/api/reports/routing-what-if")
                .with(user("someone").roles("SALES_MANAGER"))
                .contentType(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"))
        .andExpect(jsonPath("$.errors[0].message").value("is required: a JSON object"));
    ask(period(Map.of("table", "<definitions>not a table")), "SALES_MANAGER")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("table"));
    ask(period(Map.of()), "QUALIFIER").andExpect(status().isForbidden());
  }
}
