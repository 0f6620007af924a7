package org.leadhandoff.support;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.leadhandoff.process.LeadProcess;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.process.LeadProcess.Variables;
import org.leadhandoff.system.ApplicationClock;
import org.springframework.boot.test.context.TestComponent;

/**
 * Finds process instances and user tasks of a lead on the embedded engine, by its record stream.
 */
@TestComponent
public class ProcessTestSupport {

  /** The ceiling of every wait for a condition (see {@link TestWaits}). */
  public static final Duration WAIT = TestWaits.CEILING;

  private final ZeebeTestEngine engine;
  private final CamundaClient client;
  private final ApplicationClock clock;

  public ProcessTestSupport(ZeebeTestEngine engine, CamundaClient client, ApplicationClock clock) {
    this.engine = engine;
    this.client = client;
    this.clock = clock;
  }

  /** Moves the engine clock, and the application's with it; timers due by then fire. */
  public void advance(Duration by) {
    clock.advance(by);
    engine.increaseTime(by);
  }

  public java.time.Instant now() {
    return clock.instant();
  }

  /** Points the ZPT assertions of the calling thread at this engine. */
  public void initAssertions() {
    BpmnAssert.initRecordStream(records());
  }

  public RecordStream records() {
    return RecordStream.of(engine.getRecordStreamSource());
  }

  public ZeebeTestEngine engine() {
    return engine;
  }

  /** The lead's instance of the given process, once it exists. */
  public InspectedProcessInstance instanceOf(String processId, UUID leadId) {
    long key =
        await()
            .atMost(WAIT)
            .until(() -> findInstance(processId, leadId), Optional::isPresent)
            .orElseThrow();
    return new InspectedProcessInstance(key);
  }

  public InspectedProcessInstance lifecycleOf(UUID leadId) {
    return instanceOf(Processes.LEAD_LIFECYCLE, leadId);
  }

  /** The latest instance (a lead can pass through a called process more than once). */
  private Optional<Long> findInstance(String processId, UUID leadId) {
    List<Long> keys = instanceKeys(processId, leadId);
    return keys.isEmpty() ? Optional.empty() : Optional.of(keys.getLast());
  }

  /** The latest value (JSON) of a process-level variable of the instance, or null. */
  public String variable(InspectedProcessInstance instance, String name) {
    return StreamSupport.stream(records().variableRecords().spliterator(), false)
        .map(Record::getValue)
        .filter(v -> v.getProcessInstanceKey() == instance.getProcessInstanceKey())
        .filter(v -> v.getScopeKey() == v.getProcessInstanceKey() && v.getName().equals(name))
        .reduce((first, second) -> second)
        .map(v -> v.getValue())
        .orElse(null);
  }

  /** Every instance of the process that was started for the lead, oldest first. */
  public List<Long> instanceKeys(String processId, UUID leadId) {
    String value = "\"" + leadId + "\"";
    return StreamSupport.stream(records().variableRecords().spliterator(), false)
        .map(Record::getValue)
        .filter(v -> v.getName().equals(Variables.LEAD_ID) && v.getValue().equals(value))
        .filter(v -> v.getBpmnProcessId().equals(processId))
        .filter(v -> v.getScopeKey() == v.getProcessInstanceKey())
        .map(v -> v.getProcessInstanceKey())
        .distinct()
        .toList();
  }

  /** Waits for the job-worker user task of an element in a lead's process and completes it. */
  public void completeUserTask(
      String processId, UUID leadId, String elementId, Map<String, Object> variables) {
    long instanceKey = instanceOf(processId, leadId).getProcessInstanceKey();
    long jobKey =
        await()
            .atMost(WAIT)
            .until(() -> openUserTaskJob(instanceKey, elementId), Optional::isPresent)
            .orElseThrow();
    client.newCompleteCommand(jobKey).variables(variables).send().join();
  }

  /**
   * A hot lead (grade A fit, then a demo request) waiting at its phone-qualification task, routed
   * to a qualifier; its first-touch SLA is four hours.
   */
  public UUID hotLeadInQualification(LeadFixtures leads) {
    UUID leadId = leads.gradeA();
    awaitWaitingAt(lifecycleOf(leadId), "Gateway_AwaitEngagement");
    leads.engage(leadId, "demo-request", 0);
    awaitWaitingAt(
        instanceOf(LeadProcess.Processes.PHONE_QUALIFICATION, leadId), "UserTask_QualifyByPhone");
    return leadId;
  }

  /**
   * The qualifier qualifies the lead waiting at its phone-qualification task (budget confirmed);
   * returns once its acceptance task waits for a sales rep.
   */
  public void qualify(UUID leadId) {
    completeUserTask(
        LeadProcess.Processes.PHONE_QUALIFICATION,
        leadId,
        "UserTask_QualifyByPhone",
        java.util.Map.of("qualificationOutcome", "QUALIFIED", "budgetConfirmed", true));
    awaitWaitingAt(instanceOf(LeadProcess.Processes.SALES_HANDOFF, leadId), "UserTask_AcceptLead");
  }

