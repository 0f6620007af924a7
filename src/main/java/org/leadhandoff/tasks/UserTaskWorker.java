package org.leadhandoff.tasks;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Jobs;
import org.leadhandoff.process.LeadProcess.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts the lifecycle's human tasks (job-worker user tasks) into the inbox. It takes each task's job
 * without completing it; the job stays with the inbox for a lease and is offered again when the
 * lease runs out, which refreshes the inbox and shows that the task is still open. A person
 * completes it through the inbox API.
 */
@Component
public class UserTaskWorker {

  private static final Logger log = LoggerFactory.getLogger(UserTaskWorker.class);

  /**
   * How long the inbox holds a task's job before the engine offers it again. A task not seen again
   * within two leases was completed elsewhere (Tasklist) or ended by the process. An hour, not
   * minutes: the engine offers every open task again each lease, so at 5 minutes 20,000 open tasks
   * took 67 offers a second, as much work as the leads coming in (FlatnessBenchmark). A task leaves
   * the inbox sooner when the next one of its process arrives (a reroute, a hand-over) or when its
   * lead leaves the task's step ({@link TaskStore}).
   */
  static final Duration LEASE = Duration.ofHours(1);

  static final String HEADER_CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  static final String HEADER_ASSIGNEE = "io.camunda.zeebe:assignee";
  static final String HEADER_DUE_DATE = "io.camunda.zeebe:dueDate";

  private final TaskStore tasks;
  private final ModelCatalog models;

  UserTaskWorker(TaskStore tasks, ModelCatalog models) {
    this.tasks = tasks;
    this.models = models;
  }

  @JobWorker(
      type = Jobs.USER_TASK,
      autoComplete = false,
      fetchAllVariables = true,
      timeout = 3_600_000L /* LEASE */)
  public void offer(ActivatedJob job) {
    try {
      record(job);
    } catch (RuntimeException e) {
      // Never fail a person's task over the inbox: the lease runs out and the engine offers the
      // task again, by which time the lead store may be back.
      log.warn(
          "Task {} ({}) not put into the inbox now, retried after the lease: {}",
          job.getKey(),
          job.getElementId(),
          e.getMessage());
    }
  }

  private void record(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    Map<String, String> headers = job.getCustomHeaders();
    var definition = models.task(job.getBpmnProcessId(), job.getElementId());
    Object leadId = variables.get(Variables.LEAD_ID);
    Object priority = variables.get(Variables.PRIORITY);
    tasks.seen(
        new Task(
            job.getKey(),
            job.getProcessInstanceKey(),
            job.getBpmnProcessId(),
            job.getElementId(),
            definition.map(ModelCatalog.TaskDefinition::name).orElse(job.getElementId()),
            definition.map(ModelCatalog.TaskDefinition::formId).orElse(null),
            leadId == null ? null : UUID.fromString(leadId.toString()),
            groups(headers.get(HEADER_CANDIDATE_GROUPS)),
            blankToNull(headers.get(HEADER_ASSIGNEE)),
            due(headers.get(HEADER_DUE_DATE)),
            priority instanceof Number number ? number.intValue() : 0,
            variables,
            TaskState.OPEN,
            null,
            null,
            null,
            null));
  }

  /** Routing leaves the assignee empty when nobody is available: the task is the team's. */
  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** The engine gives candidate groups as a JSON list, e.g. ["qualifiers"]. */
  static List<String> groups(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    String inner = header.strip().replaceAll("^\\[|]$", "");
    return Arrays.stream(inner.split(","))
        .map(s -> s.strip().replaceAll("^\"|\"$", ""))
        .filter(s -> !s.isEmpty())
        .toList();
  }

  static Instant due(String header) {
    return header == null || header.isBlank() ? null : OffsetDateTime.parse(header).toInstant();
  }
}
