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
 * "Assign qualifier" / "Assign sales rep": the {@code role} header says whom to look for and the
 * routing table's {@code routingTeam} in which team; the task that follows is assigned to {@code
 * assignee}, or waits in the team's queue when it is null.
 */
@Component
public class RouteLeadWorker {

  /**
   * @param dueAt when the task is due: the SLA of the role for the lead's temperature, from now
   * @param remindAt when the owner is reminded (reminder-at of the SLA)
   * @param handOverTo emptied with the two below: a hand-over is used once, and a later routing (a
   *     missed SLA) routes as usual. Empty strings rather than nulls clear them whatever the JSON
   *     mapper does with nulls.
   */
  public record Assignment(
      String assignee,
      String dueAt,
      String remindAt,
      String handOverTo,
      String handOverBy,
      String handOverReason) {

    static Assignment of(String assignee, DueDates.Due due) {
      return new Assignment(
          assignee, due.dueAt().toString(), due.remindAt().toString(), "", "", "");
    }
  }

  private final RoutingService routing;
  private final RoutingSettings settings;

  RouteLeadWorker(RoutingService routing, RoutingSettings settings) {
    this.routing = routing;
    this.settings = settings;
  }

  @JobWorker(type = Jobs.ROUTE_LEAD)
  public Assignment route(
      ActivatedJob job,
      @Variable(optional = false) UUID leadId,
      @Variable Boolean reroute,
      @Variable Temperature temperature,
      @Variable String handOverTo,
      @Variable String handOverBy,
      @Variable String handOverReason,
      @Variable String dueAt,
      @Variable String remindAt,
      @Variable java.util.Map<String, Object> routingTeam) {
    Role role = Role.valueOf(job.getCustomHeaders().getOrDefault(Headers.ROLE, "").strip());
    if (handOverBy != null && !handOverBy.isBlank()) {
      var routed =
          routing.handOver(
              leadId,
              role,
              new RoutingService.HandOver(
                  handOverTo == null || handOverTo.isBlank() ? null : handOverTo.strip(),
                  handOverBy,
                  handOverReason),
              temperature,
              new DueDates.Due(java.time.Instant.parse(dueAt), java.time.Instant.parse(remindAt)),
              job.getType() + ":" + job.getElementInstanceKey());
      // An empty assignee, not a null: the team queue whatever the mapper does with nulls.
      return Assignment.of(routed.assignee() == null ? "" : routed.assignee(), routed.due());
    }
    var routed =
        routing.route(
            leadId,
            role,
            Boolean.TRUE.equals(reroute),
            temperature,
            RoutingService.TeamChoice.of(routingTeam, settings.defaultTeam()),
            job.getType() + ":" + job.getElementInstanceKey());
    return Assignment.of(routed.assignee(), routed.due());
  }
}
