package org.leadhandoff.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.process.Outcomes.RejectionKind;
import org.leadhandoff.process.Outcomes.RerouteOutcome;
import org.leadhandoff.process.Outcomes.SalesDecision;
import org.leadhandoff.scoring.ScoringCriteria;
import org.springframework.stereotype.Component;

/**
 * The SLA ladder of the human tasks: "Remind owner" before the deadline, "Plan reroute" at the
 * deadline (or after a rejection that says "not me"), "Escalate to manager" after too many
 * reroutes, and "Classify rejection" after a rep's decision.
 */
@Component
public class SlaWorkers {

  /**
   * @param rerouteOutcome REROUTE: to the next available person; ESCALATE: tell the manager too
   */
  public record Reroute(int reroutes, boolean reroute, RerouteOutcome rerouteOutcome) {}

  /** REP_SPECIFIC sends the lead to another rep; LEAD_SPECIFIC recycles it; NONE: accepted. */
  public record Rejection(RejectionKind rejectionKind) {}

  private final RoutingService routing;
  private final SlaService sla;
  private final ScoringCriteria criteria;

  SlaWorkers(RoutingService routing, SlaService sla, ScoringCriteria criteria) {
    this.routing = routing;
    this.sla = sla;
    this.criteria = criteria;
  }

  @JobWorker(type = Jobs.REMIND_OWNER)
  public void remind(
      ActivatedJob job, @Variable(optional = false) UUID leadId, @Variable String dueAt) {
    Instant due = dueAt == null ? null : OffsetDateTime.parse(dueAt).toInstant();
    routing.remind(leadId, role(job), due, String.valueOf(job.getElementInstanceKey()));
  }

  @JobWorker(type = Jobs.PLAN_REROUTE)
  public Reroute planReroute(
      ActivatedJob job, @Variable(optional = false) UUID leadId, @Variable Integer reroutes) {
    sla.rerouting(leadId, role(job), String.valueOf(job.getElementInstanceKey()));
    int count = (reroutes == null ? 0 : reroutes) + 1;
    return new Reroute(
        count,
        true,
        count > criteria.sla().maxReroutes() ? RerouteOutcome.ESCALATE : RerouteOutcome.REROUTE);
  }

  @JobWorker(type = Jobs.ESCALATE)
  public void escalate(
      ActivatedJob job, @Variable(optional = false) UUID leadId, @Variable Integer reroutes) {
    routing.escalate(
        leadId,
        role(job),
        RoutingService.MAX_REROUTES_CODE,
        "rerouted "
            + reroutes
            + " times without being worked in time (the limit is "
            + criteria.sla().maxReroutes()
            + ")",
        String.valueOf(job.getElementInstanceKey()));
  }

  @JobWorker(type = Jobs.CLASSIFY_REJECTION)
  public Rejection classifyRejection(
      @Variable String salesDecision, @Variable String rejectionReason) {
    if (!SalesDecision.REJECT.name().equals(salesDecision)) {
      return new Rejection(RejectionKind.NONE);
    }
    return new Rejection(
        criteria.sla().repSpecificRejections().contains(rejectionReason)
            ? RejectionKind.REP_SPECIFIC
            : RejectionKind.LEAD_SPECIFIC);
  }

  static Role role(ActivatedJob job) {
    return Processes.SALES_HANDOFF.equals(job.getBpmnProcessId()) ? Role.SALES_REP : Role.QUALIFIER;
  }
}
