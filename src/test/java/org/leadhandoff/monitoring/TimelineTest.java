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

  @Autowired ActorNames actors;
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
    return timeline(leadId, "en");
  }

  private List<Map<String, Object>> timeline(UUID leadId, String language) throws Exception {
    String body =
        http.perform(
                get("/api/leads/" + leadId + "/timeline")
                    .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, language))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readValue(body, new TypeReference<>() {});
  }

  /** A code behind an entry, "null" where it has none. */
  @SuppressWarnings("unchecked")
  private static String fact(Map<String, Object> entry, String name) {
    return String.valueOf(((Map<String, Object>) entry.get("facts")).get(name));
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
                      .anyMatch(e -> fact(e, "role").equals("SALES_REP"));
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

    // Stages in order, the capture first: in words for people, as codes for programs.
    assertThat(ofKind(entries, "STAGE"))
        .extracting(e -> (String) e.get("summary"))
        .startsWith(
            "New lead: Captured",
            "Captured → In profile",
            "In profile → Marketing-qualified (MQL)",
            "Marketing-qualified (MQL) → Accepted for qualification (SAL)")
        .contains("Accepted for qualification (SAL) → Sales-qualified (SQL)");
    assertThat(ofKind(entries, "STAGE"))
        .extracting(e -> fact(e, "from") + ">" + fact(e, "to"))
        .startsWith("null>NAME", "NAME>IN_PROFILE", "IN_PROFILE>MQL", "MQL>SAL")
        .contains("SAL>SQL");
    assertThat(ofKind(entries, "STAGE").get(1).get("byName")).isEqualTo("the lead lifecycle model");
    // The system parts that capture leads have words too.
    assertThat(actors.name("intake-api", java.util.Locale.GERMAN)).isEqualTo("Lead-Schnittstelle");
    assertThat(actors.name("webhook:typeform", java.util.Locale.ENGLISH))
        .isEqualTo("the form webhook typeform");
    assertThat(actors.name("csv-import:3250206f", java.util.Locale.ENGLISH))
        .isEqualTo("a list import");
    // A score says which rules fired.
    Map<String, Object> fit =
        ofKind(entries, "SCORE").stream()
            .filter(e -> fact(e, "score").equals("FIT"))
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
        .extracting(e -> fact(e, "role") + ":" + fact(e, "code"))
        .containsExactly(
            "QUALIFIER:SLA_MISSED", "SALES_REP:REP_REJECTED", "SALES_REP:REP_REJECTED");
    assertThat(ofKind(entries, "REROUTE").getFirst().get("summary"))
        .isEqualTo(
            "Qualification: taken from "
                + roster.find(firstQualifier).orElseThrow().name()
                + " (deadline missed)");
    // The deadline took it and reminded before: not the qualifier it was taken from. A rep who
    // said "not mine" did it themself.
    assertThat(ofKind(entries, "REROUTE").getFirst().get("by")).isEqualTo("follow-up-deadline");
    assertThat(ofKind(entries, "REROUTE").getFirst().get("byName"))
        .isEqualTo("the follow-up deadline");
    assertThat(ofKind(entries, "SLA_REMINDER").getFirst().get("by"))
        .isEqualTo("follow-up-deadline");
    assertThat(ofKind(entries, "REROUTE").get(1).get("by")).isEqualTo(firstRep);

    // Human decisions, with the person whose task it was and the reason.
    List<Map<String, Object>> decisions = ofKind(entries, "DECISION");
    assertThat(decisions)
        .extracting(e -> fact(e, "role") + ":" + fact(e, "code"))
        .containsExactly("QUALIFIER:QUALIFIED", "SALES_REP:REJECT", "SALES_REP:REJECT");
    assertThat(decisions.get(1).get("by")).isEqualTo(firstRep);
    assertThat(decisions.get(1).get("summary"))
        .isEqualTo(
            "Sales acceptance: "
                + roster.find(firstRep).orElseThrow().name()
                + " decided: rejected");
    assertThat(decisions.get(1).get("detail")).isEqualTo("wrong territory");
    // (The qualifiers may have had nobody left too, depending on who works today.)
    assertThat(ofKind(entries, "ESCALATION").getLast().get("summary").toString())
        .isEqualTo("Sales acceptance: escalated to the sales manager (nobody available)");
    assertThat(ofKind(entries, "ROUTING").getLast().get("summary").toString())
        .contains("nobody available");
    assertThat(ofKind(entries, "MAIL"))
        .extracting(e -> (String) e.get("summary"))
        .anyMatch(s -> s.startsWith("assignment:"))
        // A subject that names its kind already is not prefixed twice ("Reminder: Reminder: …").
        .anyMatch(s -> s.startsWith("Reminder: Ada Lovelace"))
        .anyMatch(s -> s.startsWith("Escalation: Ada Lovelace"))
        .noneMatch(s -> s.toLowerCase(java.util.Locale.ROOT).matches("(\\w+): \\1:.*"));

    // The same story in German, asked for as the browser asks.
    List<Map<String, Object>> german = timeline(leadId, "de-DE,de;q=0.9");
    assertThat(ofKind(german, "STAGE").get(1).get("summary")).isEqualTo("Erfasst → Im Profil");
    assertThat(ofKind(german, "ESCALATION").getLast().get("summary").toString())
        .isEqualTo(
            "Annahme durch den Vertrieb: an die Vertriebsleitung eskaliert (niemand verfügbar)");
    // The hand-raise in words too, and the deadline as the one that took the lead.
    assertThat(ofKind(german, "ENGAGEMENT"))
        .extracting(e -> e.get("summary"))
        .contains("hat eine Demo angefragt");
    assertThat(ofKind(german, "REROUTE").getFirst().get("byName")).isEqualTo("Bearbeitungsfrist");
  }

  @Test
  @DisplayName("the timeline of an unknown lead is a 404")
  void unknownLead() throws Exception {
    http.perform(get("/api/leads/" + UUID.randomUUID() + "/timeline"))
        .andExpect(status().isNotFound());
  }
}
