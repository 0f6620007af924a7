package org.leadhandoff.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.security.AppRole;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The inbox API as a qualifier and a sales rep use it, from MQL to OPPORTUNITY. */
@EmbeddedEngineTest
class TaskApiTest {

  @Autowired MockMvc mvc;
  @Autowired LeadFixtures leads;
  @Autowired LeadStore store;
  @Autowired ProcessTestSupport process;
  @Autowired ObjectMapper json;
  @Autowired org.leadhandoff.routing.RosterStore roster;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired org.leadhandoff.lifecycle.LifecycleMessages messages;

  /** A person as the server's sentences name them: the roster's name. */
  private String nameOf(String user) {
    return roster.find(user).map(org.leadhandoff.routing.Rep::name).orElse(user);
  }

  @BeforeEach
  void assertions() {
    process.initAssertions();
  }

  /** A grade-A lead that asked for a demo, waiting in the qualifiers' queue; its task id. */
  private long qualificationTask(UUID leadId) throws Exception {
    process.awaitWaitingAt(process.lifecycleOf(leadId), "Gateway_AwaitEngagement");
    leads.engage(leadId, "demo-request", 0);
    return taskOf(leadId, "qualifiers");
  }

  private long taskOf(UUID leadId, String group) {
    return await()
        .atMost(ProcessTestSupport.WAIT)
        .until(
            () -> {
              JsonNode queue =
                  json.readTree(
                      mvc.perform(
                              get("/api/tasks")
                                  .param("candidateGroup", group)
                                  .param("limit", "500"))
                          .andReturn()
                          .getResponse()
                          .getContentAsString());
              for (JsonNode task : queue) {
                if (leadId.toString().equals(task.path("leadId").asText())) {
                  return task.get("id").asLong();
                }
              }
              return null;
            },
            id -> id != null);
  }

