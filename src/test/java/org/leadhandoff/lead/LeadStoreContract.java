package org.leadhandoff.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.scoring.EngagementEvent;
import org.leadhandoff.scoring.FitScore;
import org.leadhandoff.scoring.Grade;
import org.leadhandoff.scoring.ScoreLine;
import org.leadhandoff.support.Contacts;
import org.leadhandoff.system.ClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;

/** What the lead store guarantees, run against each database the product supports. */
@JdbcTest
// The application's one JSON mapper, as the stores get it in the running app.
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({LeadStore.class, EngagementEventStore.class, ClockConfiguration.class})
abstract class LeadStoreContract {

  @Autowired LeadStore store;
  @Autowired EngagementEventStore events;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  @DisplayName("a captured lead is stored in stage NAME with its capture in the history")
  void createStoresLeadInStageName() {
    Lead lead =
        store.create(
            Contacts.contact(" Ada@Example.COM ")
                .name("Ada", "Lovelace")
                .phone("+44 20 1234")
                .company("Analytical Engines", 120)
                .industry("Software")
                .title("CTO")
                .country("GB")
                .source("web-form")
                .attributes(Map.of("existing-customer", "true"))
                .build(),
            "intake-api");

    assertThat(lead.emailKey()).isEqualTo("ada@example.com");
    assertThat(lead.email()).isEqualTo("Ada@Example.COM");
    assertThat(lead.stage()).isEqualTo(Stage.NAME);
    assertThat(lead.contact().company()).isEqualTo("Analytical Engines");
    assertThat(lead.contact().companySize()).isEqualTo(120);
    assertThat(lead.contact().attributes()).containsEntry("existing-customer", "true");
    assertThat(lead.engagementSince()).as("every event counts until a reset").isNull();
    assertThat(store.findByEmail("ADA@example.com")).contains(lead);
    assertThat(store.history(lead.id()))
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.fromStage()).isNull();
              assertThat(change.toStage()).isEqualTo(Stage.NAME);
              assertThat(change.reason()).isEqualTo("captured from web-form");
              assertThat(change.changedBy()).isEqualTo("intake-api");
            });
  }

  @Test
  @DisplayName("the same email in another case cannot become a second lead")
  void sameEmailTwiceIsRefused() {
    store.create(LeadContact.ofEmail("grace@example.com"), "test");

    assertThatThrownBy(() -> store.create(LeadContact.ofEmail("GRACE@example.com"), "test"))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  @DisplayName(
      "a stage change moves the lead and is appended to its history, from the stage before")
  void changeStageAppendsHistory() {
    Lead lead = store.create(LeadContact.ofEmail("alan@example.com"), "test");

    assertThat(store.changeStage(lead.id(), Stage.SAL, null, "lead-lifecycle/Event_Sal", "k1"))
        .isTrue();
    assertThat(store.changeStage(lead.id(), Stage.DISQUALIFIED, "SPAM", "qualifier", "k2"))
        .isTrue();

    assertThat(store.find(lead.id()).orElseThrow().stage()).isEqualTo(Stage.DISQUALIFIED);
    assertThat(store.history(lead.id()))
        .extracting(StageChange::fromStage, StageChange::toStage, StageChange::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(null, Stage.NAME, "captured"),
            org.assertj.core.groups.Tuple.tuple(Stage.NAME, Stage.SAL, null),
            org.assertj.core.groups.Tuple.tuple(Stage.SAL, Stage.DISQUALIFIED, "SPAM"));
    // Each stay ends when the next begins, for that stage (time in stage and conversion for the
    // reports); the last is open.
    var changedAt = store.history(lead.id()).stream().map(StageChange::changedAt).toList();
    var leftAt =
        jdbc.sql("select left_at from lead_stage_change where lead_id = ? order by id")
            .param(lead.id())
            .query(
                (rs, n) ->
                    org.leadhandoff.system.Timestamps.instant(
                        rs.getObject(1, java.time.OffsetDateTime.class)))
            .list();
    assertThat(leftAt).containsExactly(changedAt.get(1), changedAt.get(2), null);
    assertThat(
            jdbc.sql("select next_stage from lead_stage_change where lead_id = ? order by id")
                .param(lead.id())
                .query(String.class)
                .list())
        .containsExactly("SAL", "DISQUALIFIED", null);
  }

  @Test
  @DisplayName("a retried stage change with the same key is recorded once")
  void retriedStageChangeIsRecordedOnce() {
    Lead lead = store.create(LeadContact.ofEmail("retry@example.com"), "test");

    assertThat(store.changeStage(lead.id(), Stage.SAL, null, "worker", "element-instance:42"))
        .isTrue();
    assertThat(store.changeStage(lead.id(), Stage.SAL, null, "worker", "element-instance:42"))
        .isFalse();

    assertThat(store.history(lead.id())).hasSize(2);
  }

  @Test
  @DisplayName("a stage change for an unknown lead fails and writes nothing")
  void unknownLeadIsRefused() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> store.changeStage(unknown, Stage.SAL, null, "worker", "k"))
        .isInstanceOf(LeadNotFoundException.class)
        .hasMessage("Lead " + unknown + " is not in the lead store");
    assertThat(store.history(unknown)).isEmpty();
  }

  @Test
  @DisplayName("the same lead captured with new data: given fields replace, missing ones stay")
  void profileUpdateMerges() {
    Lead lead =
        store.create(
            Contacts.contact("kim@co.example")
                .name("Kim", null)
                .company("Co", 10)
                .country("GB")
                .source("web-form")
                .attributes(Map.of("a", "1"))
                .build(),
            "test");

    Lead updated =
        store.updateProfile(
            lead.id(),
            Contacts.contact("kim@co.example")
                .name(null, "Lee")
                .company(null, 500)
                .industry("Software")
                .title("CTO")
                .source("trade-show")
                .attributes(Map.of("b", "2"))
                .build());

    assertThat(updated.contact().firstName()).isEqualTo("Kim");
    assertThat(updated.contact().lastName()).isEqualTo("Lee");
    assertThat(updated.contact().companySize()).isEqualTo(500);
    assertThat(updated.contact().country()).isEqualTo("GB");
    assertThat(updated.contact().title()).isEqualTo("CTO");
    assertThat(updated.contact().source()).as("the first source is kept").isEqualTo("web-form");
    assertThat(updated.contact().attributes()).containsEntry("a", "1").containsEntry("b", "2");
  }

  @Test
  @DisplayName("a score is stored with its explanation and criteria version, once per key")
  void fitScoreStoredOnce() {
    Lead lead = store.create(LeadContact.ofEmail("score@example.com"), "test");
    FitScore score =
        new FitScore(
            72, Grade.A, true, List.of(new ScoreLine("fit.industries", 20, "industry software")));

    assertThat(
            store.recordFit(
                lead.id(), score, "2026-Q4", "lead-lifecycle/Task_ScoreFit", "score-fit:1"))
        .isTrue();
    assertThat(
            store.recordFit(
                lead.id(), score, "2026-Q4", "lead-lifecycle/Task_ScoreFit", "score-fit:1"))
        .isFalse();

    assertThat(store.scores(lead.id()))
        .singleElement()
        .satisfies(
            stored -> {
              assertThat(stored.kind()).isEqualTo(ScoreKind.FIT);
              assertThat(stored.points()).isEqualTo(72);
              assertThat(stored.result()).isEqualTo("A");
              assertThat(stored.explanation())
                  .containsExactly(new ScoreLine("fit.industries", 20, "industry software"));
              assertThat(stored.criteriaVersion()).isEqualTo("2026-Q4");
            });
    Lead current = store.find(lead.id()).orElseThrow();
    assertThat(current.fitPoints()).isEqualTo(72);
    assertThat(current.fitGrade()).isEqualTo(Grade.A);
    assertThat(current.inProfile()).isTrue();
  }

  @Test
  @DisplayName(
      "an engagement event id seen before is ignored; a reset makes earlier events stop counting")
  void engagementEventsAndReset() throws InterruptedException {
    Lead lead = store.create(LeadContact.ofEmail("events@example.com"), "test");
    Instant then = Instant.now().minus(1, ChronoUnit.DAYS);

    assertThat(events.add(lead.id(), "e1", "pricing-page", then, null)).isTrue();
    assertThat(events.add(lead.id(), "e1", "pricing-page", then, null)).isFalse();
    assertThat(events.add(lead.id(), "e2", "demo-request", then, "from the web")).isTrue();
    assertThat(events.counting(lead.id()))
        .extracting(EngagementEvent::type)
        .containsExactly("pricing-page", "demo-request");

    assertThat(store.resetEngagement(lead.id(), "lead-lifecycle/Task_ResetEngagement", "reset:1"))
        .isTrue();
    assertThat(store.resetEngagement(lead.id(), "lead-lifecycle/Task_ResetEngagement", "reset:1"))
        .isFalse();
    events.add(lead.id(), "e3", "page-visit", Instant.now().plusSeconds(1), null);

    assertThat(events.counting(lead.id()))
        .extracting(EngagementEvent::type)
        .containsExactly("page-visit");
    assertThat(store.find(lead.id()).orElseThrow().engagementPoints()).isZero();
  }

  @Test
  @DisplayName("a stage change into the stage the lead is in is no change")
  void sameStageIsNoChange() {
    Lead lead = store.create(LeadContact.ofEmail("same@example.com"), "test");

    assertThat(store.changeStage(lead.id(), Stage.NAME, null, "worker", "k-same")).isFalse();
    assertThat(store.history(lead.id())).hasSize(1);
  }
}
