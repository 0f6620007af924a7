package org.leadhandoff.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.Outcomes.FitOutcome;
import org.leadhandoff.scoring.FitScore;
import org.leadhandoff.scoring.Grade;
import org.leadhandoff.scoring.ScoringCriteria;
import org.springframework.stereotype.Component;

/** "Score lead fit": gives the gateway "In profile?" its answer. */
@Component
public class ScoreFitWorker {

  /**
   * @param fitSummary why, in words, recorded with the stage the lead enters
   * @param outOfProfileCloseAfter how long an out-of-profile lead waits for new data (ISO-8601)
   */
  public record FitResult(
      FitOutcome fitOutcome, Grade fitGrade, String fitSummary, String outOfProfileCloseAfter) {}

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
    return new FitResult(
        score.inProfile() ? FitOutcome.IN_PROFILE : FitOutcome.OUT_OF_PROFILE,
        score.grade(),
        "fit "
            + score.points()
            + " points, grade "
            + score.grade()
            + " (criteria "
            + criteria.version()
            + ")",
        lifecycle.outOfProfileCloseAfter().toString());
  }
}
