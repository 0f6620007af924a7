package org.leadhandoff.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bulk lane's window, round by round, on explicit instants. */
class BulkPaceTest {

  private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
  private static final Duration TARGET = Duration.ofSeconds(1);

  private final BulkPace pace =
      new BulkPace(
          4, 50, TARGET, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofMillis(50));

  private List<UUID> publish(int count, Instant at) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UUID id = UUID.randomUUID();
      pace.published(id, at);
      ids.add(id);
    }
    return ids;
  }

  @Test
  @DisplayName(
      "while the engine scores imported leads within the target, the window grows by one a round")
  void growsWhileInTime() {
    Instant now = T0;
    assertThat(pace.allowed(now)).isEqualTo(4);
    publish(4, now);
    for (int round = 0; round < 20; round++) {
      now = now.plusMillis(100);
      pace.landed(pace.waiting()); // scored within the round
      publish(pace.allowed(now), now);
    }
    assertThat(pace.window()).isEqualTo(24);
    assertThat(pace.inFlight()).isEqualTo(24);
  }

  @Test
  @DisplayName(
      "when the oldest lead in the engine is late, the window halves, at most once per target")
  void halvesWhenLate() {
    Instant now = T0;
    for (int round = 0; round < 30; round++) {
      publish(pace.allowed(now), now);
      pace.landed(pace.waiting());
    }
    int allowed = pace.allowed(now);
    int grown = pace.window();
    publish(allowed, now);
    now = now.plusMillis(1_500);

    assertThat(pace.allowed(now)).isZero();
    assertThat(pace.window()).isEqualTo(grown / 2);
    assertThat(pace.allowed(now.plusMillis(100))).isZero();
    assertThat(pace.window()).as("not again within the target").isEqualTo(grown / 2);
    pace.allowed(now.plusMillis(1_100));
    assertThat(pace.window()).isEqualTo(grown / 4);
  }

  @Test
  @DisplayName(
      "while the engine answers late (a queue a person's lead would wait behind), the window stops"
          + " growing although every lead is scored in time; past four times the answer target it"
          + " shrinks by a quarter, at most once per target")
  void holdsWhileTheEngineQueues() {
    Instant now = T0;
    for (int round = 0; round < 16; round++) {
      now = now.plusMillis(100);
      pace.landed(pace.waiting());
      pace.answered(Duration.ofMillis(10));
      publish(pace.allowed(now), now);
    }
    int grown = pace.window();
    assertThat(grown).isEqualTo(19);
    for (int round = 0; round < 5; round++) {
      now = now.plusMillis(100);
      pace.landed(pace.waiting());
      pace.answered(Duration.ofMillis(120));
      publish(pace.allowed(now), now);
    }
    assertThat(pace.window()).as("held at a queue of 120 ms").isEqualTo(grown);

    now = now.plusMillis(100);
    pace.landed(pace.waiting());
    pace.answered(Duration.ofMillis(20));
    pace.answered(Duration.ofMillis(300));
    publish(pace.allowed(now), now);
    assertThat(pace.window()).as("the slowest answer since the last round counts").isEqualTo(14);
    now = now.plusMillis(100);
    pace.landed(pace.waiting());
    pace.answered(Duration.ofMillis(300));
    publish(pace.allowed(now), now);
    assertThat(pace.window()).as("not again within the target").isEqualTo(14);

    now = now.plusMillis(100);
    pace.landed(pace.waiting());
    publish(pace.allowed(now), now);
    assertThat(pace.window()).as("no answer since: grows again").isEqualTo(15);
  }

  @Test
  @DisplayName("while a person's lead is on its way, one imported lead at a time")
  void personFirst() {
    for (int round = 0; round < 10; round++) {
      publish(pace.allowed(T0), T0);
      pace.landed(pace.waiting());
    }
    pace.realtimePublished(T0);
    assertThat(pace.allowed(T0.plusMillis(100))).isEqualTo(1);
    publish(1, T0.plusMillis(100));
    assertThat(pace.allowed(T0.plusMillis(200))).isZero();
    pace.landed(pace.waiting());
    assertThat(pace.allowed(T0.plusMillis(900))).isEqualTo(1);
    assertThat(pace.allowed(T0.plusMillis(1_100)))
        .as("the person's lead has had its second")
        .isGreaterThan(1);
  }

  @Test
  @DisplayName(
      "a steady trickle of real-time messages (a page visit every 200 ms) holds the list to one at"
          + " a time for half of the time, not all of it")
  void trickleDoesNotStarveTheList() {
    Instant now = T0;
    for (int round = 0; round < 30; round++) {
      now = now.plusMillis(100);
      pace.landed(pace.waiting());
      publish(pace.allowed(now), now);
    }
    int grown = pace.window();
    int held = 0;
    int rounds = 100;
    for (int round = 0; round < rounds; round++) {
      now = now.plusMillis(100);
      if (round % 2 == 0) {
        pace.realtimePublished(now);
      }
      pace.landed(pace.waiting());
      int allowed = pace.allowed(now);
      if (allowed <= 1) {
        held++;
      }
      publish(allowed, now);
    }
    assertThat(held).as("rounds at one at a time").isBetween(rounds / 2 - 5, rounds / 2 + 5);
    assertThat(pace.window()).as("the window itself is not cut by the quiet").isGreaterThan(grown);
  }

  @Test
  @DisplayName(
      "a lead stuck in an incident stops steering the window after ten targets and is forgotten"
          + " after the bulk window")
  void stuckLeadDoesNotStopTheList() {
    publish(1, T0);
    pace.allowed(T0.plusSeconds(2));
    assertThat(pace.window()).isEqualTo(2);
    // Past ten targets the stuck lead no longer counts as a slow engine: the window grows again.
    Instant later = T0.plusSeconds(11);
    for (int round = 0; round < 5; round++) {
      publish(pace.allowed(later), later);
      pace.landed(pace.waiting().subList(1, pace.waiting().size()));
      later = later.plusMillis(100);
    }
    assertThat(pace.window()).isGreaterThan(2);
    assertThat(pace.inFlight()).isEqualTo(1);
    pace.allowed(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
    assertThat(pace.inFlight()).isZero();
  }
}
