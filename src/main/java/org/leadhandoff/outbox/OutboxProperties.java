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
 * @param bulkInFlight how many imported leads an instance lets into the engine at once to begin
 *     with; the window then grows while the engine scores them within {@code bulkTarget} and halves
 *     when it does not ({@link BulkPace})
 * @param bulkMaxInFlight the most imported leads an instance lets into the engine at once
 * @param bulkTarget how soon the engine should score an imported lead: the queue a form's lead
 *     finds in the engine during an import is about this long
 * @param realtimeQuiet how long after a real-time message (a form, an event) the bulk lane lets one
 *     imported lead at a time into the engine, so that the person's lead goes first
 * @param bulkAnswerTarget how soon the engine should answer a bulk round's first publish: a later
 *     answer means a queue in the engine that a person's lead would wait behind, and the window
 *     stops growing (shrinks past four times this)
 * @param bulkWindow how long a published imported lead counts as in flight at most
 * @param claimFor how long an instance holds the messages it is publishing: the others leave them
 *     alone meanwhile, and take them up when an instance that died with them held them this long
 */
@ConfigurationProperties("lead-handoff.outbox")
public record OutboxProperties(
    @DefaultValue("PT0.1S") Duration pollInterval,
    @DefaultValue("200") int maxPerSecond,
    @DefaultValue("PT1M") Duration maxBackoff,
    @DefaultValue("4") int bulkInFlight,
    @DefaultValue("200") int bulkMaxInFlight,
    @DefaultValue("PT1S") Duration bulkTarget,
    @DefaultValue("PT1S") Duration realtimeQuiet,
    @DefaultValue("PT0.05S") Duration bulkAnswerTarget,
    @DefaultValue("PT5M") Duration bulkWindow,
    @DefaultValue("PT1M") Duration claimFor) {

  /** Messages per dispatch round, so that the rate holds. */
  int batchSize() {
    return Math.max(1, (int) Math.ceil(maxPerSecond * (pollInterval.toMillis() / 1000.0)));
  }
}