  /** The sales rep rejects the lead for the reason, with the prescribed follow-ups done. */
  public void rejectAsSalesRep(UUID leadId, String rejectionReason) {
    rejectAsSalesRep(leadId, rejectionReason, null);
  }

  /** The rep rejects the lead with a reason and, unless null, notes in their own words. */
  public void rejectAsSalesRep(UUID leadId, String rejectionReason, String rejectionNotes) {
    Map<String, Object> answers = new java.util.HashMap<>();
    answers.put("salesDecision", "REJECT");
    answers.put("rejectionReason", rejectionReason);
    answers.put("followUpsDone", List.of("CALL_1", "CALL_2", "EMAIL"));
    if (rejectionNotes != null) {
      answers.put("rejectionNotes", rejectionNotes);
    }
    completeUserTask(
        LeadProcess.Processes.SALES_HANDOFF, leadId, "UserTask_AcceptLead", Map.copyOf(answers));
  }

  /** The form key the engine gave the user task's job, proving the linked form was resolved. */
  public Optional<Record<JobRecordValue>> userTaskJob(long instanceKey, String elementId) {
    return StreamSupport.stream(records().jobRecords().spliterator(), false)
        .filter(r -> r.getIntent() == JobIntent.CREATED)
        .filter(r -> r.getValue().getType().equals(Jobs.USER_TASK))
        .filter(r -> r.getValue().getProcessInstanceKey() == instanceKey)
        .filter(r -> r.getValue().getElementId().equals(elementId))
        .findFirst();
  }

  /** The user task job of the element that is open now: created, not yet completed or canceled. */
  public Optional<Long> openUserTaskJob(long instanceKey, String elementId) {
    List<Record<JobRecordValue>> records =
        StreamSupport.stream(records().jobRecords().spliterator(), false)
            .filter(r -> r.getValue().getType().equals(Jobs.USER_TASK))
            .filter(r -> r.getValue().getProcessInstanceKey() == instanceKey)
            .filter(r -> r.getValue().getElementId().equals(elementId))
            .toList();
    java.util.Set<Long> ended =
        records.stream()
            .filter(
                r -> r.getIntent() == JobIntent.COMPLETED || r.getIntent() == JobIntent.CANCELED)
            .map(Record::getKey)
            .collect(java.util.stream.Collectors.toSet());
    return records.stream()
        .filter(r -> r.getIntent() == JobIntent.CREATED)
        .map(Record::getKey)
        .filter(key -> !ended.contains(key))
        .reduce((first, second) -> second);
  }

  /** How many user task jobs the element has had in the instance. */
  public long userTaskJobsCreated(long instanceKey, String elementId) {
    return StreamSupport.stream(records().jobRecords().spliterator(), false)
        .filter(r -> r.getIntent() == JobIntent.CREATED)
        .filter(r -> r.getValue().getType().equals(Jobs.USER_TASK))
        .filter(r -> r.getValue().getProcessInstanceKey() == instanceKey)
        .filter(r -> r.getValue().getElementId().equals(elementId))
        .count();
  }

  /** Waits until the instance is at the element: activated and not yet left. */
  public void awaitWaitingAt(InspectedProcessInstance instance, String elementId) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                count(instance, elementId, ProcessInstanceIntent.ELEMENT_ACTIVATED)
                    > count(instance, elementId, ProcessInstanceIntent.ELEMENT_COMPLETED)
                        + count(instance, elementId, ProcessInstanceIntent.ELEMENT_TERMINATED));
  }

  /** Waits until the instance has passed the element the given number of times. */
  public void awaitPassed(InspectedProcessInstance instance, String elementId, int times) {
    await()
        .atMost(WAIT)
        .until(() -> count(instance, elementId, ProcessInstanceIntent.ELEMENT_COMPLETED) >= times);
  }

  public long count(
      InspectedProcessInstance instance, String elementId, ProcessInstanceIntent intent) {
    return StreamSupport.stream(records().processInstanceRecords().spliterator(), false)
        .filter(r -> r.getIntent() == intent)
        .filter(r -> r.getValue().getProcessInstanceKey() == instance.getProcessInstanceKey())
        .filter(r -> r.getValue().getElementId().equals(elementId))
        .count();
  }

  /** Waits until the process instance has ended. */
  public void awaitCompleted(InspectedProcessInstance instance) {
    await().atMost(WAIT).until(() -> isCompleted(instance.getProcessInstanceKey()));
  }

  private boolean isCompleted(long instanceKey) {
    return StreamSupport.stream(records().processInstanceRecords().spliterator(), false)
        .anyMatch(
            r ->
                r.getKey() == instanceKey
                    && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                    && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS);
  }
}
