package org.leadhandoff.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.process.LeadProcess.Messages;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

@EmbeddedEngineTest
class WorkerFailureTest {

  @Autowired CamundaClient client;
  @Autowired ProcessTestSupport process;

  @Test
  @DisplayName(
      "a job for a lead the store does not know fails with backoff and ends in a readable incident")
  void unknownLeadEndsInReadableIncident() {
    UUID unknown = UUID.randomUUID();
    client
        .newPublishMessageCommand()
        .messageName(Messages.LEAD_CAPTURED)
        .correlationKey(unknown.toString())
        .variables(java.util.Map.of("leadId", unknown.toString()))
        .send()
        .join();
    long instanceKey = process.lifecycleOf(unknown).getProcessInstanceKey();

    // Three attempts, as the model allows; the engine clock skips each retry backoff.
    for (int failures = 1; failures < 3; failures++) {
      int expected = failures;
      await().atMost(ProcessTestSupport.WAIT).until(() -> jobFailures(instanceKey) >= expected);
      assertThat(incident(instanceKey)).isEmpty();
      process.advance(Duration.ofSeconds(11));
    }

    Record<IncidentRecordValue> incident =
        await()
            .atMost(ProcessTestSupport.WAIT)
            .until(() -> incident(instanceKey), Optional::isPresent)
            .orElseThrow();
    assertThat(incident.getValue().getElementId()).isEqualTo("Task_ScoreFit");
    assertThat(incident.getValue().getErrorMessage())
        .isEqualTo("Lead " + unknown + " is not in the lead store");
    assertThat(jobFailures(instanceKey)).isEqualTo(3);
  }

  private long jobFailures(long instanceKey) {
    return StreamSupport.stream(process.records().jobRecords().spliterator(), false)
        .filter(r -> r.getIntent() == JobIntent.FAILED)
        .filter(r -> r.getValue().getProcessInstanceKey() == instanceKey)
        .count();
  }

  private Optional<Record<IncidentRecordValue>> incident(long instanceKey) {
    return StreamSupport.stream(process.records().incidentRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == instanceKey)
        .findFirst();
  }
}
