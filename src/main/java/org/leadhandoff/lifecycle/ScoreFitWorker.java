package org.leadhandoff.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.Outcomes.FitOutcome;
import org.leadhandoff.scoring.FitProfile;
import org.leadhandoff.scoring.FitScore;
import org.leadhandoff.scoring.Grade;
import org.leadhandoff.scoring.ScoringCriteria;
import org.leadhandoff.system.Why;
import org.springframework.stereotype.Component;

/** "Score lead fit": gives the gateway "In profile?" its answer. */
@Component
public class ScoreFitWorker {

  /**
   * @param fitFacts points, grade and criteria version: the reason ({@code why.FIT_SCORED}) of the
   *     stage the lead enters
   * @param outOfProfileCloseAfter how long an out-of-profile lead waits for new data (ISO-8601)
   * @param country the scored lead's country (ISO code), for the routing table
   * @param companySize the scored lead's employees, for the routing table
   */
  public record FitResult(
      FitOutcome fitOutcome,
      Grade fitGrade,
      Map<String, Object> fitFacts,
      String outOfProfileCloseAfter,
      String country,
      Integer companySize) {}

  private final LeadScoringService scoring;
  private final ScoringCriteria criteria;
  private final LifecycleSettings lifecycle;

  ScoreFitWorker(
      LeadScoringService scoring, ScoringCriteria criteria, LifecycleSettings lifecycle) {
    this.scoring = scoring;
    this.criteria = criteria;
    this.lifecycle = lifecycle;
  }

  @JobWorker(type = Jobs.SCORE_FIT)
  public FitResult scoreFit(ActivatedJob job, @Variable(optional = false) UUID leadId) {
    FitScore score = scoring.scoreFit(leadId, Occurrence.decidedBy(job), Occurrence.of(job));
    FitProfile profile = scoring.profile(leadId);
    return new FitResult(
        score.inProfile() ? FitOutcome.IN_PROFILE : FitOutcome.OUT_OF_PROFILE,
        score.grade(),
        Why.of(
                "FIT_SCORED",
                "points",
                score.points(),
                "grade",
                score.grade().name(),
                "criteria",
                criteria.version())
            .facts(),
        lifecycle.outOfProfileCloseAfter().toString(),
        profile.country(),
        profile.companySize());
  }
}
