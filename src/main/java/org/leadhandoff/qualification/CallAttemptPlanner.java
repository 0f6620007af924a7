package org.leadhandoff.qualification;

import java.time.Duration;
import org.leadhandoff.process.Outcomes.CallAttemptOutcome;
import org.springframework.stereotype.Service;

/** The NO_ANSWER cadence: call again after a wait, until the attempts are used up. */
@Service
public class CallAttemptPlanner {

  public record CallAttemptPlan(int callAttempts, CallAttemptOutcome outcome, Duration retryIn) {}

  private final int maxAttempts;
  private final Duration retryAfter;

  CallAttemptPlanner(CallSettings settings) {
    this.maxAttempts = settings.callAttempts();
    this.retryAfter = settings.callRetryAfter();
  }

  /**
   * @param attemptsBefore unanswered attempts before this one
   */
  public CallAttemptPlan afterUnansweredCall(int attemptsBefore) {
    int attempts = attemptsBefore + 1;
    return attempts < maxAttempts
        ? new CallAttemptPlan(attempts, CallAttemptOutcome.RETRY, retryAfter)
        : new CallAttemptPlan(attempts, CallAttemptOutcome.GIVE_UP, Duration.ZERO);
  }
}
