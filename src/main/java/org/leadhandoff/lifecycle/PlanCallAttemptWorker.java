package org.leadhandoff.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.leadhandoff.lifecycle.CallAttemptPlanner.CallAttemptPlan;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.Outcomes.CallAttemptOutcome;
import org.leadhandoff.scoring.ScoringCriteria;
import org.leadhandoff.scoring.Temperature;
import org.springframework.stereotype.Component;

/** "Plan next call attempt": counts unanswered calls and says whether to try again, and when. */
@Component
public class PlanCallAttemptWorker {

  /**
   * @param dueAt when the next attempt is due: its first-touch SLA counts from the retry
   * @param remindAt when the qualifier is reminded of the next attempt
   */
  public record CallAttemptResult(
      int callAttempts,
      CallAttemptOutcome callAttemptOutcome,
      String callRetryIn,
      String dueAt,
      String remindAt) {}

  private final CallAttemptPlanner planner;
  private final ScoringCriteria criteria;
  private final Clock clock;

  PlanCallAttemptWorker(CallAttemptPlanner planner, ScoringCriteria criteria, Clock clock) {
    this.planner = planner;
    this.criteria = criteria;
    this.clock = clock;
  }

  @JobWorker(type = Jobs.PLAN_CALL_ATTEMPT)
  public CallAttemptResult plan(@Variable Integer callAttempts, @Variable Temperature temperature) {
    CallAttemptPlan plan = planner.afterUnansweredCall(callAttempts == null ? 0 : callAttempts);
    Duration sla = criteria.sla().firstTouch(temperature == null ? Temperature.WARM : temperature);
    Instant retryAt = clock.instant().plus(plan.retryIn());
    return new CallAttemptResult(
        plan.callAttempts(),
        plan.outcome(),
        plan.retryIn().toString(),
        retryAt.plus(sla).toString(),
        retryAt.plusMillis((long) (sla.toMillis() * criteria.sla().reminderAt())).toString());
  }
}
