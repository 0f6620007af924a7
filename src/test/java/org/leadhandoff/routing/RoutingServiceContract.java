package org.leadhandoff.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.support.Contacts;
import org.leadhandoff.system.ClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Routing against a real database: the roster, the cursor, and routings at the same time. */
@JdbcTest
// The application's one JSON mapper, as the stores get it in the running app.
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({
  RoutingService.class,
  RosterStore.class,
  DueDates.class,
  LeadStore.class,
  org.leadhandoff.lead.LeadActivities.class,
  org.leadhandoff.metrics.LeadMetrics.class,
  io.micrometer.core.instrument.simple.SimpleMeterRegistry.class,
  ClockConfiguration.class,
  org.leadhandoff.notification.Notifications.class,
  org.leadhandoff.system.ReaderLanguages.class,
  org.leadhandoff.notification.MailOutbox.class,
  org.leadhandoff.notification.MailTemplates.class,
  org.leadhandoff.system.MessageCatalogue.class,
  RoutingServiceContract.Criteria.class
})
@org.springframework.boot.context.properties.EnableConfigurationProperties({
  org.leadhandoff.system.PublicUrl.class,
  org.leadhandoff.notification.MailProperties.class
})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class RoutingServiceContract {

  /** The fixed test criteria (segments, SLAs). */
  @org.springframework.boot.test.context.TestConfiguration
  static class Criteria {
    @org.springframework.context.annotation.Bean
    org.leadhandoff.scoring.ScoringCriteria criteria() {
      return org.leadhandoff.scoring.TestCriteria.load();
    }

    @org.springframework.context.annotation.Bean
    SlaSettings sla() {
      return org.leadhandoff.scoring.TestCriteria.sla();
    }
  }

  @Autowired RoutingService routing;
  @Autowired RosterStore roster;
  @Autowired LeadStore leads;
  @Autowired JdbcClient jdbc;

  private String prefix;
  private String country;

  private String rep(String name, int capacity) {
    String id = prefix + name;
    roster.addIfMissing(
        new Rep(
            id,
            name,
            name + "@example.com",
            Role.QUALIFIER,
            List.of(country),
            List.of("*"),
            capacity,
            EnumSet.allOf(DayOfWeek.class),
            LocalTime.MIN,
            LocalTime.of(23, 59),
            ZoneId.of("UTC"),
            null,
            null,
            true));
    return id;
  }

  /** A lead in SAL from a country only this test's reps cover (each test has its own). */
  private UUID leadInQualification() {
    UUID id =
        leads
            .create(
                Contacts.contact(UUID.randomUUID() + "@routing.example").country(country).build(),
                "test")
            .id();
    leads.changeStage(id, Stage.SAL, null, "test", null);
    return id;
  }

  @Test
  @DisplayName("two routings at the same time never put more leads on a rep than their capacity")
  void concurrentRoutingsRespectCapacity() throws Exception {
    prefix = "c" + UUID.randomUUID().toString().substring(0, 6) + "-";
    country = "XA";
    jdbc.sql("update routing_cursor set last_rep = '', turn_now = 0 where team_key = 'QUALIFIER'")
        .update();
    jdbc.sql("delete from routing_turn where rotation = 'QUALIFIER'").update();
    String a = rep("a", 2);
    String b = rep("b", 2);
    List<UUID> leadIds = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      leadIds.add(leadInQualification());
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<RoutingService.Routed>> results = new ArrayList<>();
    for (UUID leadId : leadIds) {
      Callable<RoutingService.Routed> task =
          () -> {
            start.await();
            return routing.route(leadId, Role.QUALIFIER, false, null, "test:" + leadId);
          };
      results.add(pool.submit(task));
    }
    start.countDown();
    List<String> assignees = new ArrayList<>();
    for (Future<RoutingService.Routed> result : results) {
      assignees.add(result.get().assignee());
    }
    pool.shutdown();

    assertThat(assignees).filteredOn(a::equals).hasSize(2);
    assertThat(assignees).filteredOn(b::equals).hasSize(2);
    assertThat(assignees).filteredOn(x -> x == null).hasSize(2);
    assertThat(roster.history(leadIds.getFirst()))
        .singleElement()
        .satisfies(d -> assertThat(d.candidates()).contains(a, b));
  }

  @Test
  @DisplayName("a retried routing returns the first decision; a reroute goes to someone else")
  void retryAndReroute() {
    prefix = "r" + UUID.randomUUID().toString().substring(0, 6) + "-";
    country = "XB";
    jdbc.sql("update routing_cursor set last_rep = '', turn_now = 0 where team_key = 'QUALIFIER'")
        .update();
    jdbc.sql("delete from routing_turn where rotation = 'QUALIFIER'").update();
    String a = rep("a", 5);
    String b = rep("b", 5);
    UUID lead = leadInQualification();

    String first = routing.route(lead, Role.QUALIFIER, false, null, "route:1").assignee();
    assertThat(routing.route(lead, Role.QUALIFIER, false, null, "route:1").assignee())
        .isEqualTo(first);
    String second = routing.route(lead, Role.QUALIFIER, true, null, "route:2").assignee();

    assertThat(List.of(first, second)).containsExactlyInAnyOrder(a, b);
    assertThat(routing.route(lead, Role.QUALIFIER, true, null, "route:3").outcome())
        .isEqualTo(RoutingService.Routed.NOBODY_AVAILABLE);
    assertThat(roster.history(lead)).hasSize(3);
    assertThat(
            jdbc.sql(
                    "select count(*) from mail_outbox where lead_id = ? and occasion like 'assignment:%'")
                .param(lead)
                .query(Long.class)
                .single())
        .as("one assignment mail per routing, none for the retry")
        .isEqualTo(2);
  }
}
