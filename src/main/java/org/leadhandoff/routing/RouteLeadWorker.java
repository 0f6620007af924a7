package org.leadhandoff.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Headers;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.scoring.Temperature;
import org.springframework.stereotype.Component;

/**
 * "Assign qualifier" / "Assign sales rep": the {@code role} header says whom to look for; the task
 * that follows is assigned to {@code assignee}, or waits in the team's queue when it is null.
 */
@Component
public class RouteLeadWorker {

  /**
   * @param dueAt when the task is due: the SLA of the role for the lead's temperature, from now
   * @param remindAt when the owner is reminded (reminder-at of the SLA)
   */
  public record Assignment(String assignee, String dueAt, String remindAt) {}

  private final RoutingService routing;

  RouteLeadWorker(RoutingService routing) {
    this.routing = routing;
  }

  @JobWorker(type = Jobs.ROUTE_LEAD)
  public Assignment route(
      ActivatedJob job,
      @Variable(optional = false) UUID leadId,
      @Variable Boolean reroute,
      @Variable Temperature temperature) {
    Role role = Role.valueOf(job.getCustomHeaders().getOrDefault(Headers.ROLE, "").strip());
    var routed =
        routing.route(
            leadId,
            role,
            Boolean.TRUE.equals(reroute),
            temperature,
            job.getType() + ":" + job.getElementInstanceKey());
    return new Assignment(
        routed.assignee(), routed.due().dueAt().toString(), routed.due().remindAt().toString());
  }
}
