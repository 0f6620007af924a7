package org.leadhandoff.qualification;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.Outcomes.CallAttemptOutcome;
import org.leadhandoff.qualification.CallAttemptPlanner.CallAttemptPlan;
import org.leadhandoff.routing.DueDates;
import org.leadhandoff.routing.Role;
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
  private final DueDates dueDates;
  private final Clock clock;

  PlanCallAttemptWorker(CallAttemptPlanner planner, DueDates dueDates, Clock clock) {
    this.planner = planner;
    this.dueDates = dueDates;
    this.clock = clock;
  }

  @JobWorker(type = Jobs.PLAN_CALL_ATTEMPT)
  public CallAttemptResult plan(
      @Variable(optional = false) UUID leadId,
      @Variable Integer callAttempts,
      @Variable Temperature temperature) {
    CallAttemptPlan plan = planner.afterUnansweredCall(callAttempts == null ? 0 : callAttempts);
    Instant retryAt = clock.instant().plus(plan.retryIn());
    DueDates.Due due = dueDates.forCurrentOwner(leadId, Role.QUALIFIER, temperature, retryAt);
    return new CallAttemptResult(
        plan.callAttempts(),
        plan.outcome(),
        plan.retryIn().toString(),
        due.dueAt().toString(),
        due.remindAt().toString());
  }
}
