package org.leadhandoff.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess;
import org.leadhandoff.process.LeadProcess.Forms;
import org.leadhandoff.process.LeadProcess.Variables;
import org.leadhandoff.process.Outcomes.SalesDecision;
import org.leadhandoff.routing.Rep;
import org.leadhandoff.routing.Role;
import org.leadhandoff.routing.RosterStore;
import org.leadhandoff.system.Why;
import org.leadhandoff.tasks.FormValidator.Problem;
import org.leadhandoff.web.ApiException;
import org.springframework.http.HttpStatus;
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
  private final RosterStore roster;

  TaskService(
      TaskStore tasks,
      ModelCatalog models,
      CamundaClient client,
      TaskProperties properties,
      Clock clock,
      ObjectMapper json,
      RosterStore roster,
      org.leadhandoff.routing.SlaSettings sla,
      org.leadhandoff.lead.LeadStore leads,
      org.leadhandoff.scoring.ScoringCriteria criteria) {
    this.sla = sla;
    this.leads = leads;
    this.criteria = criteria;
    this.tasks = tasks;
    this.models = models;
    this.client = client;
    this.properties = properties;
    this.clock = clock;
    this.json = json;
    this.roster = roster;
  }

  private final org.leadhandoff.routing.SlaSettings sla;
  private final org.leadhandoff.lead.LeadStore leads;
  private final org.leadhandoff.scoring.ScoringCriteria criteria;

  /** What a hand-over did: the task ended, and the lead goes to {@code to} (null: the queue). */
  public record HandedOver(long taskId, UUID leadId, String to, String toName) {}

  /** The longest reason a hand-over keeps. */
  static final int MAX_REASON = 500;

  /**
   * Hands the task to a person of its role, to the manager who takes it over, or to the team queue
   * (to is null). A manager may hand over any task; anyone else only gives their own back to the
   * queue. The task ends in the process, which routes the lead as asked and records who and why.
   *
   * @throws org.leadhandoff.web.ApiException 403 for someone who may not, 400 for a wrong person
   */
  public HandedOver handOver(long id, TaskAccess who, String to, String reason) {
    Task task = open(who.visible(task(id)));
    Role role = Role.ofProcess(task.processId());
    String owner = owner(task, role);
    if (!who.manager() && (to != null || !who.user().equals(owner))) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "Not yours to hand over",
          "Only a sales manager can hand a task to someone; you can give a task of yours back to"
              + " the team queue.");
    }
    if (reason != null && reason.length() > MAX_REASON) {
      throw new TaskValidationException(
          List.of(
              new Problem(
                  "reason", Why.of("FIELD_MAX_LENGTH", "label", "reason", "count", MAX_REASON))));
    }
    Rep target = to == null ? null : target(to, role, who);
    if (target != null && target.id().equals(owner)) {
      throw new TaskValidationException(
          List.of(new Problem("to", Why.of("ALREADY_THEIRS", "name", target.name()))));
    }
    if (target == null && owner == null) {
      throw new TaskValidationException(List.of(new Problem("to", Why.of("ALREADY_IN_QUEUE"))));
    }
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put(Variables.HAND_OVER_TO, target == null ? "" : target.id());
    variables.put(Variables.HAND_OVER_BY, who.user());
    variables.put(Variables.HAND_OVER_REASON, reason == null ? "" : reason.strip());
    // Correlated at once or not at all: a task that ended meanwhile needs no hand-over. The
    // message id keeps a double click from handing over twice.
    client
        .newPublishMessageCommand()
        .messageName(LeadProcess.Messages.handedOver(task.processId()))
        .correlationKey(task.leadId().toString())
        .messageId("hand-over:" + id)
        .timeToLive(Duration.ZERO)
        .variables(variables)
        .send()
        .join();
    tasks.gone(id);
    return new HandedOver(
        id,
        task.leadId(),
        target == null ? null : target.id(),
        target == null ? null : target.name());
  }

  /** Who owns the task: routing's owner of the lead for the role, else whoever claimed it. */
  private String owner(Task task, Role role) {
    return roster.openOwner(task.leadId(), role).orElse(task.assignee());
  }

  private Rep target(String to, Role role, TaskAccess who) {
    Rep rep =
        roster
            .find(to)
            .orElseThrow(
                () ->
                    new TaskValidationException(
                        List.of(new Problem("to", Why.of("NOT_ON_ROSTER", "to", to)))));
    if (!rep.active()) {
      throw new TaskValidationException(
          List.of(new Problem("to", Why.of("NOT_ACTIVE", "name", rep.name()))));
    }
    boolean takeOver = rep.role() == Role.MANAGER && rep.id().equals(who.user());
    if (rep.role() != role && !takeOver) {
      throw new TaskValidationException(
          List.of(
              new Problem("to", Why.of("WRONG_ROLE", "name", rep.name(), "role", role.name()))));
    }
    return rep;
  }

  public List<Task> queue(String candidateGroup, String assignee, int limit) {
    return tasks.open(candidateGroup, assignee, limit);
  }

  public List<Task> openForLead(UUID leadId) {
    return tasks.openForLead(leadId);
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
          Why.of("CLAIMED_BY", "task", String.valueOf(id), "assignee", nameOf(task.assignee())));
    }
    notSentOnBy(task, user);
    if (task.leadId() != null
        && outsideTerritory(task, user, leads.find(task.leadId()).orElse(null))) {
      throw new TaskConflictException(Why.of("OUTSIDE_TERRITORY", "task", String.valueOf(id)));
    }
    tasks.assign(id, user);
    return task(id);
  }

  /**
   * Gives the task back: a task routing gave this person goes back to the team queue through the
   * process (their capacity is freed, the manager's view shows it); one they only claimed from the
   * queue is simply unclaimed.
   */
  public Task unclaim(long id, TaskAccess who) {
    String user = who.user();
    Task task = open(who.visible(task(id)));
    if (user.equals(
        roster.openOwner(task.leadId(), Role.ofProcess(task.processId())).orElse(null))) {
      handOver(id, who, null, null);
      return task(id);
    }
    if (task.assignee() != null && !task.assignee().equals(user)) {
      throw new TaskConflictException(
          Why.of(
              "CLAIMED_NOT_BY",
              "task",
              String.valueOf(id),
              "assignee",
              nameOf(task.assignee()),
              "user",
              nameOf(user)));
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
          Why.of(
              "ONLY_ASSIGNEE_COMPLETES",
              "task",
              String.valueOf(id),
              "assignee",
              nameOf(task.assignee())));
    }
    notSentOnBy(task, user);
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
        throw new TaskConflictException(gone(task));
      }
      throw e;
    }
    tasks.completed(id, user);
    return task(id);
  }

  /**
   * What the page checks before it sends a completion, beside the form's own rules: for the sales
   * acceptance, the follow-ups a rejection needs ticked. The server checks them again ({@link
   * #complete}); the page only spares the rep a refused round trip.
   */
  public Map<String, Object> pageRules(Task task) {
    return Forms.SALES_ACCEPTANCE.equals(task.formId())
        ? Map.of(FOLLOW_UPS_BEFORE_REJECT, properties.prescribedFollowUps())
        : Map.of();
  }

  /** The rule's name in {@link #pageRules}: the follow-up values a rejection needs ticked. */
  static final String FOLLOW_UPS_BEFORE_REJECT = "followUpsBeforeReject";

  /** The rules a form cannot express: dates not in the past, the prescribed follow-ups. */
  private List<Problem> rules(Task task, FormValidator form, Map<String, Object> values) {
    List<Problem> problems = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    notBefore(form, values, Variables.REVISIT_DATE, today, problems);
    notBefore(form, values, Variables.EXPECTED_CLOSE_DATE, today, problems);
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
                Why.of(
                    "FOLLOW_UPS_MISSING",
                    "missing",
                    missing.stream().map(m -> labels.getOrDefault(m, m)).toList(),
                    "missingKeys",
                    missing.stream()
                        .map(
                            m ->
                                "form." + task.formId() + "." + Variables.FOLLOW_UPS_DONE + "." + m)
                        .toList(),
                    "codes",
                    missing)));
      }
    }
    return problems;
  }

  private static void notBefore(
      FormValidator form,
      Map<String, Object> values,
      String key,
      LocalDate today,
      List<Problem> problems) {
    if (values.get(key) instanceof String text && LocalDate.parse(text).isBefore(today)) {
      problems.add(
          new Problem(
              key, form.labelled(key, Why.of("FIELD_NOT_BEFORE_TODAY", "label", form.label(key)))));
    }
  }

  private Task open(Task task) {
    if (task.state() != TaskState.OPEN || !tasks.fresh(task)) {
      throw new TaskConflictException(
          task.state() == TaskState.COMPLETED
              ? Why.of(
                  "COMPLETED_BY",
                  "task",
                  String.valueOf(task.id()),
                  "by",
                  nameOf(task.completedBy()))
              : gone(task));
    }
    return task;
  }

  /**
   * Why a task is not open any more, as its reader needs it: with whom the lead's task of the role
   * is now, when someone has it (handed over, rerouted), else that the lead has moved on.
   */
  private Why gone(Task task) {
    // Still with the same person: not moved on to someone, the task itself is gone (an engine that
    // lost it): "it is with you now" would be no answer.
    Optional<String> now =
        task.leadId() == null
            ? Optional.empty()
            : roster
                .openOwner(task.leadId(), Role.ofProcess(task.processId()))
                .filter(owner -> !owner.equals(task.assignee()));
    return now.map(
            owner -> Why.of("NOW_WITH", "task", String.valueOf(task.id()), "owner", nameOf(owner)))
        .orElse(Why.of("NO_LONGER_OPEN", "task", String.valueOf(task.id())));
  }

  /**
   * A rep who sent the lead on as not theirs (wrong territory, a conflict) does not take it back
   * from the team queue: routing passes them by, and so does the queue. A manager's hand-over to
   * them still counts (the task is then theirs).
   */
  private void notSentOnBy(Task task, String user) {
    if (sentOnBy(task, user)) {
      throw new TaskConflictException(Why.of("SENT_ON_BY_YOU", "task", String.valueOf(task.id())));
    }
  }

  /**
   * Whether the task waits in the sales team queue because this rep said the lead is not theirs
   * (wrong territory, a conflict): not theirs to take back, so not offered to them either.
   */
  public boolean sentOnBy(Task task, String user) {
    return task.leadId() != null
        && task.assignee() == null
        && Role.ofProcess(task.processId()) == Role.SALES_REP
        && roster.saidNotMine(task.leadId(), user, sla.repSpecificRejections());
  }

  /**
   * Whether an unowned task's lead lies outside what this person covers (its country, its company
   * size) while someone else of the role on the roster covers it: it waits in the team queue for
   * those, as routing would have given it to them. A lead nobody covers is everyone's; a manager's
   * hand-over still counts (the task is then the person's).
   */
  public boolean outsideTerritory(Task task, String user, org.leadhandoff.lead.Lead lead) {
    return lead != null && outsideTerritory(user, Map.of(lead.id(), lead)).test(task);
  }

  /** The same for a queue's tasks and their leads, reading the roster once. */
  public java.util.function.Predicate<Task> outsideTerritory(
      String user, Map<UUID, org.leadhandoff.lead.Lead> leadsById) {
    Optional<Rep> person = roster.find(user);
    if (person.isEmpty()) {
      return task -> false;
    }
    List<Rep> everyone = roster.all();
    return task -> {
      Role role = Role.ofProcess(task.processId());
      org.leadhandoff.lead.Lead lead = task.leadId() == null ? null : leadsById.get(task.leadId());
      if (task.assignee() != null || lead == null || role == null) {
        return false;
      }
      String country = lead.contact().country();
      String segment = criteria.classification().segment(lead.contact().companySize());
      if (person.get().covers(country) && person.get().serves(segment)) {
        return false;
      }
      return everyone.stream()
          .anyMatch(r -> r.role() == role && r.active() && r.covers(country) && r.serves(segment));
    };
  }

  /** A person as their colleagues know them: the roster's name, else the user name. */
  private String nameOf(String user) {
    return user == null ? null : roster.find(user).map(Rep::name).orElse(user);
  }
}
