package org.leadhandoff.intake;

import java.util.List;
import java.util.Optional;
import org.leadhandoff.lead.Emails;
import org.leadhandoff.lead.EngagementEventStore;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lifecycle.LifecycleMessages;
import org.leadhandoff.metrics.LeadMetrics;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Captures a person as a lead: one lead per normalised email in the store, and one lifecycle for it
 * in the engine. The same person arriving again updates that lead's profile, and its lifecycle
 * scores the new data; it never starts a second lifecycle. The lead and the message that starts (or
 * informs) its lifecycle are written in one transaction; the outbox publishes the message.
 */
@Service
public class LeadCaptureService {

  private final LeadStore store;
  private final EngagementEventStore events;
  private final LifecycleMessages messages;
  private final TransactionTemplate transaction;
  private final LeadMetrics metrics;
  private final ValueAliases aliases;

  LeadCaptureService(
      LeadStore store,
      EngagementEventStore events,
      LifecycleMessages messages,
      TransactionTemplate transaction,
      LeadMetrics metrics,
      ValueAliases aliases) {
    this.store = store;
    this.events = events;
    this.aliases = aliases;
    this.messages = messages;
    this.transaction = transaction;
    this.metrics = metrics;
  }

  /** The contact with its source and industry named as the criteria name them, as it is stored. */
  public LeadContact named(LeadContact sent) {
    return sent.withTaxonomy(aliases.source(sent.source()), aliases.industry(sent.industry()));
  }

  /** Whether a capture of this email would merge into a stored lead rather than create one. */
  public boolean isKnown(String email) {
    return store.findByEmail(email).isPresent();
  }

  public CaptureResult capture(LeadContact sent, String capturedBy) {
    return capture(sent, capturedBy, Channel.PERSON);
  }

  /**
   * @param channel how the contact changes the lead when its email is a lead already, and which
   *     outbox lane its news waits in
   */
  public CaptureResult capture(LeadContact sent, String capturedBy, Channel channel) {
    LeadContact contact = named(sent);
    String emailKey = Emails.normalise(contact.email());
    CaptureResult result;
    try {
      result = transaction.execute(tx -> captureOrMerge(emailKey, contact, capturedBy, channel));
    } catch (DuplicateKeyException raceLost) {
      // Another request created the same person between our look-up and our insert.
      result = transaction.execute(tx -> captureOrMerge(emailKey, contact, capturedBy, channel));
    }
    metrics.captured(result.created());
    return result;
  }

  private CaptureResult captureOrMerge(
      String emailKey, LeadContact contact, String capturedBy, Channel channel) {
    LeadContact.Merge merge = channel.merge();
    Optional<Lead> existing = store.findByEmail(emailKey);
    if (existing.isPresent()) {
      List<String> kept =
          merge == LeadContact.Merge.FILL
              ? existing.get().contact().conflictsWith(contact)
              : List.of();
      Lead updated = store.updateProfile(existing.get().id(), contact, merge);
      messages.profileUpdated(
          updated.id(), String.valueOf(updated.updatedAt().toEpochMilli()), channel.lane());
      return new CaptureResult(updated.id(), false, kept);
    }
    Lead lead = store.create(contact, capturedBy);
    events.attachPending(lead.id());
    messages.leadCaptured(lead.id(), channel.lane());
    return new CaptureResult(lead.id(), true);
  }
}
