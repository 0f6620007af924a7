package org.leadhandoff.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Headers;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.scoring.ScoringCriteria;
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
  public record Assignment(String assignee, String routingOutcome, String dueAt, String remindAt) {}

  private final RoutingService routing;
  private final RosterStore roster;
  private final ScoringCriteria criteria;
  private final Clock clock;

  RouteLeadWorker(
      RoutingService routing, RosterStore roster, ScoringCriteria criteria, Clock clock) {
    this.routing = routing;
    this.roster = roster;
    this.criteria = criteria;
    this.clock = clock;
  }

  /** Calendar time, or the owner's working time where business-hours is set. */
  private Instant due(Instant from, Duration sla, Rep owner) {
    return criteria.sla().businessHours() ? BusinessTime.add(from, sla, owner) : from.plus(sla);
  }

  @JobWorker(type = Jobs.ROUTE_LEAD)
  public Assignment route(
      ActivatedJob job,
      @Variable(optional = false) UUID leadId,
      @Variable Boolean reroute,
      @Variable Temperature temperature) {
    Role role = Role.valueOf(job.getCustomHeaders().getOrDefault(Headers.ROLE, "").strip());
    Temperature t = temperature == null ? Temperature.WARM : temperature;
    Duration sla =
        role == Role.SALES_REP ? criteria.sla().acceptance(t) : criteria.sla().firstTouch(t);
    Instant now = clock.instant();
    var routed =
        routing.route(
            leadId,
            role,
            Boolean.TRUE.equals(reroute),
            owner -> due(now, sla, owner),
            job.getType() + ":" + job.getElementInstanceKey());
    Rep owner = routed.assignee() == null ? null : roster.find(routed.assignee()).orElse(null);
    Instant due = due(now, sla, owner);
    Instant remind =
        due(now, Duration.ofMillis((long) (sla.toMillis() * criteria.sla().reminderAt())), owner);
    return new Assignment(routed.assignee(), routed.outcome(), due.toString(), remind.toString());
  }
}
