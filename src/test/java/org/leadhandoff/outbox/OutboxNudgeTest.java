package org.leadhandoff.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A hot lead's message goes to the engine when its transaction commits. The scheduled rounds are an
 * hour apart here, the first an hour after the start, so only the commit can have sent it.
 */
@EmbeddedEngineTest
// Its own store: the other test contexts kept alive in this JVM send what they find in theirs.
@TestPropertySource(
    properties = {
      "lead-handoff.outbox.poll-interval=PT1H",
      "spring.datasource.url=jdbc:h2:mem:outbox-nudge;DB_CLOSE_DELAY=-1"
    })
class OutboxNudgeTest {

  @Autowired Outbox outbox;
  @Autowired LeadStore leads;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.transaction.support.TransactionTemplate transaction;

  private boolean sent(String messageId) {
    return jdbc.sql("select sent_at is not null from outbox where message_id = ?")
        .param(messageId)
        .query(Boolean.class)
        .single();
  }

  @Test
  @DisplayName(
      "a real-time message is sent as its transaction commits, a bulk one waits for its round")
  void realtimeOnCommit() {
    UUID hot =
        leads.create(LeadContact.ofEmail(LeadFixtures.unique("hot", "bigco.example")), "test").id();
    UUID listed =
        leads
            .create(LeadContact.ofEmail(LeadFixtures.unique("listed", "bigco.example")), "test")
            .id();
    String bulk = "engaged:" + listed + ":bulk";
    String realtime = "engaged:" + hot + ":now";
    transaction.executeWithoutResult(
        tx -> outbox.add(MessageKind.LEAD_ENGAGED.name(), listed, bulk, Map.of(), Lane.BULK));
    transaction.executeWithoutResult(
        tx -> outbox.add(MessageKind.LEAD_ENGAGED.name(), hot, realtime, Map.of()));

    await().atMost(Duration.ofSeconds(30)).until(() -> sent(realtime));
    assertThat(sent(bulk)).isFalse();
  }
}
