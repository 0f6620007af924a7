package org.leadhandoff.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.process.LeadProcess.Messages;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A message the engine already has counts as sent. Found by the import benchmark: publishes that
 * timed out in the client had reached the engine, and their retries were refused as ALREADY_EXISTS
 * and retried again, forever.
 */
@EmbeddedEngineTest
class OutboxDispatcherTest {

  @Autowired Outbox outbox;
  @Autowired LeadStore leads;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.transaction.support.TransactionTemplate transaction;

  @Test
  @DisplayName("a message the engine already has is marked sent, not retried")
  void alreadyPublishedIsSent() {
    UUID leadId =
        leads
            .create(LeadContact.ofEmail(LeadFixtures.unique("twice", "bigco.example")), "test")
            .id();
    String messageId = "engaged:" + leadId + ":e1";
    // The first publish reached the engine; the client never heard back.
    client
        .newPublishMessageCommand()
        .messageName(Messages.LEAD_ENGAGED)
        .correlationKey(leadId.toString())
        .messageId(messageId)
        .timeToLive(Duration.ofHours(1))
        .send()
        .join();

    // (The outbox is written in the transaction of the change it reports.)
    transaction.executeWithoutResult(
        tx -> outbox.add(MessageKind.LEAD_ENGAGED.name(), leadId, messageId, Map.of()));

    await()
        .until(
            () ->
                jdbc.sql("select sent_at is not null from outbox where message_id = ?")
                    .param(messageId)
                    .query(Boolean.class)
                    .single());
    // Sent at the first attempt, without an error.
    assertThat(
            jdbc.sql("select attempts, last_error from outbox where message_id = ?")
                .param(messageId)
                .query((rs, n) -> rs.getInt(1) + ":" + rs.getString(2))
                .single())
        .isEqualTo("1:null");
  }

  @Test
  @DisplayName("ALREADY_EXISTS is recognised however the client wraps it")
  void wrappings() {
    var grpc = Status.ALREADY_EXISTS.withDescription("already published").asRuntimeException();
    assertThat(OutboxDispatcher.alreadyPublished(grpc)).isTrue();
    assertThat(OutboxDispatcher.alreadyPublished(new ExecutionException(grpc))).isTrue();
    assertThat(
            OutboxDispatcher.alreadyPublished(
                new CompletionException(new RuntimeException("wrapped", grpc))))
        .isTrue();
    assertThat(
            OutboxDispatcher.alreadyPublished(
                new ExecutionException(Status.UNAVAILABLE.asRuntimeException())))
        .isFalse();
  }

  @Autowired OutboxProperties properties;
  @Autowired java.time.Clock clock;

  @Test
  @DisplayName(
      "dispatchers of several instances on one outbox (two more beside the application's own)"
          + " publish each message once")
  void instancesPublishEachMessageOnce() throws Exception {
    UUID leadId =
        leads
            .create(LeadContact.ofEmail(LeadFixtures.unique("cluster", "bigco.example")), "test")
            .id();
    int messages = 80;
    transaction.executeWithoutResult(
        tx -> {
          for (int i = 0; i < messages; i++) {
            outbox.add(
                MessageKind.LEAD_ENGAGED.name(), leadId, "engaged:" + leadId + ":c" + i, Map.of());
          }
        });
    java.util.List<OutboxDispatcher> instances =
        java.util.List.of(
            new OutboxDispatcher(outbox, client, properties, clock),
            new OutboxDispatcher(outbox, client, properties, clock));
    org.leadhandoff.support.Together.untilDone(
        instances.stream().map(i -> (Runnable) i::dispatch).toList(), () -> unsent(leadId) == 0);
    // Each publish counts an attempt: a message two dispatchers published has two.
    assertThat(
            jdbc.sql("select attempts from outbox where lead_id = ?")
                .param(leadId)
                .query(Integer.class)
                .list())
        .hasSize(messages)
        .containsOnly(1);
  }

  private long unsent(UUID leadId) {
    return jdbc.sql("select count(*) from outbox where lead_id = ? and sent_at is null")
        .param(leadId)
        .query(Long.class)
        .single();
  }
}
