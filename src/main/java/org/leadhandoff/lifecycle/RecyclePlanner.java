package org.leadhandoff.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.leadhandoff.process.Outcomes.QualificationOutcome;
import org.leadhandoff.process.Outcomes.SalesDecision;
import org.leadhandoff.scoring.ScoringCriteria;
import org.springframework.stereotype.Service;

/** Decides when a recycled lead comes back, and records why it was recycled. */
@Service
public class RecyclePlanner {

  /** Where a revisit date falls in the day (UTC): the start of the working day. */
  static final int REVISIT_HOUR_UTC = 8;

  /** A revisit date that has passed brings the lead back almost at once. */
  static final Duration MINIMUM_WAIT = Duration.ofMinutes(1);

  /**
   * @param waitFor how long the lead stays recycled
   * @param reason why, in words, for the stage history
   * @param revisitAt when it comes back
   */
  public record RecyclePlan(Duration waitFor, String reason, Instant revisitAt) {}

  private final Duration recycleFor;

  RecyclePlanner(ScoringCriteria criteria) {
    this.recycleFor = criteria.lifecycle().recycleFor();
  }

  /**
   * @param revisitDate the qualifier's date for NOT_NOW, if any
   * @param callAttempts attempts made, for NO_ANSWER
   */
  public RecyclePlan plan(
      QualificationOutcome outcome,
      SalesDecision decision,
      String rejectionReason,
      LocalDate revisitDate,
      int callAttempts,
      Instant now) {
    String reason;
    if (decision == SalesDecision.REJECT) {
      reason =
          "rejected by sales: " + (rejectionReason == null ? "no reason given" : rejectionReason);
    } else if (outcome == QualificationOutcome.NO_ANSWER) {
      reason = "no answer after " + callAttempts + " call attempts";
    } else if (outcome == QualificationOutcome.NOT_NOW && revisitDate != null) {
      Instant revisitAt = revisitDate.atTime(REVISIT_HOUR_UTC, 0).toInstant(ZoneOffset.UTC);
      Duration wait = Duration.between(now, revisitAt);
      if (wait.compareTo(MINIMUM_WAIT) < 0) {
        wait = MINIMUM_WAIT;
      }
      return new RecyclePlan(wait, "not now: revisit on " + revisitDate, now.plus(wait));
    } else {
      reason = "not now";
    }
    return new RecyclePlan(recycleFor, reason, now.plus(recycleFor));
  }
}
