package org.leadhandoff.privacy;

import java.time.Instant;
import java.util.UUID;
import org.leadhandoff.lead.ActivityKind;
import org.leadhandoff.lead.LeadActivities;
import org.leadhandoff.lead.LeadErased;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lifecycle.LifecycleMessages;
import org.leadhandoff.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An erasure request (GDPR art. 17), in one transaction: the lead store forgets the person, news
 * for the engine that was not sent yet is dropped (a lifecycle not started never starts), the
 * running lifecycle is told to end, open tasks and assignments end, and no mail about the lead goes
 * out any more. The engine never held contact data, so nothing there needs scrubbing.
 */
@Service
public class ErasureService {

  private static final Logger log = LoggerFactory.getLogger(ErasureService.class);

  /** What happened: erased now, or it had been erased before (a repeated request is harmless). */
  public record Erasure(UUID leadId, boolean erasedNow, Instant erasedAt) {}

  private final LeadStore leads;
  private final Outbox outbox;
  private final LifecycleMessages messages;
  private final LeadActivities activities;
  private final ApplicationEventPublisher events;

  ErasureService(
      LeadStore leads,
      Outbox outbox,
      LifecycleMessages messages,
      LeadActivities activities,
      ApplicationEventPublisher events) {
    this.leads = leads;
    this.outbox = outbox;
    this.messages = messages;
    this.activities = activities;
    this.events = events;
  }

  /**
   * @throws org.leadhandoff.lead.LeadNotFoundException when there is no such lead
   */
  @Transactional
  public Erasure erase(UUID leadId, String reason, String requestedBy) {
    boolean erasedNow = leads.erase(leadId, reason);
    Instant erasedAt = leads.find(leadId).orElseThrow().erasedAt();
    if (!erasedNow) {
      return new Erasure(leadId, false, erasedAt);
    }
    outbox.dropUnsent(leadId);
    messages.erased(leadId);
    events.publishEvent(new LeadErased(leadId));
    activities.record(
        leadId, ActivityKind.ERASED, null, requestedBy, null, reason, null, "erased:" + leadId);
    log.info("Lead {} erased on request by {}", leadId, requestedBy);
    return new Erasure(leadId, true, erasedAt);
  }
}
