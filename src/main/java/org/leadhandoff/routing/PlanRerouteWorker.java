package org.leadhandoff.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
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
   * @param slaMisses how often the task's deadline passed (a rejection is no miss), shown on the
   *     rerouted task
   * @param rerouteOutcome REROUTE: to the next available person; ESCALATE: tell the manager too
   * @param salesDecision with the other answers of the acceptance form: emptied, so that the next
   *     rep opens a blank form and not a rejection they never made (in phone-qualification they are
   *     not set and stay empty)
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Reroute(
      int reroutes,
      int slaMisses,
      boolean reroute,
      RerouteOutcome rerouteOutcome,
      String salesDecision,
      String rejectionReason,
      Object followUpsDone,
      String rejectionNotes,
      String expectedCloseDate,
      Object amount) {

    Reroute(int reroutes, int slaMisses, RerouteOutcome rerouteOutcome) {
      this(reroutes, slaMisses, true, rerouteOutcome, null, null, null, null, null, null);
    }
  }

  private final SlaService sla;
  private final SlaSettings settings;

  PlanRerouteWorker(SlaService sla, SlaSettings settings) {
    this.sla = sla;
    this.settings = settings;
  }

  @JobWorker(type = Jobs.PLAN_REROUTE)
  public Reroute planReroute(
      ActivatedJob job,
      @Variable(optional = false) UUID leadId,
      @Variable Integer reroutes,
      @Variable Integer slaMisses) {
    SlaService.RerouteCause cause =
        sla.rerouting(
            leadId,
            Role.ofProcess(job.getBpmnProcessId()),
            String.valueOf(job.getElementInstanceKey()));
    int count = (reroutes == null ? 0 : reroutes) + 1;
    int misses =
        (slaMisses == null ? 0 : slaMisses) + (cause == SlaService.RerouteCause.SLA_MISSED ? 1 : 0);
    return new Reroute(
        count,
        misses,
        count > settings.maxReroutes() ? RerouteOutcome.ESCALATE : RerouteOutcome.REROUTE);
  }
}
