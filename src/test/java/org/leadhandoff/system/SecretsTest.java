package org.leadhandoff.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.LeadHandoffApplication;
import org.leadhandoff.security.MissingSecretException;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.OwnEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.test.web.servlet.MockMvc;

/** Secrets stay out of the API and the application refuses to run without the ones it needs. */
// Its engine stops with the class: the in-memory engine keeps response state in static fields, and
// an engine left alive here garbled the next class's job batches (a job lost, a test timed out).
@org.springframework.test.annotation.DirtiesContext
@EmbeddedEngineTest
@OwnEngine
class SecretsTest {

  @Autowired MockMvc mvc;

  @Test
  @DisplayName("no actuator endpoint shows configuration, even to an admin")
  void noEnvironmentEndpoint() throws Exception {
    for (String path :
        java.util.List.of("/actuator/env", "/actuator/configprops", "/actuator/heapdump")) {
      mvc.perform(get(path)).andExpect(status().isNotFound());
    }
  }

  private static Throwable startFailure(String... arguments) {
    Throwable[] failure = new Throwable[1];
    assertThatThrownBy(
            () -> new SpringApplicationBuilder(LeadHandoffApplication.class).run(arguments).close())
        .satisfies(e -> failure[0] = e);
    return failure[0];
  }

  private static FailureAnalysis analysis(Throwable failure) {
    Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
    assertThat(root).isInstanceOf(MissingSecretException.class);
    FailureAnalysis analysis =
        new org.leadhandoff.security.MissingSecretFailureAnalyzer().analyze(failure);
    assertThat(analysis).isNotNull();
    return analysis;
  }

  @Test
  @DisplayName("the remote profile without the admin password does not start, and says what to set")
  void remoteNeedsThePassword() {
    Throwable failure =
        startFailure(
            "--spring.profiles.active=remote",
            "--spring.datasource.url=jdbc:h2:mem:secrets-remote;DB_CLOSE_DELAY=-1",
            "--server.port=0",
            "--lead-handoff.security.admin-password=",
            "--camunda.client.grpc-address=http://127.0.0.1:9",
            "--camunda.client.rest-address=http://127.0.0.1:9");
    FailureAnalysis analysis = analysis(failure);
    assertThat(analysis.getDescription())
        .contains("lead-handoff.security.admin-password")
        .contains("remote engine");
    assertThat(analysis.getAction()).contains("LEAD_HANDOFF_ADMIN_PASSWORD");
  }

  @Test
  @DisplayName("a webhook provider without a secret stops the start, naming the variable")
  void webhookNeedsItsSecret() {
    Throwable failure =
        startFailure(
            // Remote, so that no second engine starts in this JVM; nothing connects to it.
            "--spring.profiles.active=remote",
            "--spring.datasource.url=jdbc:h2:mem:secrets-webhook;DB_CLOSE_DELAY=-1",
            "--server.port=0",
            "--camunda.client.grpc-address=http://127.0.0.1:9",
            "--camunda.client.rest-address=http://127.0.0.1:9",
            "--lead-handoff.security.admin-password=a-long-enough-password",
            "--lead-handoff.webhooks.providers.typeform.source=typeform");
    FailureAnalysis analysis = analysis(failure);
    assertThat(analysis.getAction()).contains("LEAD_HANDOFF_WEBHOOKS_PROVIDERS_TYPEFORM_SECRET");
  }
}
