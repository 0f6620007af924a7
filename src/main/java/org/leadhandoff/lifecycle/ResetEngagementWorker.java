package org.leadhandoff.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.springframework.stereotype.Component;

/** "Reset engagement": a lead coming back must earn MQL again; earlier events stop counting. */
@Component
public class ResetEngagementWorker {

  private final LeadScoringService scoring;

  ResetEngagementWorker(LeadScoringService scoring) {
    this.scoring = scoring;
  }

  @JobWorker(type = Jobs.RESET_ENGAGEMENT)
  public void reset(ActivatedJob job, @Variable(optional = false) UUID leadId) {
    scoring.resetEngagement(leadId, Occurrence.decidedBy(job), Occurrence.of(job));
  }
}
