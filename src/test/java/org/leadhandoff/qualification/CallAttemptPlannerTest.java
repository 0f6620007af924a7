package org.leadhandoff.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.process.Outcomes.CallAttemptOutcome;

class CallAttemptPlannerTest {

  private final CallAttemptPlanner calls =
      new CallAttemptPlanner(new CallSettings(3, Duration.ofDays(1)));

  @Test
  @DisplayName("unanswered calls are retried until the configured number of attempts")
  void callCadence() {
    assertThat(
            List.of(
                calls.afterUnansweredCall(0),
                calls.afterUnansweredCall(1),
                calls.afterUnansweredCall(2)))
        .extracting(CallAttemptPlanner.CallAttemptPlan::outcome)
        .containsExactly(
            CallAttemptOutcome.RETRY, CallAttemptOutcome.RETRY, CallAttemptOutcome.GIVE_UP);
    assertThat(calls.afterUnansweredCall(0).retryIn()).isEqualTo(Duration.ofDays(1));
    assertThat(calls.afterUnansweredCall(2).callAttempts()).isEqualTo(3);
  }
}
