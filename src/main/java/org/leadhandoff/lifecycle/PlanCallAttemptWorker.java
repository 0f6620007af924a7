package org.leadhandoff.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.leadhandoff.lifecycle.CallAttemptPlanner.CallAttemptPlan;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.Outcomes.CallAttemptOutcome;
import org.springframework.stereotype.Component;

/** "Plan next call attempt": counts unanswered calls and says whether to try again, and when. */
@Component
public class PlanCallAttemptWorker {

  public record CallAttemptResult(
      int callAttempts, CallAttemptOutcome callAttemptOutcome, String callRetryIn) {}

  private final CallAttemptPlanner planner;

  PlanCallAttemptWorker(CallAttemptPlanner planner) {
    this.planner = planner;
  }

  @JobWorker(type = Jobs.PLAN_CALL_ATTEMPT)
  public CallAttemptResult plan(@Variable Integer callAttempts) {
    CallAttemptPlan plan = planner.afterUnansweredCall(callAttempts == null ? 0 : callAttempts);
    return new CallAttemptResult(plan.callAttempts(), plan.outcome(), plan.retryIn().toString());
  }
}
