package org.leadhandoff.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.LeadProcess.Processes;
import org.springframework.stereotype.Component;

/** End listener of the human tasks: the task is done, so its owner has one open lead less. */
@Component
public class ReleaseAssignmentWorker {

  private final RoutingService routing;

  ReleaseAssignmentWorker(RoutingService routing) {
    this.routing = routing;
  }

  @JobWorker(type = Jobs.RELEASE_ASSIGNMENT)
  public void release(ActivatedJob job, @Variable(optional = false) UUID leadId) {
    routing.release(
        leadId,
        Processes.SALES_HANDOFF.equals(job.getBpmnProcessId()) ? Role.SALES_REP : Role.QUALIFIER);
  }
}
