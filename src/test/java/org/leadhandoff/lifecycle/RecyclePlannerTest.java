package org.leadhandoff.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.process.Outcomes.QualificationOutcome;
import org.leadhandoff.process.Outcomes.SalesDecision;

class RecyclePlannerTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final LifecycleSettings LIFECYCLE =
      new LifecycleSettings(Duration.ofDays(90), Duration.ofDays(60));

  private final RecyclePlanner planner =
      new RecyclePlanner(LIFECYCLE, new org.leadhandoff.system.MessageCatalogue());

  @Test
  @DisplayName("not now with a date: back at 08:00 UTC on that date")
  void notNowWithDate() {
    var plan =
        planner.plan(QualificationOutcome.NOT_NOW, null, null, LocalDate.of(2026, 12, 22), 0, NOW);

    assertThat(plan.revisitAt()).isEqualTo(Instant.parse("2026-12-22T08:00:00Z"));
    assertThat(plan.waitFor()).isEqualTo(Duration.ofDays(29).plusHours(20));
    assertThat(plan.reason()).isEqualTo("not now: revisit on Dec 22, 2026");
  }

  @Test
  @DisplayName("a revisit date in the past brings the lead back at once, not never")
  void pastDate() {
    var plan =
        planner.plan(QualificationOutcome.NOT_NOW, null, null, LocalDate.of(2026, 1, 1), 0, NOW);

    assertThat(plan.waitFor()).isEqualTo(RecyclePlanner.MINIMUM_WAIT);
  }

  @Test
  @DisplayName("no date, no answer, or rejected: back after recycle-for, with the reason")
  void defaultWait() {
    assertThat(planner.plan(QualificationOutcome.NOT_NOW, null, null, null, 0, NOW).waitFor())
        .isEqualTo(Duration.ofDays(60));
    assertThat(planner.plan(QualificationOutcome.NO_ANSWER, null, null, null, 3, NOW).reason())
        .isEqualTo("no answer after 3 call attempts");
    assertThat(
            planner
                .plan(
                    QualificationOutcome.QUALIFIED, SalesDecision.REJECT, "NO_BUDGET", null, 0, NOW)
                .reason())
        .isEqualTo("rejected by sales: no budget");
  }
}
