package org.leadhandoff.lifecycle;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.intake.CaptureResult;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.ScoreKind;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.lead.StoredScore;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.scoring.Grade;
import org.leadhandoff.scoring.Temperature;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** The lead lifecycle from capture to phone qualification: fit, engagement and their detours. */
@EmbeddedEngineTest
class LeadLifecycleProcessTest {

  @Autowired LeadFixtures leads;
  @Autowired LeadStore store;
  @Autowired ProcessTestSupport process;
  @Autowired LifecycleMessages messages;

  @BeforeEach
  void assertions() {
    process.initAssertions();
  }

  @Test
  @DisplayName("a grade-A lead engaged to the MQL threshold goes to phone qualification")
  void engagedLeadReachesQualification() {
    UUID leadId = leads.gradeA();
    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitEngagement");

    leads.engageToMql(leadId);

    InspectedProcessInstance qualification =
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId);
    process.awaitWaitingAt(qualification, "UserTask_QualifyByPhone");
    // How many events are scored one by one depends on timing; the milestones do not.
    assertThat(lifecycle)
        .hasPassedElementsInOrder("StartEvent_LeadCaptured", "Task_ScoreFit", "Event_InProfile")
        .hasPassedElementsInOrder("Event_Mql", "Task_ClassifyLead", "Event_Sal")
        .hasNotPassedElement("Event_OutOfProfile");
    assertThat(
            process.count(
                lifecycle,
                "Event_EngagementReceived",
                io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_COMPLETED))
        .isBetween(1L, 4L);
    assertThat(leads.stages(leadId))
        .containsExactly(Stage.NAME, Stage.IN_PROFILE, Stage.MQL, Stage.SAL);
    Lead lead = store.find(leadId).orElseThrow();
    assertThat(lead.fitGrade()).isEqualTo(Grade.A);
    assertThat(lead.engagementPoints()).isEqualTo(50);
    assertThat(lead.temperature()).isEqualTo(Temperature.WARM);
    StoredScore fit = store.scores(leadId).getFirst();
    assertThat(fit.kind()).isEqualTo(ScoreKind.FIT);
    assertThat(fit.points()).isEqualTo(90);
    assertThat(fit.explanation())
        .extracting(line -> line.rule())
        .contains("fit.industries", "fit.titles");
    assertThat(fit.criteriaVersion()).isEqualTo("2026-Q4");
    assertThat(store.history(leadId))
        .extracting(change -> change.reason())
        .containsExactly(
            "captured from web-form",
            "fit 90 points, grade A (high fit) (criteria 2026-Q4)",
            "engagement 50 points (MQL at 50, criteria 2026-Q4)",
            "handed to the qualifiers as a warm lead");
  }

  @Test
  @DisplayName("a hand-raise from a grade-A lead fast-tracks it to qualification as HOT")
  void handRaiseFastTracks() {
    UUID leadId = leads.gradeA();
    process.awaitWaitingAt(process.lifecycleOf(leadId), "Gateway_AwaitEngagement");

    leads.engage(leadId, "demo-request", 0);

    process.awaitWaitingAt(
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId), "UserTask_QualifyByPhone");
    Lead lead = store.find(leadId).orElseThrow();
    assertThat(lead.stage()).isEqualTo(Stage.SAL);
    assertThat(lead.temperature()).isEqualTo(Temperature.HOT);
    assertThat(lead.priority()).isEqualTo(85);
    assertThat(store.scores(leadId))
        .filteredOn(s -> s.kind() == ScoreKind.ENGAGEMENT)
        .last()
        .extracting(StoredScore::result)
        .isEqualTo("HAND_RAISE");
  }

  @Test
  @DisplayName("a poor-fit lead stays out of profile and is closed after the configured time")
  void poorFitIsClosedAfterTimeout() {
    UUID leadId = leads.poorFit();
    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitProfileUpdate");
    assertThat(store.find(leadId).orElseThrow().fitGrade()).isEqualTo(Grade.D);

    process.advance(Duration.ofDays(91));

    process.awaitCompleted(lifecycle);
    assertThat(lifecycle)
        .hasPassedElementsInOrder(
            "Task_ScoreFit",
            "Event_OutOfProfile",
            "Event_OutOfProfileTimeout",
            "EndEvent_LeftWithMarketing")
        .hasNotPassedElement("Event_InProfile");
    assertThat(leads.stages(leadId)).containsExactly(Stage.NAME, Stage.OUT_OF_PROFILE);
  }

  @Test
  @DisplayName("an out-of-profile lead captured again with data that fits is rescored into profile")
  void profileUpdateBringsLeadIntoProfile() {
    String email = LeadFixtures.unique("sam", "smallco.example");
    UUID leadId = leads.sparse(email);
    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitProfileUpdate");

    CaptureResult again = leads.captureAgain(LeadFixtures.gradeAProfile(email.toUpperCase()));

    assertThat(again.created()).isFalse();
    assertThat(again.leadId()).isEqualTo(leadId);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitEngagement");
    assertThat(lifecycle)
        .hasPassedElementsInOrder(
            "Task_ScoreFit",
            "Event_OutOfProfile",
            "Event_ProfileUpdatedOutOfProfile",
            "Task_ScoreFit",
            "Event_InProfile");
    assertThat(leads.stages(leadId))
        .containsExactly(Stage.NAME, Stage.OUT_OF_PROFILE, Stage.IN_PROFILE);
    assertThat(store.scores(leadId))
        .filteredOn(s -> s.kind() == ScoreKind.FIT)
        .extracting(StoredScore::result)
        .containsExactly("D", "A");
    assertThat(process.instanceKeys(Processes.LEAD_LIFECYCLE, leadId)).hasSize(1);
  }

  @Test
  @DisplayName("decay keeps a once-active lead below MQL, also when it is rescored a week later")
  void decayKeepsOldInterestBelowMql() {
    UUID leadId = leads.gradeA();
    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitEngagement");

    // The same events that make an MQL when fresh, but two months old.
    leads.engage(leadId, "pricing-page", 60);
    leads.engage(leadId, "pricing-page", 60);
    leads.engage(leadId, "webinar-attended", 60);
    leads.engage(leadId, "webinar-attended", 60);
    process.awaitPassed(lifecycle, "Event_EngagementReceived", 4);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitEngagement");
    process.advance(Duration.ofDays(8));
    process.awaitPassed(lifecycle, "Event_RescoreDue", 1);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitEngagement");

    assertThat(lifecycle).hasNotPassedElement("Event_Mql");
    assertThat(store.find(leadId).orElseThrow().stage()).isEqualTo(Stage.IN_PROFILE);
    assertThat(store.find(leadId).orElseThrow().engagementPoints()).isBetween(0, 5);
  }

  @Test
  @DisplayName("a person can disqualify a waiting lead at any time, with a reason")
  void disqualifiedByPerson() {
    UUID leadId = leads.gradeA();
    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitEngagement");

    messages.disqualified(leadId, "COMPETITOR");

    process.awaitCompleted(lifecycle);
    assertThat(lifecycle)
        .hasPassedElementsInOrder(
            "StartEvent_DisqualifiedByPerson",
            "Event_DisqualifiedByPerson",
            "EndEvent_ClosedByPerson");
    assertThat(store.history(leadId).getLast())
        .satisfies(
            change -> {
              assertThat(change.toStage()).isEqualTo(Stage.DISQUALIFIED);
              assertThat(change.reasonCode()).isEqualTo("COMPETITOR");
              assertThat(change.reason()).isEqualTo("competitor");
            });
  }

  @Test
  @DisplayName("the same person captured twice is one lead with one lifecycle")
  void samePersonTwiceIsOneLead() {
    String email = LeadFixtures.unique("alan", "example.com");
    UUID leadId = leads.capture(LeadContact.ofEmail(email));
    CaptureResult second =
        leads.captureAgain(LeadContact.ofEmail("  " + email.toUpperCase() + " "));

    assertThat(second.created()).isFalse();
    assertThat(second.leadId()).isEqualTo(leadId);
    process.lifecycleOf(leadId);
    assertThat(process.instanceKeys(Processes.LEAD_LIFECYCLE, leadId)).hasSize(1);
    assertThat(leads.stages(leadId)).filteredOn(stage -> stage == Stage.NAME).hasSize(1);
  }
}
