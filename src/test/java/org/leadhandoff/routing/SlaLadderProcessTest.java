package org.leadhandoff.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.routing.RosterStore.RoutingRecord;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.leadhandoff.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The follow-up SLAs, moved through by the engine clock: reminder, reroute, escalation, and the
 * rep's rejection that says "not me". Every owner is told once, and the routing history explains
 * every assignment.
 */
@EmbeddedEngineTest
class SlaLadderProcessTest {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(TestSmtp.setup()).withPerMethodLifecycle(true);

  @Autowired LeadFixtures leads;
  @Autowired ProcessTestSupport process;
  @Autowired RosterStore roster;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;

  @BeforeEach
  void assertions() {
    process.initAssertions();
  }

  private List<MimeMessage> mails(UUID leadId, String kind) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> occasion(m).startsWith(kind + ":" + leadId))
        .toList();
  }

  private static String occasion(MimeMessage m) {
    try {
      String[] header = m.getHeader("X-Lead-Handoff-Occasion");
      return header == null ? "" : header[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String to(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String email(String repId) {
    return roster.find(repId).orElseThrow().email();
  }

  private String name(String repId) {
    return roster.find(repId).orElseThrow().name();
  }

  @Test
  @DisplayName(
      "a qualifier who lets the first-touch SLA pass is reminded once, then loses the lead to the next available person; too many reroutes reach the manager")
  void reminderRerouteEscalation() {
    UUID leadId = process.hotLeadInQualification(leads);
    InspectedProcessInstance qualification =
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId);
    List<RoutingRecord> first = roster.history(leadId);
    assertThat(first).hasSize(1);
    String owner = first.getFirst().chosenRep();
    assertThat(owner).as("someone took the lead").isNotNull();
    await().until(() -> mails(leadId, "assignment").size() == 1);

    // Three quarters of the four hours: a reminder, once, to the owner.
    process.advance(Duration.ofHours(3).plusMinutes(5));
    process.awaitPassed(qualification, "Task_RemindOwner", 1);
    await().until(() -> mails(leadId, "reminder").size() == 1);
    assertThat(to(mails(leadId, "reminder").getFirst())).isEqualTo(email(owner));
    assertThat(
            process.count(
                qualification, "Event_SlaMissed", ProcessInstanceIntent.ELEMENT_COMPLETED))
        .isZero();

    // The deadline: the lead goes to the next available person, never back to the owner.
    process.advance(Duration.ofHours(1));
    process.awaitPassed(qualification, "Task_PlanReroute", 1);
    await().until(() -> roster.history(leadId).size() == 2);
    RoutingRecord second = roster.history(leadId).get(1);
    assertThat(second.chosenRep()).isNotEqualTo(owner);
    // The former owner's task leaves the inbox as soon as the rerouted one is there.
    await()
        .until(
            () ->
                jdbc.sql("select count(*) from user_task where lead_id = ?")
                        .param(leadId)
                        .query(Long.class)
                        .single()
                    >= 2);
    assertThat(
            jdbc.sql("select count(*) from user_task where lead_id = ? and state = 'OPEN'")
                .param(leadId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // The rerouted task says it has missed its deadline before.
    await()
        .untilAsserted(
            () ->
                mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                            "/api/tasks"))
                    .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                "$[?(@.leadId == '" + leadId + "')].slaMissed")
                            .value(org.hamcrest.Matchers.contains(1))));
    if (second.chosenRep() != null) {
      await()
          .until(
              () ->
                  mails(leadId, "rerouted").size() == 1 && mails(leadId, "assignment").size() == 2);
      assertThat(to(mails(leadId, "rerouted").getFirst())).isEqualTo(email(owner));
      assertThat(
              com.icegreen.greenmail.util.GreenMailUtil.getBody(
                  mails(leadId, "rerouted").getFirst()))
          .contains("it was not worked by its deadline");
      // The next owner's mail says how the lead came to them.
      assertThat(
              org.leadhandoff.support.MailText.of(
                  mails(leadId, "assignment").stream()
                      .filter(m -> to(m).equals(email(second.chosenRep())))
                      .findFirst()
                      .orElseThrow()))
          .contains(name(owner) + " had it before you and did not work it by its deadline");
    } else {
      assertThat(second.candidates()).contains("skipped: had this lead already");
      await().until(() -> mails(leadId, "escalation").size() == 1);
      // The former owner is told the lead went to the team queue.
      await().until(() -> mails(leadId, "rerouted").size() == 1);
      assertThat(to(mails(leadId, "rerouted").getFirst())).isEqualTo(email(owner));
    }

    // Keep missing the deadline: after max-reroutes (2) the manager is told at each further miss.
    for (int miss = 2; miss <= 3; miss++) {
      process.awaitWaitingAt(qualification, "UserTask_QualifyByPhone");
      process.advance(Duration.ofHours(4).plusMinutes(5));
      process.awaitPassed(qualification, "Task_PlanReroute", miss);
    }
    process.awaitPassed(qualification, "Task_EscalateToManager", 1);
    await()
        .until(
            () ->
                mails(leadId, "escalation").stream()
                    .anyMatch(
                        m ->
                            com.icegreen.greenmail.util.GreenMailUtil.getBody(m)
                                .contains("rerouted 3 times")));
    // The mail opens the lead's task, where the manager can hand it to someone.
    assertThat(
            com.icegreen.greenmail.util.GreenMailUtil.getBody(
                mails(leadId, "escalation").getFirst()))
        .contains("/inbox/#/leads/" + leadId + "/task");

    // The routing after the escalation finds the lead a taker or nobody; either way the manager
    // got one mail for this miss, not a second "nobody available" at the same moment.
    await().until(() -> roster.history(leadId).size() >= 4);
    List<java.time.Instant> escalationsQueued =
        jdbc.sql(
                "select created_at from mail_outbox where lead_id = ? and occasion like 'escalation:%'")
            .param(leadId)
            .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
            .list();
    assertThat(escalationsQueued)
        .as("one escalation mail per miss, each at its own moment")
        .allSatisfy(
            at ->
                assertThat(
                        escalationsQueued.stream()
                            .filter(o -> Math.abs(Duration.between(o, at).toSeconds()) < 60))
                    .hasSize(1));
    // And one escalation recorded per miss, as the dashboard counts them: not a second
    // "nobody available" beside the "rerouted too often" of the same miss.
    assertThat(
            jdbc.sql("select count(*) from lead_activity where lead_id = ? and kind = 'ESCALATION'")
                .param(leadId)
                .query(Long.class)
                .single())
        .isEqualTo(escalationsQueued.size());

    // Every mail is for its own occasion: nobody was told anything twice.
    List<MimeMessage> all =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> occasion(m).contains(leadId.toString()))
            .toList();
    assertThat(new HashSet<>(all.stream().map(SlaLadderProcessTest::occasion).toList()))
        .hasSameSizeAs(all);
    assertThat(roster.history(leadId)).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
    assertThat(roster.history(leadId))
        .extracting(RoutingRecord::chosenRep)
        .filteredOn(r -> r != null)
        .doesNotHaveDuplicates();
  }

  /** Turns given back in the rotations: who, and why. */
  private List<org.assertj.core.groups.Tuple> credits() {
    return jdbc.sql("select rep_id, reason from routing_credit order by granted_at")
        .query((rs, n) -> org.assertj.core.groups.Tuple.tuple(rs.getString(1), rs.getString(2)))
        .list();
  }

  /** The turns given back to the rep in the sales reps' rotation, in places. */
  private double credit(String repId) {
    return jdbc.sql("select credit from routing_turn where rotation = 'SALES_REP' and rep_id = ?")
        .param(repId)
        .query(Double.class)
        .single();
  }

  /** A hot lead qualified by phone, waiting for a sales rep. */
  private UUID qualifiedLead() {
    UUID leadId = process.hotLeadInQualification(leads);
    process.qualify(leadId);
    return leadId;
  }

  @Test
  @DisplayName(
      "a qualifier who disqualifies a lead as spam gets the turn back; a rep who rejects it for"
          + " no budget, and anyone who misses a deadline, does not")
  void turnBackOnlyWithoutFault() {
    UUID spam = process.hotLeadInQualification(leads);
    String qualifier = roster.history(spam).getFirst().chosenRep();
    assertThat(qualifier).isNotNull();
    process.completeUserTask(
        Processes.PHONE_QUALIFICATION,
        spam,
        "UserTask_QualifyByPhone",
        Map.of("qualificationOutcome", "DISQUALIFIED", "disqualificationReason", "SPAM"));
    process.awaitCompleted(process.instanceOf(Processes.PHONE_QUALIFICATION, spam));
    await().until(() -> credits().size() == 1);
    assertThat(credits()).containsExactly(org.assertj.core.groups.Tuple.tuple(qualifier, "SPAM"));

    UUID missed = process.hotLeadInQualification(leads);
    InspectedProcessInstance qualification =
        process.instanceOf(Processes.PHONE_QUALIFICATION, missed);
    process.advance(Duration.ofHours(4).plusMinutes(5));
    process.awaitPassed(qualification, "Task_PlanReroute", 1);
    UUID rejected = qualifiedLead();
    process.rejectAsSalesRep(rejected, "NO_BUDGET");
    process.awaitCompleted(process.instanceOf(Processes.SALES_HANDOFF, rejected));
    assertThat(credits()).as("nothing more given back").hasSize(1);
  }

  @Test
  @DisplayName(
      "a clock that jumps past the reminder and the deadline at once: the owner hears of the reroute, not a reminder for a deadline already gone")
  void noReminderAfterTheDeadline() {
    UUID leadId = process.hotLeadInQualification(leads);
    InspectedProcessInstance qualification =
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId);
    String owner = roster.history(leadId).getFirst().chosenRep();
    assertThat(owner).as("someone took the lead").isNotNull();
    await().until(() -> mails(leadId, "assignment").size() == 1);

    process.advance(Duration.ofHours(4).plusMinutes(5));
    process.awaitPassed(qualification, "Task_PlanReroute", 1);
    // Whether the reminder's timer fired before the deadline's is the engine's business; if it
    // did, its job has run by the time it completes.
    await()
        .until(
            () ->
                process.count(
                        qualification, "Event_ReminderDue", ProcessInstanceIntent.ELEMENT_COMPLETED)
                    == process.count(
                        qualification,
                        "Task_RemindOwner",
                        ProcessInstanceIntent.ELEMENT_COMPLETED));
    await().until(() -> roster.history(leadId).size() == 2);
    if (roster.history(leadId).get(1).chosenRep() != null) {
      await().until(() -> mails(leadId, "rerouted").size() == 1);
    } else {
      await().until(() -> mails(leadId, "escalation").size() == 1);
    }

    assertThat(mails(leadId, "reminder")).as("no reminder after the deadline").isEmpty();
    assertThat(
            jdbc.sql(
                    "select count(*) from mail_outbox where lead_id = ? and occasion like 'reminder:%'")
                .param(leadId)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  @DisplayName(
      "a rep who rejects as not theirs loses the lead to another rep; a lead-specific rejection recycles it")
  void rejectionReasonsRouteOrRecycle() throws Exception {
    UUID leadId = process.hotLeadInQualification(leads);
    process.completeUserTask(
        Processes.PHONE_QUALIFICATION,
        leadId,
        "UserTask_QualifyByPhone",
        Map.of("qualificationOutcome", "QUALIFIED"));
    InspectedProcessInstance handoff = process.instanceOf(Processes.SALES_HANDOFF, leadId);
    process.awaitWaitingAt(handoff, "UserTask_AcceptLead");
    String firstRep = roster.history(leadId).getLast().chosenRep();
    assertThat(firstRep).isIn("sam", "alex");

    process.rejectAsSalesRep(leadId, "WRONG_TERRITORY", "Bavaria belongs to the Munich office");

    process.awaitPassed(handoff, "Task_PlanReroute", 1);
    process.awaitWaitingAt(handoff, "UserTask_AcceptLead");
    String secondRep = roster.history(leadId).getLast().chosenRep();
    assertThat(secondRep)
        .as("another rep, never the same one")
        .isIn("sam", "alex")
        .isNotEqualTo(firstRep);
    await().until(() -> mails(leadId, "rerouted").size() == 1);
    assertThat(to(mails(leadId, "rerouted").getFirst())).isEqualTo(email(firstRep));
    // The mail says why as it happened: the rep sent it on, no deadline was missed.
    assertThat(
            com.icegreen.greenmail.util.GreenMailUtil.getBody(mails(leadId, "rerouted").getFirst()))
        .contains("you sent it on as not yours")
        .doesNotContain("deadline");
    // The second rep's mail says how the lead came to them, in the first rep's own words.
    await().until(() -> mails(leadId, "assignment").size() == 3);
    assertThat(
            org.leadhandoff.support.MailText.of(
                mails(leadId, "assignment").stream()
                    .filter(m -> to(m).equals(email(secondRep)))
                    .findFirst()
                    .orElseThrow()))
        .contains(
            name(firstRep)
                + " had it before you and handed it back as not theirs: wrong territory; notes:"
                + " Bavaria belongs to the Munich office");
    // Not their territory is nobody's fault: the first rep gets the turn back, once.
    assertThat(credits())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(firstRep, "WRONG_TERRITORY"));
    assertThat(credit(firstRep)).as("the first rep holds a turn given back").isEqualTo(1.0);
    // The second rep opens a blank form, not the first rep's rejection; and a rejection is no
    // missed deadline.
    String openTask =
        await()
            .until(
                () ->
                    jdbc.sql(
                            "select variables from user_task where lead_id = ? and state = 'OPEN'"
                                + " and assignee = ?")
                        .params(leadId, secondRep)
                        .query(String.class)
                        .optional()
                        .orElse(null),
                v -> v != null);
    var answers = new com.fasterxml.jackson.databind.ObjectMapper().readTree(openTask);
    for (String answer :
        List.of("salesDecision", "rejectionReason", "followUpsDone", "rejectionNotes")) {
      assertThat(answers.path(answer).isNull() || answers.path(answer).isMissingNode())
          .as(answer + " of the first rep: " + answers.path(answer))
          .isTrue();
    }
    assertThat(answers.path("slaMisses").asInt()).isZero();

    process.rejectAsSalesRep(leadId, "NO_BUDGET");

    process.awaitCompleted(handoff);
    InspectedProcessInstance lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Event_RevisitDue");
    assertThat(leads.stages(leadId))
        .endsWith(org.leadhandoff.lead.Stage.SQL, org.leadhandoff.lead.Stage.RECYCLED);
    await().until(() -> mails(leadId, "recycled").size() == 1);
    MimeMessage recycled = mails(leadId, "recycled").getFirst();
    assertThat(to(recycled)).isEqualTo("marketing@localhost");
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(recycled))
        .contains("rejected by sales: no budget");
  }
}
