package org.leadhandoff.engine;

import java.util.List;

/** The engine refused, or could not be reached for, the start-up deployment of models and forms. */
public class ModelDeploymentException extends RuntimeException {

  /** Why: the engine said no to a model, was not there, or did not accept our credentials. */
  public enum Reason {
    REFUSED,
    UNREACHABLE,
    NOT_AUTHENTICATED
  }

  private final List<String> resources;
  private final Reason reason;
  private final String address;

  ModelDeploymentException(String engineMessage, List<String> resources) {
    this(engineMessage, resources, Reason.REFUSED, null);
  }

  ModelDeploymentException(
      String engineMessage, List<String> resources, Reason reason, String address) {
    super(engineMessage);
    this.resources = List.copyOf(resources);
    this.reason = reason;
    this.address = address;
  }

  public List<String> resources() {
    return resources;
  }

  public Reason reason() {
    return reason;
  }

  /** The engine's address as the client was configured, where known. */
  public String address() {
    return address;
  }
}
