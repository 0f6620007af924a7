package org.leadhandoff.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Headers;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.springframework.stereotype.Component;

/**
 * "Assign qualifier" / "Assign sales rep": the {@code role} header says whom to look for; the task
 * that follows is assigned to {@code assignee}, or waits in the team's queue when it is null.
 */
@Component
public class RouteLeadWorker {

  public record Assignment(String assignee, String routingOutcome) {}

  private final RoutingService routing;

  RouteLeadWorker(RoutingService routing) {
    this.routing = routing;
  }

  @JobWorker(type = Jobs.ROUTE_LEAD)
  public Assignment route(
      ActivatedJob job, @Variable(optional = false) UUID leadId, @Variable Boolean reroute) {
    Role role = Role.valueOf(job.getCustomHeaders().getOrDefault(Headers.ROLE, "").strip());
    var routed =
        routing.route(
            leadId,
            role,
            Boolean.TRUE.equals(reroute),
            job.getType() + ":" + job.getElementInstanceKey());
    return new Assignment(routed.assignee(), routed.outcome());
  }
}
