package org.leadhandoff.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadNotFoundException;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.scoring.Bant;
import org.leadhandoff.scoring.Classification;
import org.leadhandoff.scoring.ScoringCriteria;
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
   * What the tasks that follow need: their priority and due dates, and what the forms show about
   * the lead without holding its contact data.
   *
   * @param qualificationDue when the phone qualification is due (first-touch SLA)
   * @param acceptanceDue when a rep's acceptance is due (acceptance SLA)
   */
  public record ClassificationResult(
      Temperature temperature,
      int priority,
      SourceCategory sourceCategory,
      Integer fitPoints,
      Integer engagementPoints,
      String qualificationDue,
      String acceptanceDue) {}

  private final LeadScoringService scoring;
  private final LeadStore store;
  private final ScoringCriteria criteria;
  private final Clock clock;

  ClassifyLeadWorker(
      LeadScoringService scoring, LeadStore store, ScoringCriteria criteria, Clock clock) {
    this.scoring = scoring;
    this.store = store;
    this.criteria = criteria;
    this.clock = clock;
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
    Instant now = clock.instant();
    return new ClassificationResult(
        classification.temperature(),
        classification.priority(),
        classification.sourceCategory(),
        lead.fitPoints(),
        lead.engagementPoints(),
        now.plus(criteria.sla().firstTouch(classification.temperature())).toString(),
        now.plus(criteria.sla().acceptance(classification.temperature())).toString());
  }
}
