package org.leadhandoff.engine;

import java.util.List;

/** The engine refused, or could not be reached for, the start-up deployment of models and forms. */
public class ModelDeploymentException extends RuntimeException {

  private final List<String> resources;

  ModelDeploymentException(String engineMessage, List<String> resources) {
    super(engineMessage);
    this.resources = List.copyOf(resources);
  }

  public List<String> resources() {
    return resources;
  }
}
