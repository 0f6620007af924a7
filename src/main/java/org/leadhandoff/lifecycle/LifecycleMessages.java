package org.leadhandoff.lifecycle;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Messages;
import org.leadhandoff.process.LeadProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * Tells a lead's running lifecycle that something happened to the lead. Messages are keyed by the
 * lead id and carry no contact data; their message id makes a re-sent message harmless.
 */
@Component
public class LifecycleMessages {

  /**
   * How long a message waits for a lead that is busy (being scored) to start listening. A lead in
   * qualification does not listen; for it the news is in the lead store when it next scores.
   */
  static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

  private final CamundaClient client;

  LifecycleMessages(CamundaClient client) {
    this.client = client;
  }

  public void leadEngaged(UUID leadId, String eventId) {
    publish(Messages.LEAD_ENGAGED, leadId, "engaged:" + leadId + ":" + eventId, Map.of());
  }

  public void profileUpdated(UUID leadId, String updateId) {
    publish(Messages.LEAD_PROFILE_UPDATED, leadId, "profile:" + leadId + ":" + updateId, Map.of());
  }

  /** Ends the lead's lifecycle as DISQUALIFIED, wherever it is. */
  public void disqualified(UUID leadId, String reason) {
    publish(
        Messages.LEAD_DISQUALIFIED,
        leadId,
        "disqualified:" + leadId,
        Map.of(Variables.DISQUALIFICATION_REASON, reason));
  }

  private void publish(
      String message, UUID leadId, String messageId, Map<String, Object> variables) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(leadId.toString())
        .messageId(messageId)
        .timeToLive(TIME_TO_LIVE)
        .variables(variables)
        .send()
        .join();
  }
}
