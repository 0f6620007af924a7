package org.leadhandoff.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock: UTC wall time, plus however far the embedded engine's clock has been
 * moved forward (demos, acceptance runs, process tests), so that decay and due dates see the same
 * time as the engine's timers. On the platform the offset stays zero.
 */
public class ApplicationClock extends Clock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("The clock only moves forward");
    }
    offset.accumulateAndGet(by, Duration::plus);
  }

  public Duration offset() {
    return offset.get();
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The application clock is UTC");
  }
}
