package org.leadhandoff.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngagementScoringTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final Duration HALF_LIFE = Duration.ofDays(10);

  private final EngagementScoring scoring = new EngagementScoring(TestCriteria.load());

  @ParameterizedTest(name = "after {0} half-lives an event counts {1}")
  @DisplayName("decay halves an event's weight every half-life")
  @CsvSource({"0, 1.0", "1, 0.5", "2, 0.25", "10, 0.0009765625"})
  void decayHalvesPerHalfLife(int halfLives, double factor) {
    assertThat(scoring.decay(NOW.minus(HALF_LIFE.multipliedBy(halfLives)), NOW))
        .isCloseTo(factor, within(1e-9));
  }

  @Test
  @DisplayName("an event dated in the future counts fully, not more")
  void futureEventCountsFully() {
    assertThat(scoring.decay(NOW.plusSeconds(3600), NOW)).isEqualTo(1.0);
  }

  @Test
  @DisplayName("no events: zero points, not an MQL")
  void noEvents() {
    EngagementScore score = scoring.score(List.of(), NOW);

    assertThat(score.points()).isZero();
    assertThat(score.mql()).isFalse();
    assertThat(score.explanation()).isEmpty();
  }

  @Test
  @DisplayName("fresh engagement at the threshold makes an MQL, explained per event type")
  void engagedToMql() {
    EngagementScore score =
        scoring.score(
            List.of(
                event("pricing-page", 0),
                event("PRICING_PAGE", 0),
                event("webinar-attended", 0),
                event("page-visit", 0),
                event("page-visit", 0),
                event("page-visit", 0),
                event("page-visit", 0),
                event("page-visit", 0)),
            NOW);

    assertThat(score.points()).isEqualTo(20 + 15 + 10);
    assertThat(score.mql()).isFalse();
    EngagementScore more =
        scoring.score(
            List.of(
                event("pricing-page", 0),
                event("pricing-page", 0),
                event("webinar-attended", 0),
                event("webinar-attended", 0)),
            NOW);
    assertThat(more.points()).isEqualTo(50);
    assertThat(more.mql()).isTrue();
    assertThat(more.explanation())
        .usingRecursiveFieldByFieldElementComparatorIgnoringFields("code", "facts")
        .containsExactly(
            new ScoreLine(
                "engagement.events.pricing-page", 20, "pricing-page: 2 events, capped at 20"),
            new ScoreLine(
                "engagement.events.webinar-attended",
                30,
                "webinar-attended: 2 events, capped at 30"));
  }

  @Test
  @DisplayName("a cap per event type keeps one noisy visitor from buying MQL")
  void capStopsNoisyVisitor() {
    List<EngagementEvent> visits = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      visits.add(event("page-visit", 0));
    }

    EngagementScore score = scoring.score(visits, NOW);

    assertThat(score.points()).isEqualTo(10);
    assertThat(score.mql()).isFalse();
    assertThat(score.explanation())
        .containsExactly(
            new ScoreLine(
                    "engagement.events.page-visit", 10, "page-visit: 500 events, capped at 10")
                .said("EVENTS_CAPPED", "type", "page-visit", "count", 500, "cap", 10));
  }

  @Test
  @DisplayName("decay keeps a once-active lead below MQL")
  void decayedInterestFades() {
    List<EngagementEvent> old =
        List.of(
            event("pricing-page", 30),
            event("pricing-page", 30),
            event("webinar-attended", 30),
            event("webinar-attended", 30));

    EngagementScore score = scoring.score(old, NOW);

    // Three half-lives: each type is worth an eighth of its capped points (2.5 and 3.75).
    assertThat(score.points()).isEqualTo(3 + 4);
    assertThat(score.mql()).isFalse();
  }

  @Test
  @DisplayName("negative signals can make the total negative; their cap limits how far")
  void negativeTotals() {
    EngagementScore score =
        scoring.score(
            List.of(
                event("unsubscribe", 0),
                event("careers-page", 0),
                event("careers-page", 0),
                event("careers-page", 0),
                event("page-visit", 0)),
            NOW);

    assertThat(score.points()).isEqualTo(-25 - 20 + 2);
    assertThat(score.mql()).isFalse();
  }

  @Test
  @DisplayName("a hand-raise is MQL at once, whatever the points")
  void handRaiseFastTracks() {
    EngagementScore score =
        scoring.score(List.of(event("unsubscribe", 0), event("demo-request", 20)), NOW);

    assertThat(score.handRaise()).isTrue();
    assertThat(score.mql()).isTrue();
    assertThat(score.explanation())
        .extracting(ScoreLine::rule)
        .contains("engagement.events.demo-request.hand-raise");
  }

  @Test
  @DisplayName("an event type the criteria do not know counts nothing")
  void unknownEventType() {
    assertThat(scoring.knows("Pricing Page")).isTrue();
    assertThat(scoring.knows("tiktok-like")).isFalse();
    assertThat(scoring.score(List.of(event("tiktok-like", 0)), NOW).points()).isZero();
  }

  private static EngagementEvent event(String type, int daysAgo) {
    return new EngagementEvent(type, NOW.minus(Duration.ofDays(daysAgo)));
  }
}
