package org.leadhandoff.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused deployment into the engine's message and what to do, instead of a stack trace.
 */
class ModelDeploymentFailureAnalyzer extends AbstractFailureAnalyzer<ModelDeploymentException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ModelDeploymentException cause) {
    String description =
        "The models and forms could not be deployed to the Zeebe engine.\n\n"
            + "Resources: "
            + String.join(", ", cause.resources())
            + "\n\nThe engine said:\n"
            + cause.getMessage();
    String action =
        "Fix the model or form named above (open it in Camunda Modeler, which shows the same"
            + " problem), or, in remote mode, check that the Camunda 8 gateway in"
            + " camunda.client.grpc-address is up and reachable. Then start the application again.";
    return new FailureAnalysis(description, action, cause);
  }
}
