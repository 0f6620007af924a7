package org.leadhandoff.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Adds a duration of working time: only the hours a person works, on their working days, in their
 * time zone, count. "Four business hours" given at 16:00 on a Friday to someone who works 9 to 17
 * falls due at 12:00 on Monday.
 */
public final class BusinessTime {

  private BusinessTime() {}

  public static Instant add(Instant start, Duration amount, Rep rep) {
    if (rep == null || !rep.workFrom().isBefore(rep.workTo()) || rep.workDays().isEmpty()) {
      return start.plus(amount); // no day window to count in: calendar time
    }
    Instant at = start;
    Duration left = amount;
    for (int guard = 0; guard < 10_000 && left.compareTo(Duration.ZERO) > 0; guard++) {
      ZonedDateTime local = at.atZone(rep.timeZone());
      ZonedDateTime opens = local.toLocalDate().atTime(rep.workFrom()).atZone(rep.timeZone());
      ZonedDateTime closes =
          rep.untilMidnight()
              ? local.toLocalDate().plusDays(1).atStartOfDay(rep.timeZone())
              : local.toLocalDate().atTime(rep.workTo()).atZone(rep.timeZone());
      if (!rep.workDays().contains(local.getDayOfWeek()) || !local.isBefore(closes)) {
        at =
            local
                .toLocalDate()
                .plusDays(1)
                .atTime(rep.workFrom())
                .atZone(rep.timeZone())
                .toInstant();
        continue;
      }
      if (local.isBefore(opens)) {
        at = opens.toInstant();
        continue;
      }
      Duration today = Duration.between(local, closes);
      if (left.compareTo(today) <= 0) {
        return at.plus(left);
      }
      left = left.minus(today);
      at = closes.toInstant();
    }
    return at;
  }
}
