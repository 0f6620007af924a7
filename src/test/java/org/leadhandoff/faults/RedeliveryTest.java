package org.leadhandoff.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lifecycle.RecordStageWorker;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.routing.RouteLeadWorker;
import org.leadhandoff.scoring.Temperature;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A worker that dies after its side effect and before its completion reaches the engine: the engine
 * offers the same job again once its timeout runs out. That second delivery is replayed here into
 * the real workers with the job's own keys and headers, after the first one did its work; it must
 * do nothing twice and answer what the first answered.
 */
@EmbeddedEngineTest
class RedeliveryTest {

  @Autowired ProcessTestSupport process;
  @Autowired LeadFixtures leads;
  @Autowired RouteLeadWorker routeLead;
  @Autowired RecordStageWorker recordStage;
  @Autowired JdbcClient jdbc;

  /** The job as the engine would offer it again (an SDK type: only what the workers read). */
  private static ActivatedJob again(Record<JobRecordValue> created) {
    JobRecordValue value = created.getValue();
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(created.getKey());
    when(job.getType()).thenReturn(value.getType());
    when(job.getElementInstanceKey()).thenReturn(value.getElementInstanceKey());
    when(job.getElementId()).thenReturn(value.getElementId());
    when(job.getBpmnProcessId()).thenReturn(value.getBpmnProcessId());
    when(job.getProcessInstanceKey()).thenReturn(value.getProcessInstanceKey());
    when(job.getCustomHeaders()).thenReturn(value.getCustomHeaders());
    when(job.getRetries()).thenReturn(value.getRetries());
    return job;
  }

  private Record<JobRecordValue> completedJob(long instanceKey, String type, String elementId) {
    return await()
        .atMost(ProcessTestSupport.WAIT)
        .until(
            () ->
                StreamSupport.stream(process.records().jobRecords().spliterator(), false)
                    .filter(r -> r.getIntent() == JobIntent.COMPLETED)
                    .filter(r -> r.getValue().getProcessInstanceKey() == instanceKey)
                    .filter(r -> r.getValue().getType().equals(type))
                    .filter(r -> elementId == null || r.getValue().getElementId().equals(elementId))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  @Test
  @DisplayName("routing delivered twice: the same owner, one assignment, one decision, one mail")
  void routingTwice() {
    UUID leadId = process.hotLeadInQualification(leads);
    long qualification =
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId).getProcessInstanceKey();
    Record<JobRecordValue> first = completedJob(qualification, Jobs.ROUTE_LEAD, null);
    String owner =
        jdbc.sql("select rep_id from assignment where lead_id = ? and role = 'QUALIFIER'")
            .param(leadId)
            .query(String.class)
            .single();
    await()
        .atMost(ProcessTestSupport.WAIT)
        .until(() -> count("select count(*) from mail_outbox where lead_id = ?", leadId) == 1);

    RouteLeadWorker.Assignment replayed =
        routeLead.route(
            again(first), leadId, false, Temperature.HOT, null, null, null, null, null, null);

    assertThat(replayed.assignee()).isEqualTo(owner);
    assertThat(count("select count(*) from assignment where lead_id = ?", leadId)).isEqualTo(1);
    assertThat(count("select count(*) from routing_decision where lead_id = ?", leadId))
        .isEqualTo(1);
    assertThat(count("select count(*) from mail_outbox where lead_id = ?", leadId)).isEqualTo(1);
    assertThat(count("select count(*) from lead_activity where lead_id = ?", leadId)).isZero();
  }

  @Test
  @DisplayName("a milestone delivered twice: the stage is entered once")
  void milestoneTwice() {
    UUID leadId = process.hotLeadInQualification(leads);
    long lifecycle = process.lifecycleOf(leadId).getProcessInstanceKey();
    Record<JobRecordValue> mql = completedJob(lifecycle, Jobs.RECORD_STAGE, "Event_Mql");
    long before = count("select count(*) from lead_stage_change where lead_id = ?", leadId);

    recordStage.recordStage(again(mql), leadId, null, null);

    assertThat(count("select count(*) from lead_stage_change where lead_id = ?", leadId))
        .isEqualTo(before);
    assertThat(
            count(
                "select count(*) from lead_stage_change where lead_id = ? and to_stage = 'MQL'",
                leadId))
        .isEqualTo(1);
  }
}
