package org.leadhandoff.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.Outcomes.EngagementOutcome;
import org.leadhandoff.scoring.EngagementScore;
import org.leadhandoff.scoring.ScoringCriteria;
import org.leadhandoff.system.Why;
import org.springframework.stereotype.Component;

/** "Score lead engagement": gives the gateway "Ready for sales?" its answer. */
@Component
public class ScoreEngagementWorker {

  /**
   * @param engagementReasonCode and {@code engagementFacts}: why, recorded with the MQL stage
   *     ({@code why.ENGAGEMENT_SCORED} or {@code why.ENGAGEMENT_HAND_RAISE})
   * @param engagementRescoreIn when to score again if nothing happens (ISO-8601), so decay shows
   */
  public record EngagementResult(
      EngagementOutcome engagementOutcome,
      String engagementReasonCode,
      Map<String, Object> engagementFacts,
      String engagementRescoreIn) {}

  private final LeadScoringService scoring;
  private final ScoringCriteria criteria;

  ScoreEngagementWorker(LeadScoringService scoring, ScoringCriteria criteria) {
    this.scoring = scoring;
    this.criteria = criteria;
  }

  @JobWorker(type = Jobs.SCORE_ENGAGEMENT)
  public EngagementResult scoreEngagement(
      ActivatedJob job, @Variable(optional = false) UUID leadId) {
    EngagementScore score =
        scoring.scoreEngagement(leadId, Occurrence.decidedBy(job), Occurrence.of(job));
    return new EngagementResult(
        score.mql() ? EngagementOutcome.MQL : EngagementOutcome.NOT_YET,
        score.handRaise() ? "ENGAGEMENT_HAND_RAISE" : "ENGAGEMENT_SCORED",
        Why.of(
                "ENGAGEMENT",
                "points",
                score.points(),
                "mqlAt",
                criteria.engagement().mqlAt(),
                "criteria",
                criteria.version())
            .facts(),
        criteria.engagement().rescoreEvery().toString());
  }
}
