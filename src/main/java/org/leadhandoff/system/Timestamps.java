package org.leadhandoff.system;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The lead store keeps times as UTC {@code timestamp with time zone}; these convert both ways. */
public final class Timestamps {

  private Timestamps() {}

  /** The clock's now, for a statement parameter: every store's "now" comes from here. */
  public static OffsetDateTime now(Clock clock) {
    return utc(clock.instant());
  }

  /** For a statement parameter; null stays null. */
  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** From a column; null stays null. */
  public static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
