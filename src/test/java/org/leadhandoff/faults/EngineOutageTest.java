package org.leadhandoff.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.EngineOutage;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A lead arrives while the engine cannot be reached. */
@EmbeddedEngineTest
class EngineOutageTest {

  @Autowired MockMvc mvc;
  @Autowired ProcessTestSupport process;
  @Autowired LeadStore store;
  @Autowired JdbcClient jdbc;

  @Autowired org.leadhandoff.engine.EngineReturn engineReturn;

  @AfterEach
  void engineBack() {
    EngineOutage.end();
  }

  @Test
  @DisplayName(
      "when the engine is back after it could not be reached, the models are deployed again (an"
          + " in-memory engine restarted meanwhile has lost them); not while it stays reachable")
  void modelsDeployedAgainWhenTheEngineIsBack() {
    // Settles an outage an earlier test left for the watcher to see.
    engineReturn.check();
    long before = deployments();
    engineReturn.check();
    assertThat(deployments()).as("reachable all along: nothing to deploy").isEqualTo(before);
    EngineOutage.begin();
    engineReturn.check();
    EngineOutage.end();
    engineReturn.check();
    await().atMost(ProcessTestSupport.WAIT).until(() -> deployments() > before);
  }

  private long deployments() {
    return java.util.stream.StreamSupport.stream(
            process.records().deploymentRecords().spliterator(), false)
        .filter(
            r -> r.getIntent() == io.camunda.zeebe.protocol.record.intent.DeploymentIntent.CREATED)
        .count();
  }

  @Test
  @DisplayName(
      "readiness is DOWN (503) while the engine cannot be reached and UP once it is back; liveness"
          + " stays UP throughout")
  void readinessFollowsTheEngine() throws Exception {
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    EngineOutage.begin();
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
    mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    EngineOutage.end();
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
  }

  @Test
  @DisplayName(
      "engine unreachable: intake accepts the lead, the start waits in the outbox with the"
          + " reason, and the lifecycle starts once, when the engine is back")
  void leadArrivesWhileEngineIsAway() throws Exception {
    String email = LeadFixtures.unique("no-engine", "bigco.example");
    EngineOutage.begin();
    mvc.perform(
            post("/api/leads")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"email\":\""
                        + email
                        + "\",\"company\":\"BigCo\",\"companySize\":500,\"country\":\"GB\"}"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.outcome").value("CREATED"));
    UUID leadId = store.findByEmail(email).orElseThrow().id();

    String error =
        await()
            .atMost(ProcessTestSupport.WAIT)
            .until(
                () ->
                    jdbc.sql(
                            "select last_error from outbox where lead_id = ? and attempts > 0"
                                + " and sent_at is null")
                        .param(leadId)
                        .query(String.class)
                        .optional()
                        .orElse(null),
                e -> e != null);
    assertThat(error).contains("unreachable");
    assertThat(process.instanceKeys(Processes.LEAD_LIFECYCLE, leadId)).isEmpty();

    EngineOutage.end();
    process.awaitWaitingAt(process.lifecycleOf(leadId), "Gateway_AwaitEngagement");
    assertThat(process.instanceKeys(Processes.LEAD_LIFECYCLE, leadId)).hasSize(1);
    assertThat(
            jdbc.sql("select count(*) from outbox where lead_id = ? and sent_at is null")
                .param(leadId)
                .query(Long.class)
                .single())
        .isZero();
  }
}
