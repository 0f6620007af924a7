package org.leadhandoff.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.routing.RosterStore;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One lead through every kind of event, read back from GET /api/leads/{id}/timeline: stage changes,
 * scores, engagement, routing, mails, a reminder, a missed SLA, human decisions, a rep-specific
 * rejection and an escalation, in order and each with who or which rule did it.
 */
@EmbeddedEngineTest
class TimelineTest {

  @Autowired LeadFixtures leads;
  @Autowired ProcessTestSupport process;
  @Autowired RosterStore roster;
  @Autowired MockMvc http;
  @Autowired io.micrometer.core.instrument.MeterRegistry registry;
  @Autowired ObjectMapper json;

  @BeforeEach
  void assertions() {
    process.initAssertions();
  }

  private List<Map<String, Object>> timeline(UUID leadId) throws Exception {
    String body =
        http.perform(get("/api/leads/" + leadId + "/timeline"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readValue(body, new TypeReference<>() {});
  }

  private static List<Map<String, Object>> ofKind(List<Map<String, Object>> entries, String kind) {
    return entries.stream().filter(e -> kind.equals(e.get("kind"))).toList();
  }

  private double count(String name, String... tags) {
    var counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  private void reject(UUID leadId) {
    process.awaitWaitingAt(
        process.instanceOf(Processes.SALES_HANDOFF, leadId), "UserTask_AcceptLead");
    process.rejectAsSalesRep(leadId, "WRONG_TERRITORY");
  }

  @Test
  @DisplayName("the timeline tells a lead's whole story in order, with who or what did each step")
  void everyKindOfEvent() throws Exception {
    double breaches = count("leadhandoff.sla.breaches", "role", "QUALIFIER");
    double rejections = count("leadhandoff.reroutes", "role", "SALES_REP", "cause", "REP_REJECTED");
    UUID leadId = process.hotLeadInQualification(leads);
    var qualification = process.instanceOf(Processes.PHONE_QUALIFICATION, leadId);

    // Reminder, then the missed first-touch SLA (a hot lead has four hours).
    process.advance(Duration.ofHours(3).plusMinutes(5));
    process.awaitPassed(qualification, "Task_RemindOwner", 1);
    process.advance(Duration.ofHours(1));
    process.awaitPassed(qualification, "Task_PlanReroute", 1);
    process.awaitWaitingAt(qualification, "UserTask_QualifyByPhone");
    process.completeUserTask(
        Processes.PHONE_QUALIFICATION,
        leadId,
        "UserTask_QualifyByPhone",
        Map.of("qualificationOutcome", "QUALIFIED"));

    // Both sales reps say "not mine": the second reroute finds nobody and escalates.
    var handoff = process.instanceOf(Processes.SALES_HANDOFF, leadId);
    process.awaitWaitingAt(handoff, "UserTask_AcceptLead");
    String firstRep = roster.history(leadId).getLast().chosenRep();
    reject(leadId);
    process.awaitPassed(handoff, "Task_PlanReroute", 1);
    reject(leadId);
    process.awaitPassed(handoff, "Task_PlanReroute", 2);
    await()
        .atMost(ProcessTestSupport.WAIT)
        .until(
            () -> {
              var now = timeline(leadId);
              return ofKind(now, "DECISION").size() == 3
                  && ofKind(now, "ESCALATION").stream()
                      .anyMatch(e -> e.get("summary").toString().startsWith("SALES_REP"));
            });

    List<Map<String, Object>> entries = timeline(leadId);
    // The same facts as counters (other tests' timers may add to them on the shared engine).
    assertThat(count("leadhandoff.sla.breaches", "role", "QUALIFIER"))
        .isGreaterThanOrEqualTo(breaches + 1);
    assertThat(count("leadhandoff.reroutes", "role", "SALES_REP", "cause", "REP_REJECTED"))
        .isGreaterThanOrEqualTo(rejections + 2);
    assertThat(entries)
        .extracting(e -> (String) e.get("kind"))
        .contains(
            "STAGE",
            "SCORE",
            "ENGAGEMENT",
            "ROUTING",
            "MAIL",
            "SLA_REMINDER",
            "REROUTE",
            "DECISION",
            "ESCALATION");
    assertThat(entries).extracting(e -> java.time.Instant.parse((String) e.get("at"))).isSorted();
    assertThat(entries).allSatisfy(e -> assertThat((String) e.get("by")).isNotBlank());

    // Stages in order, the capture first.
    assertThat(ofKind(entries, "STAGE"))
        .extracting(e -> (String) e.get("summary"))
        .startsWith("captured as NAME", "NAME → IN_PROFILE", "IN_PROFILE → MQL", "MQL → SAL")
        .contains("SAL → SQL");
    // A score says which rules fired.
    Map<String, Object> fit =
        ofKind(entries, "SCORE").stream()
            .filter(e -> ((String) e.get("summary")).startsWith("FIT"))
            .findFirst()
            .orElseThrow();
    assertThat(fit.get("detail").toString()).contains("rules", "criteriaVersion");

    // The missed SLA is the first qualifier's; the reroutes name their cause.
    String firstQualifier =
        roster.history(leadId).stream()
            .filter(r -> r.role().name().equals("QUALIFIER"))
            .findFirst()
            .orElseThrow()
            .chosenRep();
    assertThat(ofKind(entries, "REROUTE"))
        .extracting(e -> (String) e.get("summary"))
        .containsExactly(
            "QUALIFIER: rerouted (SLA_MISSED)",
            "SALES_REP: rerouted (REP_REJECTED)",
            "SALES_REP: rerouted (REP_REJECTED)");
    assertThat(ofKind(entries, "REROUTE").getFirst().get("by")).isEqualTo(firstQualifier);
    assertThat(ofKind(entries, "SLA_REMINDER").getFirst().get("by")).isEqualTo(firstQualifier);

    // Human decisions, with the person whose task it was and the reason.
    List<Map<String, Object>> decisions = ofKind(entries, "DECISION");
    assertThat(decisions)
        .extracting(e -> (String) e.get("summary"))
        .containsExactly(
            "QUALIFIER decided QUALIFIED", "SALES_REP decided REJECT", "SALES_REP decided REJECT");
    assertThat(decisions.get(1).get("by")).isEqualTo(firstRep);
    assertThat(decisions.get(1).get("detail")).isEqualTo("WRONG_TERRITORY");
    // (The qualifiers may have had nobody left too, depending on who works today.)
    assertThat(ofKind(entries, "ESCALATION").getLast().get("summary").toString())
        .isEqualTo("SALES_REP: escalated to the sales manager (NOBODY_AVAILABLE)");
    assertThat(ofKind(entries, "ROUTING").getLast().get("summary").toString())
        .contains("nobody available");
    assertThat(ofKind(entries, "MAIL"))
        .extracting(e -> (String) e.get("summary"))
        .anyMatch(s -> s.startsWith("assignment:"))
        .anyMatch(s -> s.startsWith("reminder:"))
        .anyMatch(s -> s.startsWith("escalation:"));
  }

  @Test
  @DisplayName("the timeline of an unknown lead is a 404")
  void unknownLead() throws Exception {
    http.perform(get("/api/leads/" + UUID.randomUUID() + "/timeline"))
        .andExpect(status().isNotFound());
  }
}
