package org.leadhandoff.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: up to {@code burst} requests at once, refilled at the caller's rate.
 * Kept in memory: a restart forgives, and with several instances each counts its own share.
 */
public class RateLimiter {

  /** Whether a request may go ahead, and if not, when it may be tried again. */
  public record Decision(boolean allowed, Duration retryAfter) {}

  private static final class Bucket {
    double tokens;
    long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }
  }

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  public RateLimiter(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  public Decision acquire(String caller, int perMinute, int burst) {
    double perNano = perMinute / 60e9;
    long now = nanoTime.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(caller, c -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * perNano);
      bucket.refilledAt = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return new Decision(true, Duration.ZERO);
      }
      long wait = (long) Math.ceil((1 - bucket.tokens) / perNano);
      return new Decision(false, Duration.ofNanos(wait));
    }
  }
}
