package org.leadhandoff.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.intake.EngagementService;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Marketing tools resend events and deliver them out of order. Two identical leads get the same
 * four events, one in order, the other backwards with every event sent twice: both end with the
 * same score, one MQL stage each, one qualification each.
 */
@EmbeddedEngineTest
class EventOrderTest {

  record Event(String id, String type, int minutesAgo) {}

  static final List<Event> EVENTS =
      List.of(
          new Event("e1", "pricing-page", 30),
          new Event("e2", "pricing-page", 20),
          new Event("e3", "webinar-attended", 10),
          new Event("e4", "webinar-attended", 0));

  @Autowired ProcessTestSupport process;
  @Autowired LeadFixtures leads;
  @Autowired EngagementService engagement;
  @Autowired LeadStore store;
  @Autowired JdbcClient jdbc;

  private UUID leadAwaitingEngagement() {
    UUID leadId = leads.gradeA();
    process.awaitWaitingAt(process.lifecycleOf(leadId), "Gateway_AwaitEngagement");
    return leadId;
  }

  private EngagementService.Recorded send(UUID leadId, Event event, Instant now) {
    return engagement.record(
        leadId, event.id(), event.type(), now.minus(Duration.ofMinutes(event.minutesAgo())), null);
  }

  @Test
  @DisplayName("events in order vs. backwards and each twice: the same score, one MQL, one task")
  void orderAndDuplicatesDoNotMatter() {
    Instant now = process.now();
    UUID inOrder = leadAwaitingEngagement();
    UUID shuffled = leadAwaitingEngagement();

    for (Event event : EVENTS) {
      assertThat(send(inOrder, event, now)).isEqualTo(EngagementService.Recorded.RECORDED);
    }
    for (Event event : EVENTS.reversed()) {
      assertThat(send(shuffled, event, now)).isEqualTo(EngagementService.Recorded.RECORDED);
      assertThat(send(shuffled, event, now)).isEqualTo(EngagementService.Recorded.DUPLICATE);
    }

    for (UUID leadId : List.of(inOrder, shuffled)) {
      process.awaitWaitingAt(
          process.instanceOf(Processes.PHONE_QUALIFICATION, leadId), "UserTask_QualifyByPhone");
    }
    await()
        .atMost(ProcessTestSupport.WAIT)
        .untilAsserted(
            () ->
                assertThat(store.find(shuffled).orElseThrow().engagementPoints())
                    .isEqualTo(store.find(inOrder).orElseThrow().engagementPoints()));
    for (UUID leadId : List.of(inOrder, shuffled)) {
      assertThat(leads.stages(leadId).stream().filter(s -> s == Stage.MQL)).hasSize(1);
      assertThat(process.instanceKeys(Processes.PHONE_QUALIFICATION, leadId)).hasSize(1);
      assertThat(
              jdbc.sql("select count(*) from engagement_event where lead_id = ?")
                  .param(leadId)
                  .query(Long.class)
                  .single())
          .isEqualTo(4);
    }
  }
}
