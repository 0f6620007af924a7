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
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.process.LeadProcess.Variables;
import org.springframework.boot.test.context.TestComponent;

/**
 * Finds process instances and user tasks of a lead on the embedded engine, by its record stream.
 */
@TestComponent
public class ProcessTestSupport {

  public static final Duration WAIT = Duration.ofSeconds(20);

  private final ZeebeTestEngine engine;
  private final CamundaClient client;

  ProcessTestSupport(ZeebeTestEngine engine, CamundaClient client) {
    this.engine = engine;
    this.client = client;
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

  private Optional<Long> findInstance(String processId, UUID leadId) {
    return instanceKeys(processId, leadId).stream().findFirst();
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

  /** The form key the engine gave the user task's job, proving the linked form was resolved. */
  public Optional<Record<JobRecordValue>> userTaskJob(long instanceKey, String elementId) {
    return StreamSupport.stream(records().jobRecords().spliterator(), false)
        .filter(r -> r.getIntent() == JobIntent.CREATED)
        .filter(r -> r.getValue().getType().equals(Jobs.USER_TASK))
        .filter(r -> r.getValue().getProcessInstanceKey() == instanceKey)
        .filter(r -> r.getValue().getElementId().equals(elementId))
        .findFirst();
  }

  private Optional<Long> openUserTaskJob(long instanceKey, String elementId) {
    return userTaskJob(instanceKey, elementId).map(Record::getKey);
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
