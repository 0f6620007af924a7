package org.leadhandoff.system;

import java.time.Duration;

/** Waits between retries: one second, doubling with each attempt, up to a ceiling. */
public final class Backoff {

  private Backoff() {}

  public static Duration after(int attempts, Duration max) {
    Duration backoff = Duration.ofSeconds(1L << Math.min(attempts, 16));
    return backoff.compareTo(max) > 0 ? max : backoff;
  }
}
