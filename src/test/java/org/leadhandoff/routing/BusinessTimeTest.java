package org.leadhandoff.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessTimeTest {

  /** Works Monday to Friday, 09:00 to 17:00, in New York. */
  private static final Rep NEW_YORK =
      new Rep(
          "dan",
          "Dan",
          "dan@example.com",
          Role.SALES_REP,
          List.of("*"),
          List.of("*"),
          10,
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(9, 0),
          LocalTime.of(17, 0),
          ZoneId.of("America/New_York"),
          null,
          null,
          true);

  @ParameterizedTest(name = "{0}")
  @DisplayName("only the owner's working hours count, in their time zone")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          within the same day               | 2026-11-24T15:00:00Z | PT4H  | 2026-11-24T19:00:00Z
          runs over the evening to the morning | 2026-11-24T20:00:00Z | PT4H  | 2026-11-25T16:00:00Z
          Friday afternoon to Monday        | 2026-11-27T20:00:00Z | PT4H  | 2026-11-30T16:00:00Z
          given before opening              | 2026-11-24T10:00:00Z | PT1H  | 2026-11-24T15:00:00Z
          24 working hours from a Sunday    | 2026-11-22T12:00:00Z | P1D   | 2026-11-25T22:00:00Z
          """)
  void addsWorkingTime(String name, Instant start, Duration amount, Instant due) {
    assertThat(BusinessTime.add(start, amount, NEW_YORK)).isEqualTo(due);
  }

  @ParameterizedTest(name = "without an owner it is calendar time")
  @CsvSource("2026-11-22T12:00:00Z, PT4H, 2026-11-22T16:00:00Z")
  void noOwner(Instant start, Duration amount, Instant due) {
    assertThat(BusinessTime.add(start, amount, null)).isEqualTo(due);
  }

  /** Works every day from 08:00 to the end of the day, in Berlin ("23:59" in the roster). */
  private static final Rep LATE =
      new Rep(
          "lena",
          "Lena",
          "lena@example.com",
          Role.QUALIFIER,
          List.of("*"),
          List.of("*"),
          10,
          EnumSet.allOf(DayOfWeek.class),
          LocalTime.of(8, 0),
          LocalTime.of(23, 59),
          ZoneId.of("Europe/Berlin"),
          null,
          null,
          true);

  @org.junit.jupiter.api.Test
  @DisplayName(
      "a working day to 23:59 runs to midnight: the last minute is worked, and time counts on"
          + " through it")
  void workToTheEndOfTheDay() {
    // 23:59:30 in Berlin (UTC+1 in December).
    Instant lastMinute = Instant.parse("2026-12-03T22:59:30Z");
    assertThat(LATE.working(lastMinute)).isTrue();
    assertThat(LATE.working(Instant.parse("2026-12-03T23:00:00Z"))).as("midnight").isFalse();
    assertThat(BusinessTime.add(Instant.parse("2026-12-03T22:30:00Z"), Duration.ofHours(1), LATE))
        .as("30 minutes tonight, 30 from 08:00 tomorrow")
        .isEqualTo(Instant.parse("2026-12-04T07:30:00Z"));
  }
}
