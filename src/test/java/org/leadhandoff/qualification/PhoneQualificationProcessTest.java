package org.leadhandoff.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.support.OwnEngine;
import org.leadhandoff.support.ProcessTestSupport;
import org.leadhandoff.system.ApplicationClock;

/**
 * {@code phone-qualification.bpmn} alone on an engine of its own, its workers stood in for by stubs
 * that answer what the real ones would: the paths of the model (reached, call retried, given up,
 * reminded, rerouted, escalated) and the engine clock moving its timers. No application, no lead
 * store: what the workers do is tested beside them.
 */
@OwnEngine
class PhoneQualificationProcessTest {

  private static final String SECRET = "phone-qualification-test-engine";

  private static ZeebeTestEngine engine;
  private static CamundaClient client;

  /** The engine's time: it lives as long as the engine, which earlier tests moved forward. */
  private static final ApplicationClock clock = new ApplicationClock();

  /** The stubs' answers, by job type; each test sets its own. */
  private static final Map<String, Function<Map<String, Object>, Map<String, Object>>> answers =
      new ConcurrentHashMap<>();

  /** Every job the stubs were handed, by lead and type, in order. */
  private static final Map<String, Map<String, List<Map<String, Object>>>> calls =
      new ConcurrentHashMap<>();

  private static final List<String> STUBBED =
      List.of(
          Jobs.ROUTE_LEAD,
          Jobs.PLAN_CALL_ATTEMPT,
          Jobs.PLAN_REROUTE,
          Jobs.ESCALATE,
          Jobs.REMIND_OWNER,
          Jobs.RECORD_DECISION,
          Jobs.RELEASE_ASSIGNMENT);

  private static final List<JobWorker> workers = new ArrayList<>();

  private ProcessTestSupport process;
  private UUID leadId;

