package org.leadhandoff.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages for the engine leave the outbox.
 *
 * @param pollInterval how often the dispatcher looks for due messages
 * @param maxPerSecond the most messages published per second: a large import starts its leads at
 *     this rate instead of flooding the engine
 * @param maxBackoff the longest wait between attempts while the engine is unreachable
 */
@ConfigurationProperties("lead-handoff.outbox")
public record OutboxProperties(
    @DefaultValue("PT0.1S") Duration pollInterval,
    @DefaultValue("200") int maxPerSecond,
    @DefaultValue("PT1M") Duration maxBackoff) {

  /** Messages per dispatch round, so that the rate holds. */
  int batchSize() {
    return Math.max(1, (int) Math.ceil(maxPerSecond * (pollInterval.toMillis() / 1000.0)));
  }
}
