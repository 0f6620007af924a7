package org.leadhandoff.intake;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Optional;
import org.leadhandoff.lead.Emails;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lifecycle.LifecycleMessages;
import org.leadhandoff.process.LeadProcess.Messages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Captures a person as a lead: one lead per normalised email in the store, and one lifecycle for it
 * in the engine. The same person arriving again updates that lead's profile, and its lifecycle
 * scores the new data; it never starts a second lifecycle.
 */
@Service
public class LeadCaptureService {

  private final LeadStore store;
  private final CamundaClient client;
  private final LifecycleMessages messages;

  LeadCaptureService(LeadStore store, CamundaClient client, LifecycleMessages messages) {
    this.store = store;
    this.client = client;
    this.messages = messages;
  }

  public CaptureResult capture(LeadContact contact, String capturedBy) {
    String emailKey = Emails.normalise(contact.email());
    Optional<Lead> existing = store.findByEmail(emailKey);
    if (existing.isPresent()) {
      return merge(existing.get(), contact);
    }
    Lead lead;
    try {
      lead = store.create(contact, capturedBy);
    } catch (DuplicateKeyException raceLost) {
      return merge(store.findByEmail(emailKey).orElseThrow(), contact);
    }
    startLifecycle(lead);
    return new CaptureResult(lead.id(), true);
  }

  private CaptureResult merge(Lead lead, LeadContact contact) {
    Lead updated = store.updateProfile(lead.id(), contact);
    messages.profileUpdated(lead.id(), String.valueOf(updated.updatedAt().toEpochMilli()));
    return new CaptureResult(lead.id(), false);
  }

  private void startLifecycle(Lead lead) {
    // Keyed by the lead id, not the email, so the engine never holds an address; the message id
    // makes a re-published capture of the same lead a no-op.
    client
        .newPublishMessageCommand()
        .messageName(Messages.LEAD_CAPTURED)
        .correlationKey(lead.id().toString())
        .messageId("captured:" + lead.id())
        .timeToLive(Duration.ofMinutes(10))
        .variables(new LeadCaptured(lead.id()))
        .send()
        .join();
  }
}
