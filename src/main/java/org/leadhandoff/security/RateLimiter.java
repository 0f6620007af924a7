package org.leadhandoff.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * A token bucket per caller: up to {@code burst} requests at once, refilled at the caller's rate.
 * The buckets are {@link RateBuckets}': shared by the instances of a cluster on PostgreSQL.
 */
@Component
public class RateLimiter {

  /** Whether a request may go ahead, and if not, when it may be tried again. */
  public record Decision(boolean allowed, Duration retryAfter) {}

  private final RateBuckets buckets;

  RateLimiter(RateBuckets buckets) {
    this.buckets = buckets;
  }

  public Decision acquire(String caller, int perMinute, int burst) {
    // The limits are part of the key: a key whose rate an admin changes starts a bucket of its own.
    ConsumptionProbe probe =
        buckets
            .of(
                "api:" + caller + ":" + perMinute + "/" + burst,
                () ->
                    BucketConfiguration.builder()
                        .addLimit(
                            Bandwidth.builder()
                                .capacity(burst)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .initialTokens(burst)
                                .build())
                        .build())
            .tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? new Decision(true, Duration.ZERO)
        : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }
}
