package org.leadhandoff.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadhandoff.lead.ActivityKind;
import org.leadhandoff.lead.LeadActivities;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.routing.RosterStore.RoutingRecord;
import org.leadhandoff.security.AppRole;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.leadhandoff.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A manager hands a lead's task to someone, takes it over or returns it to the team queue; an owner
 * gives theirs back. The process ends the task and routes the lead as asked, with the reason in the
 * routing log and the timeline, and mails to the old and new owner.
 */
@EmbeddedEngineTest
class HandOverProcessTest {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(TestSmtp.setup()).withPerMethodLifecycle(true);

  @Autowired LeadFixtures leads;
  @Autowired ProcessTestSupport process;
  @Autowired RosterStore roster;
  @Autowired LeadActivities activities;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  /** Signed in as the roster's sales manager. */
  private static final RequestPostProcessor MANAGER =
      user("morgan").roles(AppRole.SALES_MANAGER.name());

  @BeforeEach
  void assertions() {
    process.initAssertions();
  }

  record OpenTask(long id, String assignee, Instant dueAt) {}

  /** The lead's one open task in the inbox, once the worker has put it there. */
  private OpenTask openTask(UUID leadId, long not) {
    return await()
        .atMost(ProcessTestSupport.WAIT)
        .until(
            () ->
                jdbc.sql(
                        "select job_key, assignee, due_at from user_task where lead_id = ? and state = 'OPEN' and job_key <> ?")
                    .params(leadId, not)
                    .query(
                        (rs, n) ->
                            new OpenTask(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant()))
                    .optional()
                    .orElse(null),
            t -> t != null);
  }

  private ResultActions handOver(long taskId, RequestPostProcessor who, String body)
      throws Exception {
    return mvc.perform(
        post("/api/tasks/" + taskId + "/hand-over")
            .with(who)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private List<MimeMessage> mails(UUID leadId, String kind) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> header(m, "X-Lead-Handoff-Occasion").startsWith(kind + ":" + leadId))
        .toList();
  }

