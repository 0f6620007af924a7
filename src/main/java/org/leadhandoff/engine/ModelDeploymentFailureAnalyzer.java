package org.leadhandoff.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused deployment into the engine's message and what to do, instead of a stack trace.
 */
class ModelDeploymentFailureAnalyzer extends AbstractFailureAnalyzer<ModelDeploymentException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ModelDeploymentException cause) {
    String at = cause.address() == null ? "" : " at " + cause.address();
    return switch (cause.reason()) {
      case UNREACHABLE ->
          new FailureAnalysis(
              "The Zeebe engine"
                  + at
                  + " could not be reached to deploy the models and forms ("
                  + cause.getMessage()
                  + ").",
              "Start the engine first: the Camunda 8 platform (docker-compose.yml), or the"
                  + " standalone engine (./mvnw -Pengine spring-boot:run; profile"
                  + " standalone-engine reads its port from LEAD_HANDOFF_ENGINE_PORT), or point"
                  + " camunda.client.grpc-address at it. Then start the application again.",
              cause);
      case NOT_AUTHENTICATED ->
          new FailureAnalysis(
              "The Zeebe engine"
                  + at
                  + " did not accept this application's credentials ("
                  + cause.getMessage()
                  + ").",
              "For the standalone engine, set LEAD_HANDOFF_ENGINE_SECRET to the value the engine"
                  + " was started with; for the platform, check the client's credentials"
                  + " (CAMUNDA_CLIENT_AUTH_*). Then start the application again.",
              cause);
      case REFUSED ->
          new FailureAnalysis(
              "The models and forms could not be deployed to the Zeebe engine.\n\n"
                  + "Resources: "
                  + String.join(", ", cause.resources())
                  + "\n\nThe engine said:\n"
                  + cause.getMessage(),
              "Fix the model or form named above (open it in Camunda Modeler, which shows the"
                  + " same problem), then start the application again.",
              cause);
    };
  }
}
