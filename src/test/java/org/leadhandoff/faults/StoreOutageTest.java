package org.leadhandoff.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.EngagementEventStore;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.LeadProcess.Messages;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.leadhandoff.support.StoreOutage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The database goes away for a while (a restart, a failover) while leads are being worked. */
@EmbeddedEngineTest
class StoreOutageTest {

  @Autowired MockMvc mvc;
  @Autowired ProcessTestSupport process;
  @Autowired LeadFixtures leads;
  @Autowired LeadStore store;
  @Autowired EngagementEventStore events;
  @Autowired CamundaClient client;

  @AfterEach
  void storeBack() {
    StoreOutage.end();
  }

  @Test
  @DisplayName("readiness is DOWN (503) while the lead store cannot be reached, UP when it is back")
  void readinessFollowsTheStore() throws Exception {
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                "/actuator/health/readiness"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    StoreOutage.begin();
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                "/actuator/health/readiness"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                .isServiceUnavailable());
    StoreOutage.end();
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                "/actuator/health/readiness"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
  }

  @Test
  @DisplayName(
      "store down: intake answers 503 and keeps nothing; a worker's job fails with a readable"
          + " message, waits its backoff, and goes on once the store is back: one MQL, one task")
  void storeDownForAWhile() throws Exception {
    UUID leadId = leads.gradeA();
    var lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Gateway_AwaitEngagement");
    events.add(leadId, "demo-1", "demo-request", process.now(), null);

    StoreOutage.begin();
    String email = LeadFixtures.unique("during-outage", "bigco.example");
    mvc.perform(
            post("/api/leads")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\"}"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(jsonPath("$.title").value("Lead store unavailable"));
    // The news of the event reaches the engine (as the outbox had sent it before the outage).
    client
        .newPublishMessageCommand()
        .messageName(Messages.LEAD_ENGAGED)
        .correlationKey(leadId.toString())
        .messageId("engaged:" + leadId + ":demo-1")
        .send()
        .join();
    long instance = lifecycle.getProcessInstanceKey();
    String failure =
        await()
            .atMost(ProcessTestSupport.WAIT)
            .until(
                () ->
                    StreamSupport.stream(process.records().jobRecords().spliterator(), false)
                        .filter(r -> r.getIntent() == JobIntent.FAILED)
                        .filter(r -> r.getValue().getProcessInstanceKey() == instance)
                        .filter(r -> r.getValue().getType().equals(Jobs.SCORE_ENGAGEMENT))
                        .map(r -> r.getValue().getErrorMessage())
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(failure).contains("the lead store is down");

    StoreOutage.end();
    process.advance(Duration.ofSeconds(11));

    process.awaitWaitingAt(
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId), "UserTask_QualifyByPhone");
    assertThat(process.instanceKeys(Processes.PHONE_QUALIFICATION, leadId)).hasSize(1);
    assertThat(leads.stages(leadId).stream().filter(s -> s == Stage.MQL)).hasSize(1);
    assertThat(
            StreamSupport.stream(process.records().incidentRecords().spliterator(), false)
                .filter(r -> r.getIntent() == IncidentIntent.CREATED)
                .filter(r -> r.getValue().getProcessInstanceKey() == instance))
        .isEmpty();
    assertThat(store.findByEmail(email)).isEmpty();
  }
}
