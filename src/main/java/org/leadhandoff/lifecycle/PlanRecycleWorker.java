package org.leadhandoff.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.lifecycle.RecyclePlanner.RecyclePlan;
import org.leadhandoff.notification.Notifications;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.Outcomes.QualificationOutcome;
import org.leadhandoff.process.Outcomes.SalesDecision;
import org.leadhandoff.system.Why;
import org.springframework.stereotype.Component;

/**
 * "Plan revisit": how long a recycled lead waits (the timer reads it) and why; marketing gets the
 * lead back with the reason, by mail.
 */
@Component
public class PlanRecycleWorker {

  /**
   * @param recycleWait ISO-8601 duration for the revisit timer
   * @param recycleReasonCode why, as the reports' code and the catalogue's {@code why.<code>}
   * @param recycleFacts its facts (revisit date, call attempts, rejection reason, the rep's notes),
   *     recorded with the RECYCLED stage
   */
  public record RecycleResult(
      String recycleWait, String recycleReasonCode, Map<String, Object> recycleFacts) {}

  private final RecyclePlanner planner;
  private final Notifications notifications;
  private final Clock clock;

  private final org.leadhandoff.lead.LeadStore leads;

  PlanRecycleWorker(
      RecyclePlanner planner,
      Notifications notifications,
      Clock clock,
      org.leadhandoff.lead.LeadStore leads) {
    this.leads = leads;
    this.planner = planner;
    this.notifications = notifications;
    this.clock = clock;
  }

  @JobWorker(type = Jobs.PLAN_RECYCLE)
  public RecycleResult plan(
      ActivatedJob job,
      @Variable(optional = false) UUID leadId,
      @Variable QualificationOutcome qualificationOutcome,
      @Variable SalesDecision salesDecision,
      @Variable String rejectionReason,
      @Variable String rejectionNotes,
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
    // Marketing gets the lead back with what the rep wrote, not only the reason's code.
    Why why = plan.why().with("note", rejectionNotes);
    // Marketing's view of what came back shows when it returns.
    leads.revisitOn(leadId, plan.revisitAt());
    // Once per passage: a retried job finds the mail recorded under the same occasion.
    notifications.recycled(
        "recycled:" + leadId + ":" + job.getElementInstanceKey(), leadId, why, plan.revisitAt());
    return new RecycleResult(plan.waitFor().toString(), plan.code().name(), why.facts());
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
