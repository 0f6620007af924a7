package org.leadhandoff.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.leadhandoff.lifecycle.RecyclePlanner.RecyclePlan;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.Outcomes.QualificationOutcome;
import org.leadhandoff.process.Outcomes.SalesDecision;
import org.springframework.stereotype.Component;

/** "Plan revisit": how long a recycled lead waits (the timer reads it) and why it waits. */
@Component
public class PlanRecycleWorker {

  /**
   * @param recycleWait ISO-8601 duration for the revisit timer
   * @param recycleReason the reason recorded with the RECYCLED stage
   */
  public record RecycleResult(String recycleWait, String recycleReason, String revisitAt) {}

  private final RecyclePlanner planner;
  private final Clock clock;

  PlanRecycleWorker(RecyclePlanner planner, Clock clock) {
    this.planner = planner;
    this.clock = clock;
  }

  @JobWorker(type = Jobs.PLAN_RECYCLE)
  public RecycleResult plan(
      @Variable QualificationOutcome qualificationOutcome,
      @Variable SalesDecision salesDecision,
      @Variable String rejectionReason,
      @Variable String revisitDate,
      @Variable Integer callAttempts) {
    RecyclePlan plan =
        planner.plan(
            qualificationOutcome,
            salesDecision,
            rejectionReason,
            date(revisitDate),
            callAttempts == null ? 0 : callAttempts,
            clock.instant());
    return new RecycleResult(plan.waitFor().toString(), plan.reason(), plan.revisitAt().toString());
  }

  private static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip().substring(0, Math.min(10, value.strip().length())));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "revisitDate '" + value + "' is not a date (expected YYYY-MM-DD)", e);
    }
  }
}