  private static String header(MimeMessage m, String name) {
    try {
      String[] header = m.getHeader(name);
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

  private static String other(String qualifier) {
    return "quinn".equals(qualifier) ? "riley" : "quinn";
  }

  @Test
  @DisplayName(
      "a manager hands a qualifier's task to a colleague: the task moves, the SLA starts afresh for them, both are mailed, the log says who and why")
  void managerHandsTaskToColleague() throws Exception {
    UUID leadId = process.hotLeadInQualification(leads);
    InspectedProcessInstance qualification =
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId);
    String owner = roster.history(leadId).getFirst().chosenRep();
    assertThat(owner).as("routing gave the lead to a qualifier").isNotNull();
    OpenTask before = openTask(leadId, 0);
    await().until(() -> mails(leadId, "assignment").size() == 1);
    // An hour later the owner is ill; the manager moves the lead.
    process.advance(Duration.ofHours(1));
    String colleague = other(owner);
    // The engine offers the task again once its lease has run out on the moved clock; until then
    // the inbox does not know it is still open.
    await()
        .atMost(ProcessTestSupport.WAIT)
        .untilAsserted(
            () ->
                mvc.perform(get("/api/tasks").param("leadId", leadId.toString()).with(MANAGER))
                    .andExpect(jsonPath("$[0].id").value(before.id())));

    handOver(
            before.id(),
            MANAGER,
            "{\"to\":\"" + colleague + "\",\"reason\":\"" + owner + " is ill this week\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.to").value(colleague));

    process.awaitPassed(qualification, "Event_HandedOver", 1);
    OpenTask after = openTask(leadId, before.id());
    assertThat(after.assignee()).isEqualTo(colleague);
    assertThat(after.dueAt())
        .as("the colleague gets the full first-touch SLA from the hand-over")
        .isAfter(before.dueAt());
    assertThat(
            jdbc.sql("select state from user_task where job_key = ?")
                .param(before.id())
                .query(String.class)
                .single())
        .isEqualTo("GONE");
    RoutingRecord handedOver = roster.history(leadId).getLast();
    assertThat(handedOver.outcome()).isEqualTo(RoutingService.Routed.HANDED_OVER);
    assertThat(handedOver.chosenRep()).isEqualTo(colleague);
    assertThat(handedOver.reason())
        .isEqualTo("handed over by Morgan Ellis; notes: " + owner + " is ill this week");
    assertThat(handedOver.reasonCode()).isEqualTo("HANDED_OVER");
    assertThat(handedOver.reasonFacts())
        .containsEntry("by", "Morgan Ellis")
        .containsEntry("note", owner + " is ill this week");
    assertThat(roster.openOwner(leadId, Role.QUALIFIER)).contains(colleague);
    assertThat(activities.of(leadId))
        .anyMatch(a -> a.kind() == ActivityKind.HAND_OVER && "morgan".equals(a.actor()));

    await()
        .until(
            () -> mails(leadId, "rerouted").size() == 1 && mails(leadId, "assignment").size() == 2);
    MimeMessage toOwner = mails(leadId, "rerouted").getFirst();
    assertThat(to(toOwner)).isEqualTo(roster.find(owner).orElseThrow().email());
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(toOwner))
        .contains(
            "is no longer yours: handed over by Morgan Ellis; notes: "
                + owner
                + " is ill this week");
    MimeMessage toColleague =
        mails(leadId, "assignment").stream()
            .filter(m -> to(m).equals(roster.find(colleague).orElseThrow().email()))
            .findFirst()
            .orElseThrow();
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(toColleague))
        .contains("is ill this week");

    // The hand-over is used up: a missed SLA later reroutes as usual, not back to the colleague.
    assertThat(process.variable(qualification, "handOverBy")).isEqualTo("\"\"");
    process.advance(Duration.ofHours(5));
    process.awaitPassed(qualification, "Task_PlanReroute", 1);
    await().until(() -> roster.history(leadId).size() == 3);
    assertThat(roster.history(leadId).getLast().outcome()).isNotEqualTo("HANDED_OVER");
    assertThat(roster.history(leadId).getLast().chosenRep()).isNotEqualTo(colleague);
  }

  @Test
  @DisplayName(
      "a manager hands all of a qualifier's open tasks to the team queue in one go (she is ill):"
          + " each is handed over, a task that has gone is refused on its own with why")
  void managerHandsOverMany() throws Exception {
    UUID first = process.hotLeadInQualification(leads);
    UUID second = process.hotLeadInQualification(leads);
    OpenTask one = openTask(first, 0);
    OpenTask two = openTask(second, 0);
    long gone = 42L;

    mvc.perform(
            post("/api/tasks/hand-over")
                .with(MANAGER)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"taskIds\":["
                        + one.id()
                        + ","
                        + two.id()
                        + ","
                        + gone
                        + "],\"reason\":\"Quinn is ill this week\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(3))
        .andExpect(jsonPath("$[0].handedOver").value(true))
        .andExpect(jsonPath("$[1].handedOver").value(true))
        .andExpect(jsonPath("$[2].handedOver").value(false))
        .andExpect(jsonPath("$[2].status").value(404));

    for (UUID leadId : List.of(first, second)) {
      process.awaitPassed(
          process.instanceOf(Processes.PHONE_QUALIFICATION, leadId), "Event_HandedOver", 1);
      await()
          .until(
              () ->
                  roster
                      .history(leadId)
                      .getLast()
                      .outcome()
                      .equals(RoutingService.Routed.HANDED_OVER));
      assertThat(roster.history(leadId).getLast().reason()).contains("Quinn is ill this week");
      assertThat(roster.openOwner(leadId, Role.QUALIFIER)).as("in the team queue").isEmpty();
    }
    mvc.perform(
            post("/api/tasks/hand-over")
                .with(MANAGER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("taskIds"));
  }

  @Test
  @DisplayName(
      "the owner gives a task back: it waits in the team queue with its deadline, the owner is not mailed; the gone task answers 409")
  void ownerGivesTaskBack() throws Exception {
    UUID leadId = process.hotLeadInQualification(leads);
    InspectedProcessInstance qualification =
        process.instanceOf(Processes.PHONE_QUALIFICATION, leadId);
    String owner = roster.history(leadId).getFirst().chosenRep();
    OpenTask before = openTask(leadId, 0);
    RequestPostProcessor asOwner = user(owner).roles(AppRole.QUALIFIER.name());

    mvc.perform(post("/api/tasks/" + before.id() + "/unclaim").with(asOwner))
        .andExpect(status().isOk());

    process.awaitPassed(qualification, "Event_HandedOver", 1);
    OpenTask after = openTask(leadId, before.id());
    assertThat(after.assignee()).as("in the team queue").isNull();
    assertThat(after.dueAt()).as("the deadline stays").isEqualTo(before.dueAt());
    assertThat(roster.openOwner(leadId, Role.QUALIFIER)).isEmpty();
    assertThat(roster.history(leadId).getLast().reason())
        .startsWith("returned to the qualifiers' team queue by ");
    assertThat(mails(leadId, "rerouted")).isEmpty();
    handOver(before.id(), MANAGER, "{\"to\":\"" + owner + "\"}").andExpect(status().isConflict());
  }

  @Test
  @DisplayName(
      "only a manager hands a task to someone, and only to an active person of the task's role")
  void handOverRules() throws Exception {
    UUID leadId = process.hotLeadInQualification(leads);
    String owner = roster.history(leadId).getFirst().chosenRep();
    OpenTask task = openTask(leadId, 0);
    RequestPostProcessor colleague = user(other(owner)).roles(AppRole.QUALIFIER.name());

    handOver(task.id(), colleague, "{\"to\":\"" + other(owner) + "\"}")
        .andExpect(status().isForbidden());
    handOver(task.id(), MANAGER, "{\"to\":\"sam\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("Sam Becker is not a lead qualifier, and this task is for one"));
    handOver(task.id(), MANAGER, "{\"to\":\"nobody-here\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));
    handOver(task.id(), MANAGER, "{\"to\":\"" + owner + "\"}").andExpect(status().isBadRequest());
    handOver(
            task.id(),
            MANAGER,
            "{\"to\":\"" + other(owner) + "\",\"reason\":\"" + "x".repeat(501) + "\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    assertThat(roster.history(leadId)).hasSize(1);

    // The manager takes it over and may complete it.
    handOver(task.id(), MANAGER, "{\"to\":\"morgan\"}").andExpect(status().isOk());
    assertThat(openTask(leadId, task.id()).assignee()).isEqualTo("morgan");
  }
}
