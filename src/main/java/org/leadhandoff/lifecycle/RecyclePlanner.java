package org.leadhandoff.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.leadhandoff.process.Outcomes.QualificationOutcome;
import org.leadhandoff.process.Outcomes.SalesDecision;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Why;
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
   * @param reason why, in English words
   * @param why the same as a code and its facts, for each reader's language
   * @param code why, as the reports' code
   * @param revisitAt when it comes back
   */
  public record RecyclePlan(
      Duration waitFor, String reason, Why why, RecycleReason code, Instant revisitAt) {}

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
    if (decision == SalesDecision.REJECT) {
      return plan(
          recycleFor,
          Why.of("REJECTED_BY_SALES", "reason", rejectionReason),
          RecycleReason.REJECTED_BY_SALES,
          now);
    }
    if (outcome == QualificationOutcome.NO_ANSWER) {
      return plan(
          recycleFor, Why.of("NO_ANSWER", "count", callAttempts), RecycleReason.NO_ANSWER, now);
    }
    if (outcome == QualificationOutcome.NOT_NOW && revisitDate != null) {
      Instant revisitAt = revisitDate.atTime(REVISIT_HOUR_UTC, 0).toInstant(ZoneOffset.UTC);
      Duration wait = Duration.between(now, revisitAt);
      if (wait.compareTo(MINIMUM_WAIT) < 0) {
        wait = MINIMUM_WAIT;
      }
      return plan(
          wait, Why.of("NOT_NOW", "revisitOn", revisitDate.toString()), RecycleReason.NOT_NOW, now);
    }
    return plan(recycleFor, Why.of("NOT_NOW"), RecycleReason.NOT_NOW, now);
  }

  private RecyclePlan plan(Duration wait, Why why, RecycleReason code, Instant now) {
    return new RecyclePlan(wait, catalogue.explain(Locale.ENGLISH, why), why, code, now.plus(wait));
  }
}
