package org.leadhandoff.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leadhandoff.process.LeadProcess;
import org.leadhandoff.process.LeadProcess.Forms;
import org.leadhandoff.process.LeadProcess.Variables;
import org.leadhandoff.process.Outcomes.SalesDecision;
import org.leadhandoff.tasks.FormValidator.Problem;
import org.springframework.stereotype.Service;

/**
 * Claims and completes the inbox's tasks. A completion is checked against the task's form (as the
 * browser checks it) and against the rules a form cannot express; a refused completion leaves the
 * task open and says what is missing.
 */
@Service
public class TaskService {

  private final TaskStore tasks;
  private final ModelCatalog models;
  private final CamundaClient client;
  private final TaskProperties properties;
  private final Clock clock;
  private final ObjectMapper json;

  TaskService(
      TaskStore tasks,
      ModelCatalog models,
      CamundaClient client,
      TaskProperties properties,
      Clock clock,
      ObjectMapper json) {
    this.tasks = tasks;
    this.models = models;
    this.client = client;
    this.properties = properties;
    this.clock = clock;
    this.json = json;
  }

  public List<Task> queue(String candidateGroup, String assignee, int limit) {
    return tasks.open(candidateGroup, assignee, limit);
  }

  public Task task(long id) {
    return tasks.find(id).orElseThrow(() -> new TaskNotFoundException(id));
  }

  public Optional<String> form(Task task) {
    return task.formId() == null ? Optional.empty() : models.form(task.formId());
  }

  /**
   * @throws org.leadhandoff.web.ApiException 403 when the task is not in the person's queue
   */
  public Task claim(long id, TaskAccess who) {
    String user = who.user();
    Task task = open(who.visible(task(id)));
    if (task.assignee() != null && !task.assignee().equals(user)) {
      throw new TaskConflictException(
          "Task "
              + id
              + " is claimed by "
              + task.assignee()
              + "; ask them, or a manager, to hand it over.");
    }
    tasks.assign(id, user);
    return task(id);
  }

  public Task unclaim(long id, TaskAccess who) {
    String user = who.user();
    Task task = open(who.visible(task(id)));
    if (task.assignee() != null && !task.assignee().equals(user)) {
      throw new TaskConflictException(
          "Task " + id + " is claimed by " + task.assignee() + ", not by " + user + ".");
    }
    tasks.assign(id, null);
    return task(id);
  }

  /**
   * Completes the task with the form's fields, or refuses with every problem found.
   *
   * @throws TaskValidationException when the fields do not satisfy the form or its rules
   */
  public Task complete(long id, TaskAccess who, Map<String, Object> fields) {
    String user = who.user();
    Task task = open(who.visible(task(id)));
    if (task.assignee() != null && !task.assignee().equals(user)) {
      throw new TaskConflictException(
          "Task " + id + " is claimed by " + task.assignee() + "; only they can complete it.");
    }
    String formJson =
        form(task).orElseThrow(() -> new IllegalStateException("Task " + id + " has no form"));
    FormValidator form = new FormValidator(json, formJson);
    FormValidator.Result result = form.validate(task.variables(), fields);
    List<Problem> problems = new ArrayList<>(result.problems());
    if (result.valid()) {
      problems.addAll(rules(task, form, result.variables()));
    }
    if (!problems.isEmpty()) {
      throw new TaskValidationException(problems);
    }
    // Who decided goes with the decision, for the lead's timeline (Tasklist does not say).
    Map<String, Object> variables = new java.util.HashMap<>(result.variables());
    variables.put(LeadProcess.Variables.COMPLETED_BY, user);
    try {
      client.newCompleteCommand(task.id()).variables(variables).send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.NOT_FOUND) {
        tasks.gone(id);
        throw new TaskConflictException(
            "Task "
                + id
                + " is no longer open: it was completed in Tasklist or ended by the process.");
      }
      throw e;
    }
    tasks.completed(id, user);
    return task(id);
  }

  /** The rules a form cannot express: dates not in the past, the prescribed follow-ups. */
  private List<Problem> rules(Task task, FormValidator form, Map<String, Object> values) {
    List<Problem> problems = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    notBefore(values, Variables.REVISIT_DATE, "Revisit on", today, problems);
    notBefore(values, Variables.EXPECTED_CLOSE_DATE, "Expected close date", today, problems);
    if (Forms.SALES_ACCEPTANCE.equals(task.formId())
        && SalesDecision.REJECT.name().equals(values.get(Variables.SALES_DECISION))) {
      Object done = values.get(Variables.FOLLOW_UPS_DONE);
      List<String> missing = new ArrayList<>(properties.prescribedFollowUps());
      if (done instanceof List<?> list) {
        missing.removeAll(list);
      }
      if (!missing.isEmpty()) {
        Map<String, String> labels = form.valueLabels(Variables.FOLLOW_UPS_DONE);
        problems.add(
            new Problem(
                Variables.FOLLOW_UPS_DONE,
                "Before rejecting, do and tick the prescribed follow-ups; missing: "
                    + String.join(
                        ", ", missing.stream().map(m -> labels.getOrDefault(m, m)).toList())));
      }
    }
    return problems;
  }

  private static void notBefore(
      Map<String, Object> values,
      String key,
      String label,
      LocalDate today,
      List<Problem> problems) {
    if (values.get(key) instanceof String text && LocalDate.parse(text).isBefore(today)) {
      problems.add(new Problem(key, label + " must be today or later"));
    }
  }

  private Task open(Task task) {
    if (task.state() != TaskState.OPEN || !tasks.fresh(task)) {
      throw new TaskConflictException(
          "Task "
              + task.id()
              + " is no longer open"
              + (task.state() == TaskState.COMPLETED
                  ? ": it was completed by " + task.completedBy() + "."
                  : ": it was completed in Tasklist or ended by the process."));
    }
    return task;
  }
}
