package org.leadhandoff.routing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.Outcomes.RejectionKind;
import org.leadhandoff.process.Outcomes.SalesDecision;
import org.springframework.stereotype.Component;

/**
 * "Classify rejection", after a sales rep's decision: a reason that is about the rep ("not my
 * territory") sends the lead to another rep, any other reason recycles it.
 */
@Component
public class ClassifyRejectionWorker {

  /** REP_SPECIFIC sends the lead to another rep; LEAD_SPECIFIC recycles it; NONE: accepted. */
  public record Rejection(RejectionKind rejectionKind) {}

  private final SlaSettings settings;

  ClassifyRejectionWorker(SlaSettings settings) {
    this.settings = settings;
  }

  @JobWorker(type = Jobs.CLASSIFY_REJECTION)
  public Rejection classifyRejection(
      @Variable String salesDecision, @Variable String rejectionReason) {
    if (!SalesDecision.REJECT.name().equals(salesDecision)) {
      return new Rejection(RejectionKind.NONE);
    }
    return new Rejection(
        settings.repSpecificRejections().contains(rejectionReason)
            ? RejectionKind.REP_SPECIFIC
            : RejectionKind.LEAD_SPECIFIC);
  }
}
