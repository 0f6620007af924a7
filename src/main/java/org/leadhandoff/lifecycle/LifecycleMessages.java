package org.leadhandoff.lifecycle;

import java.util.Map;
import java.util.UUID;
import org.leadhandoff.outbox.Lane;
import org.leadhandoff.outbox.MessageKind;
import org.leadhandoff.outbox.Outbox;
import org.leadhandoff.process.LeadProcess.Variables;
import org.leadhandoff.system.PublicUrl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a lead's lifecycle that something happened to the lead, through the outbox: in the same
 * transaction as the change in the lead store. Messages are keyed by the lead id, carry no contact
 * data, and have ids that make a repeated message harmless.
 */
@Component
public class LifecycleMessages {

  private final Outbox outbox;
  private final PublicUrl urls;

  LifecycleMessages(Outbox outbox, PublicUrl urls) {
    this.outbox = outbox;
    this.urls = urls;
  }

  @Transactional
  public void leadCaptured(UUID leadId) {
    leadCaptured(leadId, Lane.REALTIME);
  }

  /** The same, in the lane of the channel: an import's leads wait for the engine to keep up. */
  @Transactional
  public void leadCaptured(UUID leadId, Lane lane) {
    outbox.add(
        MessageKind.LEAD_CAPTURED.name(),
        leadId,
        "captured:" + leadId,
        // The link lets a form in Tasklist lead to the contact data, which the engine never holds.
        Map.of(Variables.LEAD_ID, leadId.toString(), Variables.LEAD_URL, urls.lead(leadId)),
        lane);
  }

  @Transactional
  public void leadEngaged(UUID leadId, String eventId) {
    outbox.add(
        MessageKind.LEAD_ENGAGED.name(), leadId, "engaged:" + leadId + ":" + eventId, Map.of());
  }

  @Transactional
  public void profileUpdated(UUID leadId, String updateId) {
    profileUpdated(leadId, updateId, Lane.REALTIME);
  }

  @Transactional
  public void profileUpdated(UUID leadId, String updateId, Lane lane) {
    outbox.add(
        MessageKind.LEAD_PROFILE_UPDATED.name(),
        leadId,
        "profile:" + leadId + ":" + updateId,
        Map.of(),
        lane);
  }

  /** Ends the lead's lifecycle wherever it is, after an erasure. */
  @Transactional
  public void erased(UUID leadId) {
    outbox.add(MessageKind.LEAD_ERASED.name(), leadId, "erased:" + leadId, Map.of());
  }

  /** Ends the lead's lifecycle as DISQUALIFIED, wherever it is. */
  @Transactional
  public void disqualified(UUID leadId, String reason) {
    outbox.add(
        MessageKind.LEAD_DISQUALIFIED.name(),
        leadId,
        "disqualified:" + leadId,
        Map.of(Variables.DISQUALIFICATION_REASON, reason));
  }
}
