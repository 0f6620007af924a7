package org.leadhandoff.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Instant;
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
  private final RosterStore roster;
  private final DueDates dueDates;
  private final Clock clock;

  RouteLeadWorker(RoutingService routing, RosterStore roster, DueDates dueDates, Clock clock) {
    this.routing = routing;
    this.roster = roster;
    this.dueDates = dueDates;
    this.clock = clock;
  }

  @JobWorker(type = Jobs.ROUTE_LEAD)
  public Assignment route(
      ActivatedJob job,
      @Variable(optional = false) UUID leadId,
      @Variable Boolean reroute,
      @Variable Temperature temperature) {
    Role role = Role.valueOf(job.getCustomHeaders().getOrDefault(Headers.ROLE, "").strip());
    Instant now = clock.instant();
    var routed =
        routing.route(
            leadId,
            role,
            Boolean.TRUE.equals(reroute),
            owner -> dueDates.of(role, temperature, now, owner).dueAt(),
            job.getType() + ":" + job.getElementInstanceKey());
    Rep owner = routed.assignee() == null ? null : roster.find(routed.assignee()).orElse(null);
    DueDates.Due due = dueDates.of(role, temperature, now, owner);
    return new Assignment(routed.assignee(), due.dueAt().toString(), due.remindAt().toString());
  }
}
