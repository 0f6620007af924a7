package org.leadhandoff.outbox;

import java.time.Duration;
import org.leadhandoff.process.LeadProcess.Messages;

/**
 * The messages the outbox publishes, all correlated by the lead id.
 *
 * <p>Time to live: how long a message waits for a lead that is busy (being scored) to start
 * listening. A lead in qualification does not listen; for it the news is in the lead store when it
 * next scores.
 */
public enum MessageKind {
  LEAD_CAPTURED(Messages.LEAD_CAPTURED, Duration.ofMinutes(10)),
  LEAD_ENGAGED(Messages.LEAD_ENGAGED, Duration.ofMinutes(10)),
  LEAD_PROFILE_UPDATED(Messages.LEAD_PROFILE_UPDATED, Duration.ofMinutes(10)),
  LEAD_DISQUALIFIED(Messages.LEAD_DISQUALIFIED, Duration.ofHours(1)),
  LEAD_ERASED(Messages.LEAD_ERASED, Duration.ofHours(1));

  private final String messageName;
  private final Duration timeToLive;

  MessageKind(String messageName, Duration timeToLive) {
    this.messageName = messageName;
    this.timeToLive = timeToLive;
  }

  public String messageName() {
    return messageName;
  }

  public Duration timeToLive() {
    return timeToLive;
  }
}
