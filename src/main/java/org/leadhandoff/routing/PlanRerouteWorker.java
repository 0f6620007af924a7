package org.leadhandoff.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.Outcomes.RerouteOutcome;
import org.springframework.stereotype.Component;

/**
 * "Plan reroute", at the deadline or after a rejection that says "not me": the lead goes to the
 * next available person, or to the manager too once it was rerouted more than the limit allows.
 */
@Component
public class PlanRerouteWorker {

  /**
   * @param rerouteOutcome REROUTE: to the next available person; ESCALATE: tell the manager too
   */
  public record Reroute(int reroutes, boolean reroute, RerouteOutcome rerouteOutcome) {}

  private final SlaService sla;
  private final SlaSettings settings;

  PlanRerouteWorker(SlaService sla, SlaSettings settings) {
    this.sla = sla;
    this.settings = settings;
  }

  @JobWorker(type = Jobs.PLAN_REROUTE)
  public Reroute planReroute(
      ActivatedJob job, @Variable(optional = false) UUID leadId, @Variable Integer reroutes) {
    sla.rerouting(
        leadId,
        Role.ofProcess(job.getBpmnProcessId()),
        String.valueOf(job.getElementInstanceKey()));
    int count = (reroutes == null ? 0 : reroutes) + 1;
    return new Reroute(
        count,
        true,
        count > settings.maxReroutes() ? RerouteOutcome.ESCALATE : RerouteOutcome.REROUTE);
  }
}
