package org.leadhandoff.lifecycle;

import java.time.Clock;
import java.util.UUID;
import org.leadhandoff.lead.EngagementEventStore;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadNotFoundException;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.scoring.Bant;
import org.leadhandoff.scoring.Classification;
import org.leadhandoff.scoring.Classifier;
import org.leadhandoff.scoring.EngagementScore;
import org.leadhandoff.scoring.EngagementScoring;
import org.leadhandoff.scoring.FitProfile;
import org.leadhandoff.scoring.FitScore;
import org.leadhandoff.scoring.FitScoring;
import org.leadhandoff.scoring.Grade;
import org.leadhandoff.scoring.ScoringCriteria;
import org.springframework.stereotype.Service;

/**
 * Scores a stored lead and records the score with its explanation and criteria version. A retried
 * call with the same occurrence key recomputes the same answer and records nothing twice.
 */
@Service
public class LeadScoringService {

  private final LeadStore store;
  private final EngagementEventStore events;
  private final FitScoring fit;
  private final EngagementScoring engagement;
  private final Classifier classifier;
  private final ScoringCriteria criteria;
  private final Clock clock;

  LeadScoringService(
      LeadStore store,
      EngagementEventStore events,
      FitScoring fit,
      EngagementScoring engagement,
      Classifier classifier,
      ScoringCriteria criteria,
      Clock clock) {
    this.store = store;
    this.events = events;
    this.fit = fit;
    this.engagement = engagement;
    this.classifier = classifier;
    this.criteria = criteria;
    this.clock = clock;
  }

  public FitScore scoreFit(UUID leadId, String scoredBy, String occurrence) {
    FitScore score = fit.score(lead(leadId).fitProfile());
    store.recordFit(leadId, score, criteria.version(), scoredBy, occurrence);
    return score;
  }

  /** What fit scoring reads of the lead (its contact, no history). */
  public FitProfile profile(UUID leadId) {
    return lead(leadId).fitProfile();
  }

  public EngagementScore scoreEngagement(UUID leadId, String scoredBy, String occurrence) {
    EngagementScore score = currentEngagement(leadId);
    store.recordEngagement(leadId, score, criteria.version(), scoredBy, occurrence);
    return score;
  }

  /**
   * @param bant the qualifier's answers, or null before the phone qualification
   */
  public Classification classify(UUID leadId, Bant bant, String scoredBy, String occurrence) {
    Lead lead = lead(leadId);
    Grade grade = lead.fitGrade() != null ? lead.fitGrade() : fit.score(lead.fitProfile()).grade();
    Classification classification =
        classifier.classify(
            grade,
            currentEngagement(leadId),
            bant,
            lead.contact().source(),
            lead.contact().referredBy());
    store.recordClassification(leadId, classification, criteria.version(), scoredBy, occurrence);
    return classification;
  }

  public void resetEngagement(UUID leadId, String resetBy, String occurrence) {
    store.resetEngagement(leadId, resetBy, occurrence);
  }

  private EngagementScore currentEngagement(UUID leadId) {
    return engagement.score(events.counting(leadId), clock.instant());
  }

  private Lead lead(UUID leadId) {
    return store.find(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
  }
}
