package org.leadhandoff.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadNotFoundException;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.scoring.Bant;
import org.leadhandoff.scoring.Classification;
import org.leadhandoff.scoring.SourceCategory;
import org.leadhandoff.scoring.Temperature;
import org.springframework.stereotype.Component;

/**
 * "Classify lead": temperature and priority for the tasks that follow. After the phone
 * qualification it also weighs the qualifier's budget, authority, need and timing answers.
 */
@Component
public class ClassifyLeadWorker {

  /**
   * What the tasks that follow need: their priority, and what the forms show about the lead without
   * holding its contact data.
   */
  public record ClassificationResult(
      Temperature temperature,
      int priority,
      SourceCategory sourceCategory,
      Integer fitPoints,
      Integer engagementPoints) {}

  private final LeadScoringService scoring;
  private final LeadStore store;

  ClassifyLeadWorker(LeadScoringService scoring, LeadStore store) {
    this.scoring = scoring;
    this.store = store;
  }

  @JobWorker(type = Jobs.CLASSIFY_LEAD)
  public ClassificationResult classify(
      ActivatedJob job,
      @Variable(optional = false) UUID leadId,
      @Variable Boolean budgetConfirmed,
      @Variable Boolean authorityConfirmed,
      @Variable Boolean needConfirmed,
      @Variable Boolean timingConfirmed) {
    Bant bant =
        budgetConfirmed == null
                && authorityConfirmed == null
                && needConfirmed == null
                && timingConfirmed == null
            ? null
            : new Bant(
                Boolean.TRUE.equals(budgetConfirmed),
                Boolean.TRUE.equals(authorityConfirmed),
                Boolean.TRUE.equals(needConfirmed),
                Boolean.TRUE.equals(timingConfirmed));
    Classification classification =
        scoring.classify(leadId, bant, Occurrence.decidedBy(job), Occurrence.of(job));
    Lead lead = store.find(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
    return new ClassificationResult(
        classification.temperature(),
        classification.priority(),
        classification.sourceCategory(),
        lead.fitPoints(),
        lead.engagementPoints());
  }
}
