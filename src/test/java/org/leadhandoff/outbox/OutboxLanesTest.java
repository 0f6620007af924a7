package org.leadhandoff.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.intake.Channel;
import org.leadhandoff.intake.LeadCaptureService;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.support.Contacts;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Speed to lead: a person's lead never waits behind an import. The engine's backlog is made by hand
 * (imported leads the lane counts as published and not scored, late), so the test does not depend
 * on how fast this machine's engine is; how the lane's window moves: {@link BulkPaceTest}.
 */
@EmbeddedEngineTest
class OutboxLanesTest {

  @Autowired LeadCaptureService capture;
  @Autowired LeadStore leads;
  @Autowired LeadFixtures fixtures;
  @Autowired ProcessTestSupport process;
  @Autowired JdbcClient jdbc;
  @Autowired OutboxProperties properties;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired java.time.Clock clock;

  private long unsent(List<UUID> ids) {
    return jdbc.sql("select count(*) from outbox where lead_id in (:ids) and sent_at is null")
        .param("ids", ids)
        .query(Long.class)
        .single();
  }

  @Test
  @DisplayName(
      "while the engine is behind with an import, a form's lead goes straight through and the import waits; when the engine catches up the import goes on")
  void personBeforeList() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    List<UUID> inEngine = new ArrayList<>();
    // Published a moment ago and not scored: late enough that the lane's window has shrunk to one,
    // young enough (under ten targets) that they still steer it while the test runs.
    java.time.Instant sent =
        clock.instant().minus(properties.bulkTarget().multipliedBy(3).dividedBy(2));
    for (int i = 0; i < properties.bulkInFlight(); i++) {
      UUID id =
          leads
              .create(Contacts.contact("busy." + tag + "." + i + "@list.example").build(), "test")
              .id();
      dispatcher.pace().published(id, sent);
      inEngine.add(id);
    }
    List<UUID> waiting = new ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) {
        waiting.add(
            capture
                .capture(
                    Contacts.contact("list." + tag + "." + i + "@list.example").build(),
                    "csv-import:test",
                    Channel.LIST)
                .leadId());
      }

      UUID person = fixtures.gradeA();

      process.awaitWaitingAt(process.lifecycleOf(person), "Gateway_AwaitEngagement");
      assertThat(unsent(waiting)).as("the import's leads wait").isEqualTo(100);

      // The engine has scored the leads it had: the import's next leads go.
      jdbc.sql("update lead set stage = 'IN_PROFILE' where id in (:ids)")
          .param("ids", inEngine)
          .update();
      await().atMost(ProcessTestSupport.WAIT).until(() -> unsent(waiting) < 100);
    } finally {
      // What is still waiting would start lifecycles during later tests: it goes.
      jdbc.sql("delete from outbox where lead_id in (:ids) and sent_at is null")
          .param("ids", waiting.isEmpty() ? List.of(UUID.randomUUID()) : waiting)
          .update();
      jdbc.sql("update lead set stage = 'IN_PROFILE' where id in (:ids)")
          .param("ids", inEngine)
          .update();
    }
  }
}