  /** Routing gave the task to someone on the roster; tests act as that person. */
  private String assigneeOf(long taskId) throws Exception {
    String assignee =
        json.readTree(
                mvc.perform(get("/api/tasks/" + taskId))
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .path("task")
            .path("assignee")
            .asText(null);
    assertThat(assignee).as("routing assigned the task").isNotBlank();
    return assignee;
  }

  private ResultActions complete(long taskId, RequestPostProcessor who, String fields)
      throws Exception {
    return mvc.perform(
        post("/api/tasks/" + taskId + "/complete")
            .with(who)
            .contentType(MediaType.APPLICATION_JSON)
            .content(fields));
  }

  /** Signed in as a person of the roster with their role (sign-in itself: SecurityTest). */
  private static RequestPostProcessor asQualifier(String name) {
    return user(name).roles(AppRole.QUALIFIER.name());
  }

  private static RequestPostProcessor asRep(String name) {
    return user(name).roles(AppRole.SALES_REP.name());
  }

  /** A date from the application's clock, which other tests may have moved forward. */
  private String today(int plusDays) {
    return LocalDate.ofInstant(process.now(), ZoneOffset.UTC).plusDays(plusDays).toString();
  }

  @Test
  @DisplayName(
      "a qualifier claims, qualifies; a rep's REJECT without follow-ups is refused; the rep accepts: OPPORTUNITY")
  void fromMqlToOpportunity() throws Exception {
    UUID leadId = leads.gradeA();
    long task = qualificationTask(leadId);
    String qualifier = assigneeOf(task);

    mvc.perform(get("/api/tasks/" + task))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.task.name").value("Qualify lead by phone"))
        .andExpect(jsonPath("$.task.leadName").value("Ada Lovelace"))
        .andExpect(jsonPath("$.task.company").value("BigCo"))
        .andExpect(jsonPath("$.task.temperature").value("HOT"))
        .andExpect(jsonPath("$.task.priority").value(85))
        .andExpect(jsonPath("$.task.dueAt").exists())
        .andExpect(jsonPath("$.task.candidateGroups[0]").value("qualifiers"))
        .andExpect(jsonPath("$.form.id").value("phone-qualification"))
        .andExpect(jsonPath("$.data.fitGrade").value("A"))
        .andExpect(
            jsonPath("$.data.leadUrl")
                .value(org.hamcrest.Matchers.endsWith("/inbox/#/leads/" + leadId)));
    mvc.perform(post("/api/tasks/" + task + "/claim").with(asQualifier(qualifier)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assignee").value(qualifier));
    mvc.perform(post("/api/tasks/" + task + "/claim").with(asQualifier("rory")))
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "This task is claimed by "
                        + nameOf(qualifier)
                        + "; ask them, or a manager, to hand it over."));

    complete(
            task,
            asQualifier(qualifier),
            "{\"qualificationOutcome\":\"QUALIFIED\",\"budgetConfirmed\":true,\"authorityConfirmed\":true,\"needConfirmed\":true,\"timingConfirmed\":true,\"painPoints\":\"leads wait days\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("COMPLETED"));

    long acceptance = taskOf(leadId, "sales");
    String rep = assigneeOf(acceptance);
    // The lead's owner follows its stage: the rep now that it is sales-qualified.
    mvc.perform(get("/api/leads/" + leadId)).andExpect(jsonPath("$.owner").value(rep));
    mvc.perform(get("/api/tasks/" + acceptance))
        .andExpect(jsonPath("$.form.id").value("sales-acceptance"))
        .andExpect(jsonPath("$.data.painPoints").value("leads wait days"))
        // What the page checks before it sends a rejection (the server checks it again below).
        .andExpect(jsonPath("$.rules.followUpsBeforeReject[2]").value("EMAIL"));
    complete(
            acceptance,
            asRep(rep),
            "{\"salesDecision\":\"REJECT\",\"rejectionReason\":\"NO_BUDGET\",\"followUpsDone\":[\"CALL_1\"]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Task not completed"))
        .andExpect(jsonPath("$.errors[0].field").value("followUpsDone"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(
                    "Before rejecting, do and tick the prescribed follow-ups; missing: Second call attempt, Email sent"));
    // In the rep's language: the follow-ups as the German form names them, not as the English one.
    mvc.perform(
            post("/api/tasks/" + acceptance + "/complete")
                .with(asRep(rep))
                .header("Accept-Language", "de")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"salesDecision\":\"REJECT\",\"rejectionReason\":\"NO_BUDGET\",\"followUpsDone\":[\"CALL_1\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(
                    "Vor einer Ablehnung die vorgeschriebenen Nachfassaktionen erledigen und"
                        + " ankreuzen; es fehlen: Zweiter Anrufversuch, E-Mail gesendet"));
    complete(
            acceptance,
            asRep(rep),
            "{\"salesDecision\":\"REJECT\",\"followUpsDone\":[\"CALL_1\",\"CALL_2\",\"EMAIL\"]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("rejectionReason"))
        .andExpect(
            jsonPath("$.errors[0].message").value("Why do you reject the lead? is required"));
    mvc.perform(get("/api/tasks/" + acceptance)).andExpect(jsonPath("$.task.state").value("OPEN"));

    complete(
            acceptance,
            asRep(rep),
            "{\"salesDecision\":\"ACCEPT\",\"expectedCloseDate\":\""
                + today(60)
                + "\",\"amount\":25000}")
        .andExpect(status().isOk());

    var lifecycle = process.lifecycleOf(leadId);
    process.awaitCompleted(lifecycle);
    assertThat(store.find(leadId).orElseThrow().stage()).isEqualTo(Stage.OPPORTUNITY);
    // The rep's own leads give the deal as a code and facts, for each reader's language.
    String closeOn = today(60);
    await()
        .atMost(ProcessTestSupport.WAIT)
        .untilAsserted(
            () ->
                mvc.perform(get("/api/tasks/decisions").with(asRep(rep)))
                    .andExpect(
                        jsonPath("$[?(@.leadId == '" + leadId + "')].reasonCode")
                            .value(org.hamcrest.Matchers.contains("DEAL")))
                    .andExpect(
                        jsonPath("$[?(@.leadId == '" + leadId + "')].reasonFacts.amount")
                            .value(org.hamcrest.Matchers.contains(25000)))
                    .andExpect(
                        jsonPath("$[?(@.leadId == '" + leadId + "')].reasonFacts.expectedClose")
                            .value(org.hamcrest.Matchers.contains(closeOn))));
    // The opportunity stays with the rep who accepted it, in the API and the list.
    mvc.perform(get("/api/leads/" + leadId)).andExpect(jsonPath("$.owner").value(rep));
    mvc.perform(get("/api/leads").param("stage", "OPPORTUNITY"))
        .andExpect(
            jsonPath("$.items[?(@.id == '" + leadId + "')].owner")
                .value(org.hamcrest.Matchers.contains(rep)));
    String csv =
        mvc.perform(
                get("/api/reports/leads.csv")
                    .param("metric", "ENTERED")
                    .param("stage", "OPPORTUNITY"))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv.lines().findFirst().orElseThrow()).contains(",owner,owner_name,");
    assertThat(csv.lines().filter(line -> line.startsWith(leadId.toString())))
        .singleElement()
        .asString()
        .contains("," + rep + ",");
    complete(
            acceptance,
            asRep(rep),
            "{\"salesDecision\":\"ACCEPT\",\"expectedCloseDate\":\"" + today(60) + "\"}")
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.detail")
                .value("This task is no longer open: " + nameOf(rep) + " completed it."));
  }

