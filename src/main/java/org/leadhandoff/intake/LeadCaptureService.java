package org.leadhandoff.intake;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.leadhandoff.lead.Emails;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.process.LeadProcess.Messages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Captures a person as a lead: one lead per normalised email in the store, and one lifecycle
 * started for it in the engine.
 */
@Service
public class LeadCaptureService {

  private final LeadStore store;
  private final CamundaClient client;

  LeadCaptureService(LeadStore store, CamundaClient client) {
    this.store = store;
    this.client = client;
  }

  public CaptureResult capture(LeadContact contact, String capturedBy) {
    String emailKey = Emails.normalise(contact.email());
    var existing = store.findByEmail(emailKey);
    if (existing.isPresent()) {
      return new CaptureResult(existing.get().id(), false);
    }
    Lead lead;
    try {
      lead = store.create(contact, capturedBy);
    } catch (DuplicateKeyException raceLost) {
      return new CaptureResult(store.findByEmail(emailKey).orElseThrow().id(), false);
    }
    startLifecycle(lead);
    return new CaptureResult(lead.id(), true);
  }

  private void startLifecycle(Lead lead) {
    // The message id makes a re-published capture of the same lead a no-op in the engine.
    client
        .newPublishMessageCommand()
        .messageName(Messages.LEAD_CAPTURED)
        .correlationKey(lead.emailKey())
        .messageId("captured:" + lead.id())
        .timeToLive(Duration.ofMinutes(10))
        .variables(new LeadCaptured(lead.id()))
        .send()
        .join();
  }
}
