package org.leadhandoff.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.leadhandoff.process.Outcomes.QualificationOutcome;
import org.leadhandoff.process.Outcomes.SalesDecision;
import org.leadhandoff.system.MessageCatalogue;
import org.springframework.stereotype.Service;

/** Decides when a recycled lead comes back, and records why it was recycled. */
@Service
public class RecyclePlanner {

  /** Where a revisit date falls in the day (UTC): the start of the working day. */
  static final int REVISIT_HOUR_UTC = 8;

  /** A revisit date that has passed brings the lead back almost at once. */
  static final Duration MINIMUM_WAIT = Duration.ofMinutes(1);

  /** Why a lead is recycled, as the reports count it. */
  public enum RecycleReason {
    NOT_NOW,
    NO_ANSWER,
    REJECTED_BY_SALES
  }

  /**
   * @param waitFor how long the lead stays recycled
   * @param reason why, in words, for the stage history
   * @param code why, as a code
   * @param revisitAt when it comes back
   */
  public record RecyclePlan(
      Duration waitFor, String reason, RecycleReason code, Instant revisitAt) {}

  private final Duration recycleFor;
  private final MessageCatalogue catalogue;

  RecyclePlanner(LifecycleSettings settings, MessageCatalogue catalogue) {
    this.recycleFor = settings.recycleFor();
    this.catalogue = catalogue;
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
    RecycleReason code;
    if (decision == SalesDecision.REJECT) {
      reason =
          "rejected by sales: "
              + (rejectionReason == null
                  ? "no reason given"
                  // The form's code in words ("no budget"): marketing reads this in the mail.
                  : catalogue.code(Locale.ENGLISH, "reason", rejectionReason));
      code = RecycleReason.REJECTED_BY_SALES;
    } else if (outcome == QualificationOutcome.NO_ANSWER) {
      reason = "no answer after " + callAttempts + " call attempts";
      code = RecycleReason.NO_ANSWER;
    } else if (outcome == QualificationOutcome.NOT_NOW && revisitDate != null) {
      Instant revisitAt = revisitDate.atTime(REVISIT_HOUR_UTC, 0).toInstant(ZoneOffset.UTC);
      Duration wait = Duration.between(now, revisitAt);
      if (wait.compareTo(MINIMUM_WAIT) < 0) {
        wait = MINIMUM_WAIT;
      }
      return new RecyclePlan(
          wait, "not now: revisit on " + revisitDate, RecycleReason.NOT_NOW, now.plus(wait));
    } else {
      reason = "not now";
      code = RecycleReason.NOT_NOW;
    }
    return new RecyclePlan(recycleFor, reason, code, now.plus(recycleFor));
  }
}
