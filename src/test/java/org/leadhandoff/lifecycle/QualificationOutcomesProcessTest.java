package org.leadhandoff.lifecycle;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.ScoreKind;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.lead.StageChange;
import org.leadhandoff.lead.StoredScore;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.scoring.Temperature;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What happens after the phone call: the five outcomes, the sales handoff, and the recycle loop.
 */
@EmbeddedEngineTest
class QualificationOutcomesProcessTest {

  private static final String QUALIFY = "UserTask_QualifyByPhone";
  private static final String ACCEPT = "UserTask_AcceptLead";

  @Autowired LeadFixtures leads;
  @Autowired LeadStore store;
  @Autowired ProcessTestSupport process;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;
  @Autowired org.leadhandoff.routing.RosterStore roster;

  private static org.springframework.test.web.servlet.ResultActions read(
      org.springframework.test.web.servlet.MockMvc mvc,
      String path,
      org.springframework.test.web.servlet.request.RequestPostProcessor who)
      throws Exception {
    return mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(who));
  }

  private static org.springframework.test.web.servlet.ResultMatcher at(
      UUID leadId, String field, Object value) {
    return org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
            "$..[?(@.leadId == '" + leadId + "')]." + field)
        .value(org.hamcrest.Matchers.hasItem(value));
  }

  @BeforeEach
  void assertions() {
    process.initAssertions();
  }

  /** A grade-A lead that raised its hand: it waits in the qualifiers' queue. */
  private UUID leadInQualification() {
    UUID leadId = leads.gradeA();
    process.awaitWaitingAt(process.lifecycleOf(leadId), "Gateway_AwaitEngagement");
    leads.engage(leadId, "demo-request", 0);
    process.awaitWaitingAt(process.instanceOf(Processes.PHONE_QUALIFICATION, leadId), QUALIFY);
    return leadId;
  }

  private void qualify(UUID leadId, Map<String, Object> answers) {
    process.completeUserTask(Processes.PHONE_QUALIFICATION, leadId, QUALIFY, answers);
  }

  @Test
  @DisplayName(
      "qualified with BANT confirmed, then accepted by sales: the lead becomes an opportunity")
  void qualifiedAndAcceptedBecomesOpportunity() {
    UUID leadId = leadInQualification();

    qualify(
        leadId,
        Map.of(
            "qualificationOutcome", "QUALIFIED",
            "budgetConfirmed", true,
            "authorityConfirmed", true,
            "needConfirmed", true,
            "timingConfirmed", true,
            "painPoints", "manual lead routing"));
    process.awaitWaitingAt(process.instanceOf(Processes.SALES_HANDOFF, leadId), ACCEPT);
    process.completeUserTask(
        Processes.SALES_HANDOFF,
        leadId,
        ACCEPT,
        Map.of("salesDecision", "ACCEPT", "amount", 12000, "expectedCloseDate", "2027-03-31"));

    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitCompleted(lifecycle);
    assertThat(lifecycle)
        .hasPassedElementsInOrder(
            "Event_Sal",
            "CallActivity_QualifyByPhone",
            "Event_Sql",
            "Task_ClassifyQualifiedLead",
            "CallActivity_HandOffToSales",
            "Event_Opportunity",
            "EndEvent_LeadConverted")
        .isCompleted();
    assertThat(leads.stages(leadId))
        .containsExactly(
            Stage.NAME, Stage.IN_PROFILE, Stage.MQL, Stage.SAL, Stage.SQL, Stage.OPPORTUNITY);
    assertThat(store.find(leadId).orElseThrow().temperature()).isEqualTo(Temperature.HOT);
    assertThat(store.scores(leadId))
        .filteredOn(s -> s.kind() == ScoreKind.CLASSIFICATION)
        .last()
        .extracting(StoredScore::explanation)
        .asList()
        .first()
        .hasToString(
            "ScoreLine[rule=classification.temperature, points=0, detail=HOT: budget, authority,"
                + " need and timing confirmed, code=HOT_BANT, facts={}]");
    // The rep's acceptance is recorded with the deal they entered.
    assertThat(decisions(leadId)).contains("ACCEPT: amount 12000, expected close 2027-03-31");
    // Every stage of the path says why in the stage history.
    assertThat(
            jdbc.sql(
                    "select to_stage || ': ' || reason from lead_stage_change"
                        + " where lead_id = ? and to_stage in ('SAL', 'SQL', 'OPPORTUNITY')"
                        + " order by changed_at, id")
                .param(leadId)
                .query(String.class)
                .list())
        .containsExactly(
            "SAL: handed to the qualifiers as a hot lead",
            "SQL: qualified by phone, confirmed: budget, authority, need, timing",
            "OPPORTUNITY: accepted by sales: amount 12,000, expected close Mar 31, 2027");
  }

  private java.util.List<String> decisions(UUID leadId) {
    return jdbc.sql(
            "select code || ': ' || coalesce(detail, '-') from lead_activity"
                + " where lead_id = ? and kind = 'DECISION' order by id")
        .param(leadId)
        .query(String.class)
        .list();
  }

  @Test
  @DisplayName("disqualified by the qualifier: the lead is closed with the reason")
  void disqualifiedByQualifier() {
    UUID leadId = leadInQualification();

    qualify(
        leadId,
        Map.of("qualificationOutcome", "DISQUALIFIED", "disqualificationReason", "STUDENT"));

    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitCompleted(lifecycle);
    assertThat(lifecycle)
        .hasPassedElementsInOrder(
            "Gateway_QualificationOutcome", "Event_Disqualified", "EndEvent_LeadClosed")
        .hasNotPassedElement("Event_Sql");
    StageChange last = store.history(leadId).getLast();
    assertThat(last.toStage()).isEqualTo(Stage.DISQUALIFIED);
    assertThat(last.fromStage()).isEqualTo(Stage.SAL);
    assertThat(last.reasonCode()).isEqualTo("STUDENT");
    assertThat(last.reason()).isEqualTo("student or job seeker");
    assertThat(last.changedBy()).isEqualTo("lead-lifecycle/Event_Disqualified");
  }

  @Test
  @DisplayName(
      "not now: recycled until the revisit date, then in profile again with engagement reset and the threshold re-armed")
  void notNowRecyclesUntilRevisitDate() throws Exception {
    UUID leadId = leadInQualification();
    LocalDate revisit = LocalDate.ofInstant(process.now(), ZoneOffset.UTC).plusDays(30);

    qualify(leadId, Map.of("qualificationOutcome", "NOT_NOW", "revisitDate", revisit.toString()));

    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Event_RevisitDue");
    assertThat(store.history(leadId).getLast())
        .satisfies(
            change -> {
              assertThat(change.toStage()).isEqualTo(Stage.RECYCLED);
              assertThat(change.reason()).isEqualTo("not now: revisit on " + written(revisit));
              assertThat(change.reasonFacts()).contains(revisit.toString());
            });
    // Marketing sees it came back, why, and when it returns; the qualifier sees it among their
    // leads.
    var marketing =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user("marketing")
            .roles("MARKETING");
    read(mvc, "/api/reports/returned", marketing)
        .andExpect(at(leadId, "reasonCode", "NOT_NOW"))
        .andExpect(at(leadId, "reason", "not now: revisit on " + written(revisit)))
        .andExpect(at(leadId, "reasonFacts.revisitOn", revisit.toString()))
        .andExpect(at(leadId, "revisitAt", revisit + "T08:00:00Z"))
        .andExpect(at(leadId, "stageNow", "RECYCLED"));
    String qualifier = roster.history(leadId).getFirst().chosenRep();
    read(
            mvc,
            "/api/tasks/decisions",
            org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user(qualifier)
                .roles("QUALIFIER"))
        .andExpect(at(leadId, "decision", "NOT_NOW"))
        .andExpect(at(leadId, "stage", "RECYCLED"));
    process.advance(Duration.ofDays(29));
    assertThat(
            process.count(
                lifecycle,
                "Event_RevisitDue",
                io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_COMPLETED))
        .isZero();

    process.advance(Duration.ofDays(2));

    process.awaitPassed(lifecycle, "Task_ResetEngagement", 1);
    process.awaitPassed(lifecycle, "Task_ScoreEngagement", 2);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitEngagement");
    assertThat(leads.stages(leadId)).endsWith(Stage.SAL, Stage.RECYCLED, Stage.IN_PROFILE);
    // The hand-raise that made it an MQL no longer counts: it must earn MQL again.
    assertThat(store.find(leadId).orElseThrow().engagementPoints()).isZero();
    assertThat(store.scores(leadId))
        .filteredOn(s -> s.kind() == ScoreKind.ENGAGEMENT)
        .extracting(StoredScore::result)
        .endsWith("RESET", "BELOW_MQL");

    leads.engage(leadId, "contact-sales", 0);

    process.awaitPassed(lifecycle, "Event_Mql", 2);
    // (It may already have gone on to SAL: the qualification follows at once.)
    assertThat(leads.stages(leadId)).containsSequence(Stage.RECYCLED, Stage.IN_PROFILE, Stage.MQL);
  }

  @Test
  @DisplayName(
      "mis-scored: back to marketing in profile with the qualifier's reason, engagement reset")
  void misScoredGoesBackToMarketing() throws Exception {
    UUID leadId = leadInQualification();

    qualify(
        leadId,
        Map.of(
            "qualificationOutcome",
            "MIS_SCORED",
            "misScoredReason",
            "works for a reseller, not an end customer"));

    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitPassed(lifecycle, "Task_ResetEngagement", 1);
    process.awaitPassed(lifecycle, "Task_ScoreEngagement", 2);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitEngagement");
    assertThat(lifecycle)
        .hasPassedElementsInOrder("Event_ReturnedToMarketing", "Task_ResetEngagement")
        .hasNotPassedElement("Event_Recycled");
    assertThat(store.history(leadId).getLast())
        .satisfies(
            change -> {
              assertThat(change.fromStage()).isEqualTo(Stage.SAL);
              assertThat(change.toStage()).isEqualTo(Stage.IN_PROFILE);
              assertThat(change.reason())
                  .isEqualTo("mis-scored; notes: works for a reseller, not an end customer");
            });
    read(
            mvc,
            "/api/reports/returned",
            org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user("marketing")
                .roles("MARKETING"))
        .andExpect(at(leadId, "reasonCode", "MIS_SCORED"))
        .andExpect(
            at(leadId, "reason", "mis-scored; notes: works for a reseller, not an end customer"))
        .andExpect(at(leadId, "reasonFacts.note", "works for a reseller, not an end customer"));
  }

  @Test
  @DisplayName(
      "no answer: the qualifier is asked to call again on the cadence, and the lead is recycled after the last attempt")
  void noAnswerRetriesThenRecycles() {
    UUID leadId = leadInQualification();
    InspectedProcessInstance qualification =
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId);

    qualify(leadId, Map.of("qualificationOutcome", "NO_ANSWER"));
    process.awaitWaitingAt(qualification, "Event_CallRetryDue");
    process.advance(Duration.ofDays(1).plusMinutes(1));
    process.awaitWaitingAt(qualification, QUALIFY);
    qualify(leadId, Map.of("qualificationOutcome", "NO_ANSWER"));
    process.awaitWaitingAt(qualification, "Event_CallRetryDue");
    process.advance(Duration.ofDays(1).plusMinutes(1));
    process.awaitPassed(qualification, "Event_CallRetryDue", 2);
    process.awaitWaitingAt(qualification, QUALIFY);
    qualify(leadId, Map.of("qualificationOutcome", "NO_ANSWER"));

    process.awaitCompleted(qualification);
    assertThat(process.userTaskJobsCreated(qualification.getProcessInstanceKey(), QUALIFY))
        .isEqualTo(3);
    assertThat(qualification).hasPassedElement("EndEvent_LeadNotReached");
    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Event_RevisitDue");
    assertThat(store.history(leadId).getLast())
        .satisfies(
            change -> {
              assertThat(change.toStage()).isEqualTo(Stage.RECYCLED);
              assertThat(change.reason()).isEqualTo("no answer after 3 call attempts");
            });
  }

  @Test
  @DisplayName("rejected by sales: recycled with the rejection reason and the rep's notes")
  void rejectedBySalesIsRecycled() {
    UUID leadId = leadInQualification();
    qualify(leadId, Map.of("qualificationOutcome", "QUALIFIED", "budgetConfirmed", true));
    process.awaitWaitingAt(process.instanceOf(Processes.SALES_HANDOFF, leadId), ACCEPT);

    process.completeUserTask(
        Processes.SALES_HANDOFF,
        leadId,
        ACCEPT,
        Map.of(
            "salesDecision", "REJECT",
            "rejectionReason", "NO_BUDGET",
            "rejectionNotes", "budget frozen until Q3, ask again in July",
            "followUpsDone", java.util.List.of("CALL_1", "CALL_2", "EMAIL")));

    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Event_RevisitDue");
    assertThat(lifecycle)
        .hasPassedElementsInOrder("Gateway_SalesDecision", "Task_PlanRecycle", "Event_Recycled")
        .hasNotPassedElement("Event_Opportunity");
    assertThat(store.history(leadId).getLast())
        .satisfies(
            change -> {
              assertThat(change.fromStage()).isEqualTo(Stage.SQL);
              assertThat(change.toStage()).isEqualTo(Stage.RECYCLED);
              assertThat(change.reason())
                  .isEqualTo(
                      "rejected by sales: no budget;"
                          + " notes: budget frozen until Q3, ask again in July");
            });
    assertThat(decisions(leadId)).contains("REJECT: NO_BUDGET");
    // Marketing's recycle mail carries what the rep wrote, not only the code.
    assertThat(
            jdbc.sql(
                    "select text_body from mail_outbox where lead_id = ? and occasion like 'recycled:%'")
                .param(leadId)
                .query(String.class)
                .single())
        .contains("rejected by sales: no budget; notes: budget frozen until Q3, ask again in July")
        // A page marketing may open (the inbox is the sales floor's).
        .contains("/dashboard/#lead/" + leadId)
        .doesNotContain("/inbox/");
  }

  @Test
  @DisplayName(
      "the qualification task carries its form, the qualifiers' group, and no contact data")
  void qualificationTaskHasLinkedForm() {
    UUID leadId = leadInQualification();
    long instanceKey =
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId).getProcessInstanceKey();

    var job = process.userTaskJob(instanceKey, QUALIFY).orElseThrow();

    assertThat(job.getValue().getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"qualifiers\"]")
        .containsKey("io.camunda.zeebe:formKey")
        .containsKey("io.camunda.zeebe:dueDate");
    assertThat(job.getValue().getCustomHeaders().get("io.camunda.zeebe:assignee"))
        .isIn("quinn", "riley");
    // A hot lead (a grade-A hand-raise) is due within the hot first-touch SLA of four hours.
    java.time.Instant due =
        java.time.OffsetDateTime.parse(
                job.getValue().getCustomHeaders().get("io.camunda.zeebe:dueDate"))
            .toInstant();
    assertThat(due)
        .isBetween(
            process.now().plus(Duration.ofHours(3)), process.now().plus(Duration.ofHours(4)));
    assertThat(process.records().variableRecords())
        .filteredOn(v -> v.getValue().getProcessInstanceKey() == instanceKey)
        .extracting(v -> v.getValue().getName())
        .containsOnly(
            "leadId",
            "leadUrl",
            "temperature",
            "priority",
            "fitGrade",
            "fitPoints",
            "engagementPoints",
            "sourceCategory",
            // What the routing table reads and answers: the lead's market, not the person.
            "country",
            "companySize",
            "role",
            "routingTeam",
            "dueAt",
            "remindAt",
            "assignee",
            // Emptied by every routing, so that a hand-over is used once: roster ids at most.
            "handOverTo",
            "handOverBy",
            "handOverReason");
  }

  /** A date as the English words of a stage reason write it ("Apr 13, 2027"). */
  private static String written(LocalDate date) {
    return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
        .withLocale(java.util.Locale.ENGLISH)
        .format(date);
  }
}
