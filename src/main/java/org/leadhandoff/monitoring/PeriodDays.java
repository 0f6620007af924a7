package org.leadhandoff.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How a report reads a period [from, to) from its figures: the whole days (UTC) [firstDay, endDay),
 * of which the whole months [monthsFrom, monthsTo) come from the monthly figures and the days
 * around them from the daily ones; the part days at either end from the rows themselves.
 */
record PeriodDays(LocalDate firstDay, LocalDate endDay, LocalDate monthsFrom, LocalDate monthsTo) {

  static PeriodDays of(Instant from, Instant to) {
    LocalDate firstDay = day(from.minusNanos(1)).plusDays(1);
    LocalDate endDay = day(to);
    LocalDate monthsFrom =
        firstDay.getDayOfMonth() == 1 ? firstDay : firstDay.withDayOfMonth(1).plusMonths(1);
    LocalDate monthsTo = endDay.withDayOfMonth(1);
    if (!monthsFrom.isBefore(monthsTo)) {
      // No whole month: the days alone, up to the end.
      monthsFrom = endDay;
      monthsTo = endDay;
    }
    return new PeriodDays(firstDay, endDay, monthsFrom, monthsTo);
  }

  static LocalDate day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** Whether the period holds a whole day at all. */
  boolean hasWholeDays() {
    return firstDay.isBefore(endDay);
  }

  Instant start() {
    return firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  Instant end() {
    return endDay.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
