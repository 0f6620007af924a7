package org.leadhandoff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;

@EmbeddedEngineTest
class ModelDeploymentTest {

  @Autowired CamundaClient client;

  @Test
  @DisplayName("every model, decision and form of the product deploys in one deployment")
  void productModelsDeploy() {
    var deployment =
        client
            .newDeployResourceCommand()
            .addResourceFromClasspath("bpmn/lead-lifecycle.bpmn")
            .addResourceFromClasspath("bpmn/phone-qualification.bpmn")
            .addResourceFromClasspath("bpmn/routing-team.dmn")
            .addResourceFromClasspath("forms/phone-qualification.form")
            .send()
            .join();

    assertThat(deployment.getProcesses())
        .extracting(p -> p.getBpmnProcessId())
        .containsExactlyInAnyOrder("lead-lifecycle", "phone-qualification");
    assertThat(deployment.getForm())
        .extracting(f -> f.getFormId())
        .containsExactly("phone-qualification");
    assertThat(deployment.getDecisions())
        .extracting(d -> d.getDmnDecisionId())
        .containsExactly("routing-team");
  }

  @Test
  @DisplayName(
      "a model the engine rejects stops start-up with the engine's message, not a stack trace")
  void rejectedModelExplainsItself() {
    ModelDeployment deployment =
        new ModelDeployment(client, List.of("classpath*:broken-models/*.bpmn"));

    assertThatThrownBy(deployment::deploy)
        .isInstanceOfSatisfying(
            ModelDeploymentException.class,
            e -> {
              assertThat(e.resources()).containsExactly("gateway-without-condition.bpmn");
              assertThat(e.getMessage())
                  .contains("gateway-without-condition.bpmn")
                  .contains("Element: Flow_2")
                  .contains("Must have a condition or be default flow");
              FailureAnalysis analysis = new ModelDeploymentFailureAnalyzer().analyze(e);
              assertThat(analysis.getDescription())
                  .contains("could not be deployed")
                  .contains(e.getMessage());
              assertThat(analysis.getAction()).contains("Camunda Modeler");
            });
  }

  @Test
  @DisplayName(
      "an engine that is not there, or one that refuses our secret, stops start-up saying so and"
          + " what to start or set, not 'fix the model'")
  void engineAwayOrRefusingSaysSo() throws Exception {
    int closed;
    try (var socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (CamundaClient nowhere = clientWithoutSecret(URI.create("http://127.0.0.1:" + closed))) {
      assertThatThrownBy(new ModelDeployment(nowhere)::deploy)
          .isInstanceOfSatisfying(
              ModelDeploymentException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(ModelDeploymentException.Reason.UNREACHABLE);
                FailureAnalysis analysis = new ModelDeploymentFailureAnalyzer().analyze(e);
                assertThat(analysis.getDescription())
                    .contains("could not be reached")
                    .contains("127.0.0.1:" + closed);
                assertThat(analysis.getAction()).contains("Start the engine first");
              });
    }
    // The embedded engine of this test, asked without its secret.
    URI engine = client.getConfiguration().getGrpcAddress();
    try (CamundaClient stranger = clientWithoutSecret(engine)) {
      assertThatThrownBy(new ModelDeployment(stranger)::deploy)
          .isInstanceOfSatisfying(
              ModelDeploymentException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(ModelDeploymentException.Reason.NOT_AUTHENTICATED);
                assertThat(new ModelDeploymentFailureAnalyzer().analyze(e).getAction())
                    .contains("LEAD_HANDOFF_ENGINE_SECRET");
              });
    }
  }

  /** A client of the engine at the address that presents no credentials. */
  private static CamundaClient clientWithoutSecret(URI engine) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(engine)
        .restAddress(engine)
        .preferRestOverGrpc(false)
        .build();
  }

  @Test
  @DisplayName("finding no models at all is an error, not an empty deployment")
  void noModelsIsAnError() {
    ModelDeployment deployment =
        new ModelDeployment(client, List.of("classpath*:no-such-folder/*.bpmn"));

    assertThatThrownBy(deployment::deploy)
        .isInstanceOf(ModelDeploymentException.class)
        .hasMessageContaining("No models found");
  }
}
