package org.leadhandoff.lifecycle;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.intake.CaptureResult;
import org.leadhandoff.intake.LeadCaptureService;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.lead.StageChange;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

@EmbeddedEngineTest
class LeadLifecycleProcessTest {

  @Autowired LeadCaptureService intake;
  @Autowired LeadStore store;
  @Autowired ProcessTestSupport process;

  @BeforeEach
  void assertions() {
    process.initAssertions();
  }

  @Test
  @DisplayName("a captured lead goes to the qualifiers and, qualified by phone, becomes an SQL")
  void qualifiedLeadBecomesSql() {
    UUID leadId = capture("Ada.Lovelace@Example.com");

    process.completeUserTask(
        Processes.PHONE_QUALIFICATION,
        leadId,
        "UserTask_QualifyByPhone",
        Map.of("qualificationOutcome", "QUALIFIED", "qualificationNotes", "Budget approved"));

    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitCompleted(lifecycle);
    assertThat(lifecycle)
        .hasPassedElementsInOrder(
            "StartEvent_LeadCaptured",
            "Event_Sal",
            "CallActivity_QualifyByPhone",
            "Gateway_QualificationOutcome",
            "Event_Sql",
            "EndEvent_LeadQualified")
        .hasNotPassedElement("Event_Disqualified")
        .isCompleted();
    assertThat(store.history(leadId))
        .extracting(StageChange::toStage)
        .containsExactly(Stage.NAME, Stage.SAL, Stage.SQL);
    assertThat(store.find(leadId).orElseThrow().stage()).isEqualTo(Stage.SQL);
  }

  @Test
  @DisplayName("a lead the qualifier disqualifies is closed with the reason recorded")
  void disqualifiedLeadIsClosedWithReason() {
    UUID leadId = capture("spam-bot@example.org");

    process.completeUserTask(
        Processes.PHONE_QUALIFICATION,
        leadId,
        "UserTask_QualifyByPhone",
        Map.of("qualificationOutcome", "DISQUALIFIED", "disqualificationReason", "SPAM"));

    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitCompleted(lifecycle);
    assertThat(lifecycle)
        .hasPassedElementsInOrder(
            "Gateway_QualificationOutcome", "Event_Disqualified", "EndEvent_LeadClosed")
        .hasNotPassedElement("Event_Sql");
    StageChange last = store.history(leadId).getLast();
    assertThat(last.toStage()).isEqualTo(Stage.DISQUALIFIED);
    assertThat(last.fromStage()).isEqualTo(Stage.SAL);
    assertThat(last.reason()).isEqualTo("SPAM");
    assertThat(last.changedBy()).isEqualTo("lead-lifecycle/Event_Disqualified");
  }

  @Test
  @DisplayName("the qualification task carries the phone-qualification form deployed beside it")
  void qualificationTaskHasLinkedForm() {
    UUID leadId = capture("grace.hopper@example.com");

    long instanceKey =
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId).getProcessInstanceKey();
    var job =
        org.awaitility.Awaitility.await()
            .atMost(ProcessTestSupport.WAIT)
            .until(
                () -> process.userTaskJob(instanceKey, "UserTask_QualifyByPhone"),
                o -> o.isPresent())
            .orElseThrow();

    assertThat(job.getValue().getCustomHeaders())
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"qualifiers\"]")
        .containsKey("io.camunda.zeebe:formKey");
    // The task sees the lead id, not the lead's contact data.
    assertThat(process.records().variableRecords())
        .filteredOn(v -> v.getValue().getProcessInstanceKey() == instanceKey)
        .extracting(v -> v.getValue().getName())
        .containsOnly("leadId");
  }

  @Test
  @DisplayName("the same person captured twice is one lead with one lifecycle")
  void samePersonTwiceIsOneLead() {
    CaptureResult first = intake.capture(LeadContact.ofEmail("Alan.Turing@example.com"), "test");
    CaptureResult second =
        intake.capture(LeadContact.ofEmail("  alan.turing@EXAMPLE.com "), "test");

    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.leadId()).isEqualTo(first.leadId());
    process.lifecycleOf(first.leadId());
    assertThat(process.instanceKeys(Processes.LEAD_LIFECYCLE, first.leadId())).hasSize(1);
    assertThat(store.history(first.leadId()))
        .filteredOn(change -> change.toStage() == Stage.NAME)
        .hasSize(1);
  }

  private UUID capture(String email) {
    CaptureResult result =
        intake.capture(
            new LeadContact(email, "Test", "Lead", null, "Example Ltd", "CTO", "GB", "web-form"),
            "test");
    assertThat(result.created()).isTrue();
    return result.leadId();
  }
}
