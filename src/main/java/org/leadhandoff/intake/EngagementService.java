package org.leadhandoff.intake;

import java.time.Instant;
import java.util.UUID;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lifecycle.LifecycleMessages;
import org.leadhandoff.scoring.EngagementScoring;
import org.leadhandoff.scoring.Keys;
import org.springframework.stereotype.Service;

/** Records engagement events of known leads and tells their lifecycle to score again. */
@Service
public class EngagementService {

  private final LeadStore store;
  private final EngagementScoring scoring;
  private final LifecycleMessages messages;

  EngagementService(LeadStore store, EngagementScoring scoring, LifecycleMessages messages) {
    this.store = store;
    this.scoring = scoring;
    this.messages = messages;
  }

  /**
   * @param eventId the sender's id of the event; the same id again is ignored
   * @return true if the event was new
   * @throws IllegalArgumentException when the criteria do not know the event type
   */
  public boolean record(
      UUID leadId, String eventId, String type, Instant occurredAt, String detail) {
    if (!scoring.knows(type)) {
      throw new IllegalArgumentException(
          "type '" + type + "' is not an engagement event type of the criteria");
    }
    boolean added =
        store.addEngagementEvent(leadId, eventId, Keys.normalise(type), occurredAt, detail);
    if (added) {
      messages.leadEngaged(leadId, eventId);
    }
    return added;
  }
}