  @BeforeAll
  static void startEngine() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    engine = org.leadhandoff.engine.EmbeddedEngineFactory.create(port, SECRET, true);
    engine.start();
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://127.0.0.1:" + port))
            .restAddress(URI.create("http://127.0.0.1:" + port))
            .preferRestOverGrpc(false)
            .credentialsProvider(
                io.camunda.client.CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                    .applyEnvironmentOverrides(false)
                    .username(org.leadhandoff.engine.EmbeddedEngineFactory.CLIENT)
                    .password(SECRET)
                    .build())
            .build();
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("bpmn/phone-qualification.bpmn")
        .addResourceFromClasspath("bpmn/routing-team.dmn")
        .addResourceFromClasspath("forms/phone-qualification.form")
        .send()
        .join();
    openStubs();
  }

  /**
   * One stub worker per job type for the whole class (a closed worker may still hand out a job it
   * had fetched): each records the job's variables under its lead and answers what the running test
   * said.
   */
  private static void openStubs() {
    for (String type : STUBBED) {
      workers.add(
          client
              .newWorker()
              .jobType(type)
              .handler(
                  (jobs, job) -> {
                    Map<String, Object> variables = job.getVariablesAsMap();
                    calls
                        .computeIfAbsent(
                            String.valueOf(variables.get("leadId")), l -> new ConcurrentHashMap<>())
                        .computeIfAbsent(type, t -> new CopyOnWriteArrayList<>())
                        .add(variables);
                    Map<String, Object> answer =
                        answers.getOrDefault(type, v -> Map.of()).apply(variables);
                    jobs.newCompleteCommand(job).variables(answer).send().join();
                  })
              .pollInterval(Duration.ofMillis(50))
              .open());
    }
  }

  @AfterAll
  static void stopEngine() {
    workers.forEach(JobWorker::close);
    client.close();
    engine.stop();
  }

  @AfterEach
  void forgetAnswers() {
    answers.clear();
  }

  /** What the stub of the job type answers in this test. */
  private void stub(String type, Function<Map<String, Object>, Map<String, Object>> answer) {
    answers.put(type, answer);
  }

  /** The jobs of the type that this test's lead got. */
  private List<Map<String, Object>> calls(String type) {
    return calls.getOrDefault(String.valueOf(leadId), Map.of()).getOrDefault(type, List.of());
  }

  /** Routing answers: the qualifier, due in four hours, reminded after three. */
  private Map<String, Object> assigned(String assignee) {
    Instant now = clock.instant();
    return Map.of(
        "assignee",
        assignee,
        "dueAt",
        now.plus(Duration.ofHours(4)).toString(),
        "remindAt",
        now.plus(Duration.ofHours(3)).toString());
  }

  private UUID start() {
    leadId = UUID.randomUUID();
    client
        .newCreateInstanceCommand()
        .bpmnProcessId(Processes.PHONE_QUALIFICATION)
        .latestVersion()
        .variables(Map.of("leadId", leadId.toString(), "temperature", "HOT"))
        .send()
        .join();
    return leadId;
  }

  private void completeCall(UUID leadId, Map<String, Object> answers) {
    process.completeUserTask(
        Processes.PHONE_QUALIFICATION, leadId, "UserTask_QualifyByPhone", answers);
  }

  private void awaitEndedAt(InspectedProcessInstance instance, String endEvent) {
    await()
        .until(
            () -> process.count(instance, endEvent, ProcessInstanceIntent.ELEMENT_COMPLETED) == 1);
    process.awaitCompleted(instance);
  }

  private ProcessTestSupport support() {
    return new ProcessTestSupport(engine, client, clock);
  }

  @Test
  @DisplayName(
      "an unanswered call is tried again after callRetryIn; the call that reaches the lead ends"
          + " the qualification, and the qualifier is released once")
  void noAnswerThenReached() {
    process = support();
    stub(Jobs.ROUTE_LEAD, v -> assigned("quinn"));
    stub(
        Jobs.PLAN_CALL_ATTEMPT,
        v -> {
          Instant retryAt = clock.instant().plus(Duration.ofHours(4));
          return Map.of(
              "callAttempts",
              1,
              "callAttemptOutcome",
              "RETRY",
              "callRetryIn",
              "PT4H",
              "dueAt",
              retryAt.plus(Duration.ofHours(4)).toString(),
              "remindAt",
              retryAt.plus(Duration.ofHours(3)).toString());
        });
    start();
    InspectedProcessInstance instance = process.instanceOf(Processes.PHONE_QUALIFICATION, leadId);

    completeCall(leadId, Map.of("qualificationOutcome", "NO_ANSWER"));
    process.awaitWaitingAt(instance, "Event_CallRetryDue");
    process.advance(Duration.ofHours(4));
    completeCall(leadId, Map.of("qualificationOutcome", "QUALIFIED", "budget", true));

    awaitEndedAt(instance, "EndEvent_QualificationRecorded");
    long instanceKey = instance.getProcessInstanceKey();
    assertThat(process.userTaskJobsCreated(instanceKey, "UserTask_QualifyByPhone")).isEqualTo(2);
    assertThat(calls(Jobs.ROUTE_LEAD)).hasSize(1);
    assertThat(calls(Jobs.RECORD_DECISION)).hasSize(2);
    assertThat(calls(Jobs.RELEASE_ASSIGNMENT)).hasSize(1);
    assertThat(calls(Jobs.REMIND_OWNER)).isEmpty();
    // The user task of the second attempt was assigned to the same qualifier.
    assertThat(
            process
                .userTaskJob(instanceKey, "UserTask_QualifyByPhone")
                .orElseThrow()
                .getValue()
                .getCustomHeaders())
        .containsEntry("io.camunda.zeebe:assignee", "quinn");
  }

  @Test
  @DisplayName("after the last unanswered call the model gives up: the lead was not reached")
  void lastAttemptGivesUp() {
    process = support();
    stub(Jobs.ROUTE_LEAD, v -> assigned("riley"));
    stub(
        Jobs.PLAN_CALL_ATTEMPT,
        v ->
            Map.of(
                "callAttempts",
                3,
                "callAttemptOutcome",
                "GIVE_UP",
                "callRetryIn",
                "PT0S",
                "dueAt",
                clock.instant().toString(),
                "remindAt",
                clock.instant().toString()));
    start();
    InspectedProcessInstance instance = process.instanceOf(Processes.PHONE_QUALIFICATION, leadId);

    completeCall(leadId, Map.of("qualificationOutcome", "NO_ANSWER"));

    awaitEndedAt(instance, "EndEvent_LeadNotReached");
    assertThat(calls(Jobs.PLAN_CALL_ATTEMPT)).hasSize(1);
    assertThat(calls(Jobs.RELEASE_ASSIGNMENT)).hasSize(1);
  }

  @Test
  @DisplayName(
      "the SLA ladder: the owner is reminded before the deadline, the lead rerouted at it, and the"
          + " manager told when rerouting is not enough; the lead is routed again each time")
  void reminderRerouteEscalation() {
    process = support();
    List<String> owners = List.of("quinn", "riley", "quinn");
    stub(
        Jobs.ROUTE_LEAD, v -> assigned(owners.get(Math.min(calls(Jobs.ROUTE_LEAD).size(), 3) - 1)));
    stub(
        Jobs.PLAN_REROUTE,
        v -> {
          int reroutes = calls(Jobs.PLAN_REROUTE).size();
          return Map.of(
              "reroutes",
              reroutes,
              "reroute",
              true,
              "rerouteOutcome",
              reroutes > 1 ? "ESCALATE" : "REROUTE");
        });
    stub(Jobs.ESCALATE, v -> Map.of());
    start();
    InspectedProcessInstance instance = process.instanceOf(Processes.PHONE_QUALIFICATION, leadId);
    process.awaitWaitingAt(instance, "UserTask_QualifyByPhone");

    process.advance(Duration.ofHours(3));
    await().until(() -> calls(Jobs.REMIND_OWNER).size() == 1);
    assertThat(process.count(instance, "Event_SlaMissed", ProcessInstanceIntent.ELEMENT_COMPLETED))
        .isZero();

    process.advance(Duration.ofHours(1));
    await().until(() -> calls(Jobs.ROUTE_LEAD).size() == 2);
    assertThat(calls(Jobs.ROUTE_LEAD).get(1)).containsEntry("reroute", true);
    assertThat(calls(Jobs.ESCALATE)).isEmpty();

    // The second owner misses the deadline too: the manager is told, and the lead routed again.
    await()
        .until(
            () ->
                process.userTaskJobsCreated(
                        instance.getProcessInstanceKey(), "UserTask_QualifyByPhone")
                    == 2);
    process.advance(Duration.ofHours(4));
    await().until(() -> calls(Jobs.ESCALATE).size() == 1);
    await().until(() -> calls(Jobs.ROUTE_LEAD).size() == 3);
    assertThat(calls(Jobs.ESCALATE).getFirst()).containsEntry("reroutes", 2);
    process.awaitWaitingAt(instance, "UserTask_QualifyByPhone");
  }
}
