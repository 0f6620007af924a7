package org.leadhandoff.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.LeadProcess.Messages;
import org.leadhandoff.process.LeadProcess.Processes;

/**
 * The baselines, on the application's own engine: B1 is the product's models (bpmn/ and forms/,
 * renamed with a "b1-" prefix so they do not meet the real ones) with workers that complete at
 * once, and B0 a bare start-to-end process. The B1 qualification task reaches the inbox through the
 * application's own user-task worker, as P's does, so both are measured at the same point.
 *
 * <p>Why not a second engine: two in-memory engines in one JVM corrupted each other's job batches
 * ("Could not deserialize object [JobBatchRecord]") and lost leads.
 */
final class BaselineModels implements AutoCloseable {

  static final String PREFIX = "b1-";
  static final String B0_PROCESS = "bench-start-end";
  static final String B1_QUALIFICATION = PREFIX + Processes.PHONE_QUALIFICATION;

  private static final Pattern JOB_TYPE = Pattern.compile("(?<![:\\w])type=\"([a-z][a-z-]*)\"");

  private final CamundaClient client;
  private final List<JobWorker> workers = new ArrayList<>();

  /** Whether the workers get their jobs streamed (as the application's, when configured so). */
  private final boolean streaming;

  /**
   * What "Score lead engagement" answers: MQL sends the lifecycle on to its qualification task,
   * NOT_YET keeps it waiting for engagement, where an imported lead without activity waits.
   */
  private final String engagementOutcome;

  /** Jobs completed per job type (without the prefix), counted when the engine has taken them. */
  private final Map<String, AtomicLong> completed = new ConcurrentHashMap<>();

  BaselineModels(CamundaClient client, boolean streaming) {
    this(client, streaming, "MQL");
  }

  BaselineModels(CamundaClient client, boolean streaming, String engagementOutcome) {
    this.client = client;
    this.streaming = streaming;
    this.engagementOutcome = engagementOutcome;
    deploy();
    openWorkers();
  }

  /** How many jobs of this type (without the prefix) the engine has taken as completed. */
  long completed(String jobType) {
    return completed.computeIfAbsent(jobType, t -> new AtomicLong()).get();
  }

  private static String rename(String text) {
    for (String process :
        List.of(Processes.LEAD_LIFECYCLE, Processes.PHONE_QUALIFICATION, Processes.SALES_HANDOFF)) {
      text = text.replace("\"" + process + "\"", "\"" + PREFIX + process + "\"");
    }
    text = text.replace("\"Msg_", "\"" + PREFIX + "Msg_");
    return JOB_TYPE.matcher(text).replaceAll("type=\"" + PREFIX + "$1\"");
  }

  private void deploy() {
    var deploy =
        client
            .newDeployResourceCommand()
            .addProcessModel(
                Bpmn.createExecutableProcess(B0_PROCESS).startEvent().endEvent().done(),
                B0_PROCESS + ".bpmn");
    try (Stream<Path> files =
        Stream.concat(Files.list(Path.of("bpmn")), Files.list(Path.of("forms")))) {
      for (Path file : files.toList()) {
        deploy =
            deploy.addResourceStringUtf8(
                rename(Files.readString(file, StandardCharsets.UTF_8)),
                PREFIX + file.getFileName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    deploy.send().join();
  }

  /** Every job of the models completes at once, with the variables its gateways read. */
  private void openWorkers() {
    String due = Instant.now().plus(Duration.ofDays(30)).toString();
    Map<String, Map<String, Object>> results =
        Map.of(
            Jobs.SCORE_FIT,
            Map.of(
                "fitOutcome", "IN_PROFILE",
                "fitGrade", "A",
                "fitSummary", "fit",
                "outOfProfileCloseAfter", "P30D"),
            Jobs.SCORE_ENGAGEMENT,
            Map.of(
                "engagementOutcome", engagementOutcome,
                "engagementSummary", "hand-raise",
                "engagementRescoreIn", "P7D"),
            Jobs.CLASSIFY_LEAD,
            Map.of(
                "temperature", "HOT",
                "priority", 90,
                "sourceCategory", "MARKETING",
                "fitPoints", 80,
                "engagementPoints", 30),
            Jobs.ROUTE_LEAD,
            Map.of("assignee", "quinn", "dueAt", due, "remindAt", due));
    for (String type :
        List.of(
            Jobs.RECORD_STAGE,
            Jobs.SCORE_FIT,
            Jobs.SCORE_ENGAGEMENT,
            Jobs.CLASSIFY_LEAD,
            Jobs.ROUTE_LEAD,
            Jobs.RECORD_DECISION,
            Jobs.RELEASE_ASSIGNMENT)) {
      Map<String, Object> variables = results.getOrDefault(type, Map.of());
      AtomicLong done = completed.computeIfAbsent(type, t -> new AtomicLong());
      workers.add(
          client
              .newWorker()
              .jobType(PREFIX + type)
              .handler(
                  (jobClient, job) ->
                      jobClient
                          .newCompleteCommand(job.getKey())
                          .variables(variables)
                          .send()
                          .thenRun(done::incrementAndGet))
              .streamEnabled(streaming)
              .open());
    }
  }

  /** B1: what the outbox would publish for a captured lead. */
  void capture(UUID leadId) {
    client
        .newPublishMessageCommand()
        .messageName(PREFIX + Messages.LEAD_CAPTURED)
        .correlationKey(leadId.toString())
        .messageId(PREFIX + "captured:" + leadId)
        .variables(
            Map.of("leadId", leadId.toString(), "leadUrl", "http://localhost/leads/" + leadId))
        .send()
        .join();
  }

  /**
   * B0: one bare instance. A start-to-end process ends in the processing of its creation, so the
   * answer to the create command comes when it has run. (Waiting for the result with withResult()
   * hung for the client's 20 s now and then under load on the in-memory engine.)
   */
  void startToEnd() {
    client.newCreateInstanceCommand().bpmnProcessId(B0_PROCESS).latestVersion().send().join();
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }
}
