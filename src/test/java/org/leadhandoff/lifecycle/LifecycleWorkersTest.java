package org.leadhandoff.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.EngagementEventStore;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.ScoreKind;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.process.LeadProcess.Headers;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.process.Outcomes.EngagementOutcome;
import org.leadhandoff.process.Outcomes.FitOutcome;
import org.leadhandoff.scoring.Classifier;
import org.leadhandoff.scoring.EngagementScoring;
import org.leadhandoff.scoring.FitScoring;
import org.leadhandoff.scoring.Grade;
import org.leadhandoff.scoring.ScoringCriteria;
import org.leadhandoff.scoring.TestCriteria;
import org.leadhandoff.support.Contacts;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.TestJobs;
import org.leadhandoff.system.ClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The scoring and milestone workers without an engine: a job's variables go in, the worker's answer
 * (what the gateways read) comes out, and the lead store holds what it recorded, once even when the
 * engine delivers the same job twice. The shipped criteria.yaml decides.
 */
@JdbcTest
// The application's one JSON mapper, as the stores get it in the running app.
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({
  ScoreFitWorker.class,
  ScoreEngagementWorker.class,
  RecordStageWorker.class,
  LeadScoringService.class,
  StageService.class,
  FitScoring.class,
  EngagementScoring.class,
  Classifier.class,
  LeadStore.class,
  EngagementEventStore.class,
  org.leadhandoff.metrics.LeadMetrics.class,
  io.micrometer.core.instrument.simple.SimpleMeterRegistry.class,
  ClockConfiguration.class,
  org.leadhandoff.system.MessageCatalogue.class,
  LifecycleWorkersTest.ShippedCriteria.class
})
class LifecycleWorkersTest {

  @TestConfiguration
  static class ShippedCriteria {
    @Bean
    ScoringCriteria criteria() {
      return TestCriteria.load("criteria.yaml");
    }

    @Bean
    LifecycleSettings lifecycleSettings() {
      return TestCriteria.lifecycle("criteria.yaml");
    }
  }

  @Autowired ScoreFitWorker scoreFit;
  @Autowired ScoreEngagementWorker scoreEngagement;
  @Autowired RecordStageWorker recordStage;
  @Autowired LeadStore store;
  @Autowired EngagementEventStore events;
  @Autowired ScoringCriteria criteria;
  @Autowired LifecycleSettings lifecycle;
  @Autowired Clock clock;

  private UUID gradeALead() {
    return store
        .create(LeadFixtures.gradeAProfile(LeadFixtures.unique("ada", "bigco.example")), "test")
        .id();
  }

  private static ActivatedJob job(String type, String elementId) {
    return TestJobs.job(type, Processes.LEAD_LIFECYCLE, elementId, Map.of());
  }

