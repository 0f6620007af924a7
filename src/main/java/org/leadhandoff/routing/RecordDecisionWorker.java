package org.leadhandoff.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.Outcomes.QualificationOutcome;
import org.leadhandoff.process.Outcomes.SalesDecision;
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
      @Variable String rejectionNotes,
      @Variable String expectedCloseDate,
      @Variable Object amount,
      @Variable String completedBy) {
    Role role = Role.ofProcess(job.getBpmnProcessId());
    String code = role == Role.SALES_REP ? salesDecision : qualificationOutcome;
    String reason;
    if (role == Role.SALES_REP) {
      // A rejection's reason is a code the reports count; an acceptance records the deal.
      reason =
          SalesDecision.REJECT.name().equals(salesDecision)
              ? rejectionReason
              : SalesDecision.ACCEPT.name().equals(salesDecision)
                  ? deal(amount, expectedCloseDate)
                  : null;
    } else if (QualificationOutcome.DISQUALIFIED.name().equals(qualificationOutcome)) {
      reason = disqualificationReason;
    } else if (QualificationOutcome.MIS_SCORED.name().equals(qualificationOutcome)) {
      reason = misScoredReason;
    } else {
      reason = null;
    }
    // An acceptance's deal as a code and facts too, so that "My leads" writes it in its reader's
    // language (the text stays for the API and older readers).
    org.leadhandoff.system.Why why =
        role == Role.SALES_REP && SalesDecision.ACCEPT.name().equals(salesDecision)
            ? org.leadhandoff.system.Why.of("DEAL")
                .with("amount", amount instanceof Number n ? n : blankToNull(amount))
                .with("expectedClose", expectedCloseDate)
            : null;
    // A rejection's notes ("the company sits in Bavaria") go with its reason to the lead's
    // history, where the next owner reads why the lead came to them.
    if (role == Role.SALES_REP
        && SalesDecision.REJECT.name().equals(salesDecision)
        && rejectionReason != null
        && rejectionNotes != null
        && !rejectionNotes.isBlank()) {
      why = org.leadhandoff.system.Why.of(rejectionReason).with("note", rejectionNotes.strip());
    }
    sla.decided(
        leadId,
        role,
        code == null ? "UNKNOWN" : code,
        reason,
        why,
        completedBy,
        String.valueOf(job.getElementInstanceKey()));
  }

  private static Object blankToNull(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** "amount 12000, expected close 2027-01-15", from what the rep entered (either may be empty). */
  static String deal(Object amount, String expectedCloseDate) {
    List<String> parts = new ArrayList<>();
    if (amount != null && !amount.toString().isBlank()) {
      parts.add("amount " + amount);
    }
    if (expectedCloseDate != null && !expectedCloseDate.isBlank()) {
      parts.add("expected close " + expectedCloseDate.strip());
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }
}
