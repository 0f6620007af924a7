package org.leadhandoff.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.system.Why;
import org.springframework.stereotype.Component;

/** "Escalate to manager": the lead was rerouted too often without being worked in time. */
@Component
public class EscalateToManagerWorker {

  private final RoutingService routing;
  private final SlaSettings settings;

  EscalateToManagerWorker(RoutingService routing, SlaSettings settings) {
    this.routing = routing;
    this.settings = settings;
  }

  @JobWorker(type = Jobs.ESCALATE)
  public void escalate(
      ActivatedJob job, @Variable(optional = false) UUID leadId, @Variable Integer reroutes) {
    routing.escalate(
        leadId,
        Role.ofProcess(job.getBpmnProcessId()),
        RoutingService.MAX_REROUTES_CODE,
        Why.of("MAX_REROUTES", "count", reroutes, "limit", settings.maxReroutes()),
        String.valueOf(job.getElementInstanceKey()));
  }
}