  @Test
  @DisplayName(
      "score-fit answers IN_PROFILE with the grade and the reason for a grade-A lead, and a"
          + " redelivered job records one fit score")
  void scoreFitInProfile() {
    UUID leadId = gradeALead();
    ActivatedJob job = job(Jobs.SCORE_FIT, "Task_ScoreFit");

    ScoreFitWorker.FitResult first = scoreFit.scoreFit(job, leadId);
    ScoreFitWorker.FitResult again = scoreFit.scoreFit(job, leadId);

    assertThat(first.fitOutcome()).isEqualTo(FitOutcome.IN_PROFILE);
    assertThat(first.fitGrade()).isEqualTo(Grade.A);
    assertThat(first.fitFacts())
        .containsEntry("points", 90)
        .containsEntry("grade", "A")
        .containsEntry("criteria", "2026-Q4");
    assertThat(first.outOfProfileCloseAfter())
        .isEqualTo(lifecycle.outOfProfileCloseAfter().toString());
    assertThat(again).isEqualTo(first);
    assertThat(store.scores(leadId))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.kind()).isEqualTo(ScoreKind.FIT);
              assertThat(s.points()).isEqualTo(90);
              assertThat(s.scoredBy()).isEqualTo("lead-lifecycle/Task_ScoreFit");
            });
  }

  @Test
  @DisplayName("score-fit answers OUT_OF_PROFILE for a one-person company with a free email")
  void scoreFitOutOfProfile() {
    UUID leadId =
        store
            .create(
                Contacts.contact(LeadFixtures.unique("solo", "gmail.com"))
                    .name("Sol", "O")
                    .company("Solo", 1)
                    .industry("Education")
                    .title("Student")
                    .country("GB")
                    .source("web-form")
                    .build(),
                "test")
            .id();

    ScoreFitWorker.FitResult result =
        scoreFit.scoreFit(job(Jobs.SCORE_FIT, "Task_ScoreFit"), leadId);

    assertThat(result.fitOutcome()).isEqualTo(FitOutcome.OUT_OF_PROFILE);
    assertThat(result.fitGrade()).isEqualTo(Grade.D);
  }

  @Test
  @DisplayName(
      "score-engagement answers NOT_YET without events and MQL after a demo request (a hand-raise)")
  void scoreEngagement() {
    UUID leadId = gradeALead();

    ScoreEngagementWorker.EngagementResult quiet =
        scoreEngagement.scoreEngagement(job(Jobs.SCORE_ENGAGEMENT, "Task_ScoreEngagement"), leadId);
    events.add(leadId, "evt-1", "demo-request", clock.instant(), null);
    ScoreEngagementWorker.EngagementResult raised =
        scoreEngagement.scoreEngagement(job(Jobs.SCORE_ENGAGEMENT, "Task_ScoreEngagement"), leadId);

    assertThat(quiet.engagementOutcome()).isEqualTo(EngagementOutcome.NOT_YET);
    assertThat(quiet.engagementRescoreIn())
        .isEqualTo(criteria.engagement().rescoreEvery().toString());
    assertThat(raised.engagementOutcome()).isEqualTo(EngagementOutcome.MQL);
    assertThat(raised.engagementReasonCode()).isEqualTo("ENGAGEMENT_HAND_RAISE");
    assertThat(quiet.engagementReasonCode()).isEqualTo("ENGAGEMENT_SCORED");
    assertThat(raised.engagementFacts()).containsKeys("points", "mqlAt", "criteria");
    assertThat(store.scores(leadId)).filteredOn(s -> s.kind() == ScoreKind.ENGAGEMENT).hasSize(2);
  }

  @Test
  @DisplayName(
      "record-stage writes the stage its header names, with the milestone and the reason, once"
          + " per element instance")
  void recordStageOncePerPassage() {
    UUID leadId = gradeALead();
    ActivatedJob job =
        TestJobs.job(
            Jobs.RECORD_STAGE,
            Processes.LEAD_LIFECYCLE,
            "Event_InProfile",
            Map.of(Headers.STAGE, "IN_PROFILE"));

    Map<String, Object> facts = Map.of("points", 90, "grade", "A", "criteria", "2026-Q4");
    recordStage.recordStage(job, leadId, "FIT_SCORED", facts);
    recordStage.recordStage(job, leadId, "FIT_SCORED", facts);

    assertThat(store.find(leadId).orElseThrow().stage()).isEqualTo(Stage.IN_PROFILE);
    assertThat(store.history(leadId))
        .filteredOn(c -> c.toStage() == Stage.IN_PROFILE)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.fromStage()).isEqualTo(Stage.NAME);
              assertThat(c.reason())
                  .isEqualTo("fit 90 points, grade A (high fit) (criteria 2026-Q4)");
              assertThat(c.reasonCode()).isEqualTo("FIT_SCORED");
              assertThat(c.reasonFacts()).contains("\"points\":90");
              assertThat(c.changedBy()).isEqualTo("lead-lifecycle/Event_InProfile");
            });
  }

  @Test
  @DisplayName(
      "a milestone without a stage header, or with an unknown one, fails with the element named")
  void recordStageNeedsAKnownHeader() {
    UUID leadId = gradeALead();

    assertThatThrownBy(
            () ->
                recordStage.recordStage(
                    TestJobs.job(
                        Jobs.RECORD_STAGE, Processes.LEAD_LIFECYCLE, "Event_Mql", Map.of()),
                    leadId,
                    null,
                    null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Milestone Event_Mql has no 'stage' header; add one in the model");
    assertThatThrownBy(
            () ->
                recordStage.recordStage(
                    TestJobs.job(
                        Jobs.RECORD_STAGE,
                        Processes.LEAD_LIFECYCLE,
                        "Event_Mql",
                        Map.of(Headers.STAGE, "HOT")),
                    leadId,
                    null,
                    null))
        .hasMessage("Milestone Event_Mql names an unknown stage 'HOT'");
    assertThat(store.find(leadId).orElseThrow().stage()).isEqualTo(Stage.NAME);
  }
}
