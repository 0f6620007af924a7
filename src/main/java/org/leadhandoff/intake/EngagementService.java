package org.leadhandoff.intake;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.leadhandoff.lead.EngagementEventStore;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadNotFoundException;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lifecycle.LifecycleMessages;
import org.leadhandoff.scoring.EngagementScoring;
import org.leadhandoff.scoring.Keys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records engagement events and tells the lead's lifecycle to score again. An event id seen before
 * is ignored. An event for an email that is not a lead yet is kept and counts once the person is
 * captured (a visit often comes before the form).
 */
@Service
public class EngagementService {

  /** What became of an event. */
  public enum Recorded {
    RECORDED,
    DUPLICATE,
    PENDING_CAPTURE
  }

  private final LeadStore store;
  private final EngagementEventStore events;
  private final EngagementScoring scoring;
  private final LifecycleMessages messages;

  EngagementService(
      LeadStore store,
      EngagementEventStore events,
      EngagementScoring scoring,
      LifecycleMessages messages) {
    this.store = store;
    this.events = events;
    this.scoring = scoring;
    this.messages = messages;
  }

  /**
   * @param eventId the sender's id of the event; the same id again is ignored
   * @throws UnknownEventTypeException when the criteria do not know the event type
   * @throws LeadNotFoundException when there is no such lead
   */
  @Transactional
  public Recorded record(
      UUID leadId, String eventId, String type, Instant occurredAt, String detail) {
    String key = knownType(type);
    if (!events.add(leadId, eventId, key, occurredAt, detail)) {
      return Recorded.DUPLICATE;
    }
    messages.leadEngaged(leadId, eventId);
    return Recorded.RECORDED;
  }

  /** The same, for a sender that knows the person's email but not the lead id. */
  @Transactional
  public Recorded recordByEmail(
      String email, String eventId, String type, Instant occurredAt, String detail) {
    String key = knownType(type);
    Optional<Lead> lead = store.findByEmail(email);
    if (lead.isPresent()) {
      return record(lead.get().id(), eventId, key, occurredAt, detail);
    }
    return events.addPending(email, eventId, key, occurredAt, detail)
        ? Recorded.PENDING_CAPTURE
        : Recorded.DUPLICATE;
  }

  private String knownType(String type) {
    if (!scoring.knows(type)) {
      throw new UnknownEventTypeException(type, scoring.eventTypes());
    }
    return Keys.normalise(type);
  }
}
