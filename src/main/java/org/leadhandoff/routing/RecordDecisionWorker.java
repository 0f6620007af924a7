package org.leadhandoff.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.springframework.stereotype.Component;

/**
 * End listener of the user tasks: a person completed the task (an interrupted task runs no end
 * listener), so the decision, its reason and who made it go to the lead's record. Keyed by the
 * task's element instance, so a redelivered job records nothing twice.
 */
@Component
public class RecordDecisionWorker {

  private final SlaService sla;

  RecordDecisionWorker(SlaService sla) {
    this.sla = sla;
  }

  @JobWorker(type = Jobs.RECORD_DECISION)
  public void record(
      ActivatedJob job,
      @Variable(optional = false) UUID leadId,
      @Variable String qualificationOutcome,
      @Variable String disqualificationReason,
      @Variable String misScoredReason,
      @Variable String salesDecision,
      @Variable String rejectionReason,
      @Variable String completedBy) {
    Role role = SlaWorkers.role(job);
    String code = role == Role.SALES_REP ? salesDecision : qualificationOutcome;
    String reason =
        role == Role.SALES_REP
            ? ("REJECT".equals(salesDecision) ? rejectionReason : null)
            : switch (qualificationOutcome == null ? "" : qualificationOutcome) {
              case "DISQUALIFIED" -> disqualificationReason;
              case "MIS_SCORED" -> misScoredReason;
              default -> null;
            };
    sla.decided(
        leadId,
        role,
        code == null ? "UNKNOWN" : code,
        reason,
        completedBy,
        String.valueOf(job.getElementInstanceKey()));
  }
}
