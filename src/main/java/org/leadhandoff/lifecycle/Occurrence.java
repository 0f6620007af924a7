package org.leadhandoff.lifecycle;

import io.camunda.client.api.response.ActivatedJob;

/**
 * Keys a worker's side effect to the element instance it serves: a redelivered job has the same
 * key, a new pass through the same element (a loop) has a new one.
 */
final class Occurrence {

  private Occurrence() {}

  static String of(ActivatedJob job) {
    return job.getType() + ":" + job.getElementInstanceKey();
  }

  /** The model element that decided, as recorded in the lead store. */
  static String decidedBy(ActivatedJob job) {
    return job.getBpmnProcessId() + "/" + job.getElementId();
  }
}
