package org.leadhandoff.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.system.ClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;

/** What the lead store guarantees, run against each database the product supports. */
@JdbcTest
@Import({LeadStore.class, ClockConfiguration.class})
abstract class LeadStoreContract {

  @Autowired LeadStore store;

  @Test
  @DisplayName("a captured lead is stored in stage NAME with its capture in the history")
  void createStoresLeadInStageName() {
    Lead lead =
        store.create(
            new LeadContact(
                " Ada@Example.COM ",
                "Ada",
                "Lovelace",
                "+44 20 1234",
                "Analytical Engines",
                "CTO",
                "GB",
                "web-form"),
            "intake-api");

    assertThat(lead.emailKey()).isEqualTo("ada@example.com");
    assertThat(lead.email()).isEqualTo("Ada@Example.COM");
    assertThat(lead.stage()).isEqualTo(Stage.NAME);
    assertThat(lead.company()).isEqualTo("Analytical Engines");
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
}