  @Test
  @DisplayName(
      "a rep who rejected a lead as not their territory cannot take it back from the team queue;"
          + " a colleague can")
  void sentOnLeadStaysWithTheTeam() throws Exception {
    UUID leadId = leads.gradeA();
    process.awaitWaitingAt(process.lifecycleOf(leadId), "Gateway_AwaitEngagement");
    leads.engage(leadId, "demo-request", 0);
    long qualification = taskOf(leadId, "qualifiers");
    complete(
            qualification,
            asQualifier(assigneeOf(qualification)),
            "{\"qualificationOutcome\":\"QUALIFIED\",\"budgetConfirmed\":true}")
        .andExpect(status().isOk());
    long acceptance = taskOf(leadId, "sales");
    String rep = assigneeOf(acceptance);
    String colleague = "sam".equals(rep) ? "alex" : "sam";
    // The colleague is off today: the lead waits in the team queue after the rejection.
    mvc.perform(
            put("/api/reps/" + colleague)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"capacity\":15,\"active\":false}"))
        .andExpect(status().isOk());
    try {
      complete(
              acceptance,
              asRep(rep),
              "{\"salesDecision\":\"REJECT\",\"rejectionReason\":\"WRONG_TERRITORY\","
                  + "\"rejectionNotes\":\"The company sits in Bavaria\","
                  + "\"followUpsDone\":[\"CALL_1\",\"CALL_2\",\"EMAIL\"]}")
          .andExpect(status().isOk());
      // The lead's page tells the next owner why it came to them, with the rep's notes.
      await()
          .atMost(ProcessTestSupport.WAIT)
          .untilAsserted(
              () ->
                  mvc.perform(get("/api/leads/" + leadId))
                      .andExpect(
                          jsonPath(
                                  "$.activities[?(@.kind == 'DECISION' && @.code == 'REJECT')]"
                                      + ".reasonFacts.note")
                              .value(org.hamcrest.Matchers.hasItem("The company sits in Bavaria")))
                      .andExpect(
                          jsonPath(
                                  "$.activities[?(@.kind == 'DECISION' && @.code == 'REJECT')]"
                                      + ".reasonCode")
                              .value(org.hamcrest.Matchers.hasItem("WRONG_TERRITORY"))));
      long queued =
          await()
              .atMost(ProcessTestSupport.WAIT)
              .until(() -> taskOf(leadId, "sales"), id -> id != acceptance);
      // Not offered to the rep who sent it on, offered to the colleague.
      mvc.perform(get("/api/tasks").param("limit", "500").with(asRep(rep)))
          .andExpect(jsonPath("$[?(@.id == " + queued + ")]").doesNotExist());
      mvc.perform(get("/api/tasks").param("limit", "500").with(asRep(colleague)))
          .andExpect(jsonPath("$[?(@.id == " + queued + ")]").exists());
      mvc.perform(post("/api/tasks/" + queued + "/claim").with(asRep(rep)))
          .andExpect(status().isConflict())
          .andExpect(
              jsonPath("$.detail")
                  .value(org.hamcrest.Matchers.startsWith("You sent this lead on as not yours")));
      complete(
              queued,
              asRep(rep),
              "{\"salesDecision\":\"ACCEPT\",\"expectedCloseDate\":\"" + today(30) + "\"}")
          .andExpect(status().isConflict());
      mvc.perform(post("/api/tasks/" + queued + "/claim").with(asRep(colleague)))
          .andExpect(status().isOk());
      // Accepted from the team queue: the opportunity is the colleague's, who routing never
      // gave it to, and theirs to open; no longer the rep's who sent it on.
      complete(
              queued,
              asRep(colleague),
              "{\"salesDecision\":\"ACCEPT\",\"expectedCloseDate\":\"" + today(30) + "\"}")
          .andExpect(status().isOk());
      process.awaitCompleted(process.lifecycleOf(leadId));
      mvc.perform(get("/api/leads/" + leadId)).andExpect(jsonPath("$.owner").value(colleague));
      mvc.perform(get("/api/me/leads/" + leadId).with(asRep(colleague)))
          .andExpect(jsonPath("$.open").value(true));
      mvc.perform(get("/api/me/leads/" + leadId).with(asRep(rep)))
          .andExpect(jsonPath("$.open").value(false));
    } finally {
      mvc.perform(
          put("/api/reps/" + colleague)
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"capacity\":15,\"active\":true}"));
    }
  }

  @Test
  @DisplayName(
      "an unowned lead of a country a rep does not cover waits in the team queue for those who"
          + " cover it; while none of them works, it is everyone's")
  void teamQueueFollowsTerritories() throws Exception {
    // Sam covers Europe, Alex every country: a US lead is Alex's.
    UUID leadId =
        leads.capture(
            org.leadhandoff.support.Contacts.contact(
                    org.leadhandoff.support.LeadFixtures.unique("lee", "uscorp.example"))
                .name("Lee", "Park")
                .company("US Corp", 500)
                .industry("Software")
                .title("CTO")
                .country("US")
                .source("web-form")
                .build());
    long qualification = qualificationTask(leadId);
    mvc.perform(
            put("/api/reps/alex")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"capacity\":15,\"active\":false}"))
        .andExpect(status().isOk());
    try {
      complete(
              qualification,
              asQualifier(assigneeOf(qualification)),
              "{\"qualificationOutcome\":\"QUALIFIED\",\"budgetConfirmed\":true}")
          .andExpect(status().isOk());
      long queued = taskOf(leadId, "sales");
      // Nobody who covers the US works now: the lead is not left alone, Sam is offered it.
      mvc.perform(get("/api/tasks").param("limit", "500").with(asRep("sam")))
          .andExpect(jsonPath("$[?(@.id == " + queued + ")]").exists());
      mvc.perform(
              put("/api/reps/alex")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"capacity\":15,\"active\":true}"))
          .andExpect(status().isOk());
      // Alex is back: the lead waits for Alex, not for Sam.
      mvc.perform(get("/api/tasks").param("limit", "500").with(asRep("sam")))
          .andExpect(jsonPath("$[?(@.id == " + queued + ")]").doesNotExist());
      mvc.perform(get("/api/tasks").param("limit", "500").with(asRep("alex")))
          .andExpect(jsonPath("$[?(@.id == " + queued + ")]").exists());
      mvc.perform(post("/api/tasks/" + queued + "/claim").with(asRep("sam")))
          .andExpect(status().isConflict())
          .andExpect(
              jsonPath("$.detail")
                  .value(
                      org.hamcrest.Matchers.startsWith(
                          "This lead's country or company size is outside what you cover")));
      mvc.perform(post("/api/tasks/" + queued + "/claim").with(asRep("alex")))
          .andExpect(status().isOk());
    } finally {
      mvc.perform(
          put("/api/reps/alex")
              .contentType(MediaType.APPLICATION_JSON)
              .content("{\"capacity\":15,\"active\":true}"));
    }
  }

  @Test
  @DisplayName(
      "a task the engine no longer offers (an engine restarted without it) says it is no longer"
          + " open, not that it is with its own owner now")
  void taskGoneFromTheEngineSaysSo() throws Exception {
    UUID leadId = leads.gradeA();
    long task = qualificationTask(leadId);
    String qualifier = assigneeOf(task);
    // What the inbox knows of a task whose engine lost it: last offered long ago.
    jdbc.sql("update user_task set last_seen_at = ? where job_key = ?")
        .params(java.sql.Timestamp.from(process.now().minus(java.time.Duration.ofDays(1))), task)
        .update();

    complete(task, asQualifier(qualifier), "{\"qualificationOutcome\":\"QUALIFIED\"}")
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "This task is no longer open: the lead has moved on (completed, rerouted,"
                        + " handed over or closed)."));
  }

  @Test
  @DisplayName(
      "a lead disqualified while its qualification task is open leaves the inbox at once, not when"
          + " the task's lease runs out")
  void leadThatLeftTheStepLeavesTheInbox() throws Exception {
    UUID leadId = leads.gradeA();
    long task = qualificationTask(leadId);

    messages.disqualified(leadId, "DUPLICATE");

    process.awaitCompleted(process.lifecycleOf(leadId));
    assertThat(store.find(leadId).orElseThrow().stage()).isEqualTo(Stage.DISQUALIFIED);
    mvc.perform(get("/api/tasks").param("candidateGroup", "qualifiers").param("limit", "500"))
        .andExpect(jsonPath("$[?(@.leadId == '" + leadId + "')]").isEmpty());
    // Not by a lease: the engine's offer is fresh, the lead's stage hides it.
    assertThat(
            jdbc.sql("select state from user_task where job_key = ?")
                .param(task)
                .query(String.class)
                .single())
        .isEqualTo("OPEN");
  }

  @Test
  @DisplayName("a refused qualification says what is missing and the task stays open")
  void refusedQualification() throws Exception {
    UUID leadId = leads.gradeA();
    long task = qualificationTask(leadId);
    String qualifier = assigneeOf(task);

    complete(task, asQualifier(qualifier), "{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("Outcome is required"));
    complete(task, asQualifier(qualifier), "{\"qualificationOutcome\":\"NOT_NOW\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("revisitDate"))
        .andExpect(jsonPath("$.errors[0].message").value("Revisit on is required"));
    complete(
            task,
            asQualifier(qualifier),
            "{\"qualificationOutcome\":\"NOT_NOW\",\"revisitDate\":\"2020-01-01\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("Revisit on must be today or later"));
    // In German the form's label is German inside the German sentence.
    mvc.perform(
            post("/api/tasks/" + task + "/complete")
                .with(asQualifier(qualifier))
                .header("Accept-Language", "de")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"qualificationOutcome\":\"NOT_NOW\",\"revisitDate\":\"2020-01-01\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("Wieder aufnehmen am muss heute oder später sein"));
    complete(task, asQualifier(qualifier), "{\"qualificationOutcome\":\"MAYBE\"}")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(
                    "Outcome must be one of QUALIFIED, NOT_NOW, MIS_SCORED, NO_ANSWER, DISQUALIFIED"));
    complete(
            task,
            asQualifier(qualifier),
            "{\"qualificationOutcome\":\"QUALIFIED\",\"favouriteColour\":\"blue\"}")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0].message").value("'favouriteColour' is not a field of this form"));
    mvc.perform(get("/api/tasks/" + task)).andExpect(jsonPath("$.task.state").value("OPEN"));

    // A field hidden by the form (the reason, when the outcome is not DISQUALIFIED) is not kept.
    complete(
            task,
            asQualifier(qualifier),
            "{\"qualificationOutcome\":\"NOT_NOW\",\"revisitDate\":\""
                + today(30)
                + "\",\"disqualificationReason\":\"SPAM\"}")
        .andExpect(status().isOk());
    var lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Event_RevisitDue");
    assertThat(process.records().variableRecords())
        .filteredOn(v -> v.getValue().getProcessInstanceKey() == lifecycle.getProcessInstanceKey())
        .filteredOn(v -> v.getValue().getName().equals("disqualificationReason"))
        .allSatisfy(v -> assertThat(v.getValue().getValue()).isEqualTo("null"));
  }

  @Test
  @DisplayName("the queue filters by group and assignee and puts higher priority first")
  void queueFilters() throws Exception {
    UUID hot = leads.gradeA();
    long hotTask = qualificationTask(hot);
    String qualifier = assigneeOf(hotTask);
    mvc.perform(post("/api/tasks/" + hotTask + "/claim").with(asQualifier(qualifier)));

    mvc.perform(get("/api/tasks").param("assignee", qualifier))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == " + hotTask + ")]").exists());
    mvc.perform(get("/api/tasks").param("candidateGroup", "sales"))
        .andExpect(jsonPath("$[?(@.id == " + hotTask + ")]").doesNotExist());
    JsonNode queue =
        json.readTree(
            mvc.perform(
                    get("/api/tasks").param("candidateGroup", "qualifiers").param("limit", "500"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    for (int i = 1; i < queue.size(); i++) {
      assertThat(queue.get(i - 1).get("priority").asInt())
          .isGreaterThanOrEqualTo(queue.get(i).get("priority").asInt());
    }
    mvc.perform(get("/api/tasks/987654321")).andExpect(status().isNotFound());
  }

  @Test
  @DisplayName(
      "a qualifier sees the qualification queue, a rep only their own tasks and the team's unowned ones")
  void queuesFollowRoles() throws Exception {
    UUID leadId = leads.gradeA();
    long task = qualificationTask(leadId);
    String qualifier = assigneeOf(task);
    mvc.perform(post("/api/tasks/" + task + "/claim").with(asQualifier(qualifier)))
        .andExpect(status().isOk());

    // Another qualifier sees it in the queue (asking for the sales queue changes nothing) but
    // cannot work it; a sales rep neither sees nor opens it.
    mvc.perform(
            get("/api/tasks")
                .param("candidateGroup", "sales")
                .param("limit", "500")
                .with(asQualifier("rory")))
        .andExpect(jsonPath("$[?(@.id == " + task + ")]").exists());
    complete(task, asQualifier("rory"), "{\"qualificationOutcome\":\"NO_ANSWER\"}")
        .andExpect(status().isConflict());
    mvc.perform(get("/api/tasks").param("limit", "500").with(asRep("sam")))
        .andExpect(jsonPath("$[?(@.id == " + task + ")]").doesNotExist());
    mvc.perform(get("/api/tasks/" + task).with(asRep("sam")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("This task is not in your queue."));

    complete(
            task,
            asQualifier(qualifier),
            "{\"qualificationOutcome\":\"QUALIFIED\",\"budgetConfirmed\":true,\"authorityConfirmed\":true,\"needConfirmed\":true,\"timingConfirmed\":true}")
        .andExpect(status().isOk());
    long acceptance = taskOf(leadId, "sales");
    String rep = assigneeOf(acceptance);
    // The lead's owner follows its stage: the rep now that it is sales-qualified.
    mvc.perform(get("/api/leads/" + leadId)).andExpect(jsonPath("$.owner").value(rep));
    String otherRep = rep.equals("sam") ? "alex" : "sam";
    mvc.perform(get("/api/tasks").param("limit", "500").with(asRep(rep)))
        .andExpect(jsonPath("$[?(@.id == " + acceptance + ")]").exists());
    mvc.perform(get("/api/tasks").param("limit", "500").with(asRep(otherRep)))
        .andExpect(jsonPath("$[?(@.id == " + acceptance + ")]").doesNotExist());
    mvc.perform(get("/api/tasks/" + acceptance).with(asRep(otherRep)))
        .andExpect(status().isForbidden());
    // The page asks before it reads the lead: the other rep is told no, without a refusal.
    mvc.perform(get("/api/me/leads/" + leadId).with(asRep(otherRep)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.open").value(false));
    mvc.perform(get("/api/leads/" + leadId).with(asRep(otherRep)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/me/leads/" + leadId).with(asRep(rep)))
        .andExpect(jsonPath("$.open").value(true));
    mvc.perform(
            get("/api/me/leads/" + leadId).with(user("morgan").roles(AppRole.SALES_MANAGER.name())))
        .andExpect(jsonPath("$.open").value(true));
    mvc.perform(
            get("/api/tasks")
                .param("limit", "500")
                .with(user("morgan").roles(AppRole.SALES_MANAGER.name())))
        .andExpect(jsonPath("$[?(@.id == " + acceptance + ")]").exists());
  }

  @Test
  @DisplayName(
      "the clock endpoint lets days pass on the embedded engine: a recycled lead comes back")
  void clockEndpoint() throws Exception {
    UUID leadId = leads.gradeA();
    long task = qualificationTask(leadId);
    String qualifier = assigneeOf(task);
    complete(
            task,
            asQualifier(qualifier),
            "{\"qualificationOutcome\":\"NOT_NOW\",\"revisitDate\":\"" + today(3) + "\"}")
        .andExpect(status().isOk());
    var lifecycle = process.lifecycleOf(leadId);
    process.awaitWaitingAt(lifecycle, "Event_RevisitDue");

    mvc.perform(
            post("/api/engine/clock")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"advanceBy\":\"P4D\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.mode").value("embedded"));

    process.awaitPassed(lifecycle, "Event_RevisitDue", 1);
    mvc.perform(
            post("/api/engine/clock")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"advanceBy\":\"two days\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("advanceBy"));
    mvc.perform(
            post("/api/engine/clock")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"advanceBy\":\"-P1D\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("must be a positive duration, like P2D"));
  }
}
