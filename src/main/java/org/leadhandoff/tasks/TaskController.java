package org.leadhandoff.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.process.LeadProcess;
import org.leadhandoff.security.AppRole;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.web.ApiErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task inbox: the queue, claiming, and completing a task with its form's fields. */
@RestController
@RequestMapping("/api/tasks")
@Validated
@Tag(name = "Tasks", description = "Work the phone qualification and sales acceptance tasks")
class TaskController {

  /** The most tasks read for one person's queue before their own are picked out. */
  private static final int MAX_QUEUE = 500;

  private final TaskService tasks;
  private final LeadStore leads;
  private final Clock clock;
  private final ObjectMapper json;

  private final org.leadhandoff.lead.LeadActivities activities;
  private final MessageCatalogue catalogue;

  TaskController(
      TaskService tasks,
      LeadStore leads,
      Clock clock,
      ObjectMapper json,
      org.leadhandoff.lead.LeadActivities activities,
      MessageCatalogue catalogue) {
    this.catalogue = catalogue;
    this.activities = activities;
    this.tasks = tasks;
    this.leads = leads;
    this.clock = clock;
    this.json = json;
  }

  /** A task in the queue, with who the lead is. */
  record TaskSummary(
      long id,
      String name,
      String processId,
      String formId,
      UUID leadId,
      String leadName,
      String company,
      Object temperature,
      int priority,
      Instant dueAt,
      boolean overdue,
      List<String> candidateGroups,
      String assignee,
      TaskState state,
      Instant createdAt,
      int slaMissed) {}

  /** A task with its form and the data the form starts from. */
  /**
   * @param rules what the page checks before sending, beyond the form (see TaskService.pageRules)
   */
  record TaskDetail(
      TaskSummary task, JsonNode form, Map<String, Object> data, Map<String, Object> rules) {}

  @GetMapping
  @Operation(
      summary = "Open tasks you may see, highest priority first, then the earliest due",
      description =
          "A qualifier gets the qualification queue, a sales rep the leads handed to them and the"
              + " team's unowned ones; managers see every task and may filter.")
  List<TaskSummary> queue(
      @RequestParam(required = false) @Size(max = 100, message = "must be at most 100 characters")
          String candidateGroup,
      @RequestParam(required = false) @Size(max = 100, message = "must be at most 100 characters")
          String assignee,
      @RequestParam(required = false) UUID leadId,
      @RequestParam(defaultValue = "100")
          @Min(value = 1, message = "must be 1 or more")
          @Max(value = 500, message = "must be at most 500")
          int limit,
      Authentication authentication) {
    TaskAccess access = access(authentication);
    List<Task> queue;
    // One query for all the leads of the queue: the inbox polls this every few seconds.
    Map<UUID, Lead> byId = null;
    if (leadId != null) {
      // The lead's open task, for the lead's page and the escalation mail's link.
      queue = tasks.openForLead(leadId).stream().filter(access::sees).limit(limit).toList();
    } else if (access.manager()) {
      queue = tasks.queue(blank(candidateGroup), blank(assignee), limit);
    } else if (access.group() == null) {
      queue = List.of();
    } else {
      List<Task> seen = tasks.queue(access.group(), null, MAX_QUEUE);
      // The territory filter reads the leads' countries and sizes; the summaries reuse them.
      byId = leadsOf(seen);
      var outsideTerritory = tasks.outsideTerritory(access.user(), byId);
      queue =
          seen.stream()
              .filter(access::sees)
              // A lead the rep sent on as not theirs waits for a colleague, not for them.
              .filter(task -> !tasks.sentOnBy(task, access.user()))
              // An unowned lead of a country or size they do not cover waits for those who do.
              .filter(outsideTerritory.negate())
              .limit(limit)
              .toList();
    }
    Map<UUID, Lead> known = byId == null ? leadsOf(queue) : byId;
    return queue.stream().map(task -> summary(task, known.get(task.leadId()))).toList();
  }

  private Map<UUID, Lead> leadsOf(List<Task> queue) {
    return leads.find(queue.stream().map(Task::leadId).filter(java.util.Objects::nonNull).toList());
  }

  /**
   * A decision the signed-in person made on a task, with where the lead is now.
   *
   * @param decision the outcome as a code (ACCEPT, REJECT, QUALIFIED, DISQUALIFIED, ...)
   * @param reason the reason as a code (rejection and disqualification reasons) or in words (a
   *     deal's amount and close date, what the scoring got wrong)
   * @param owner who works the lead now (see GET /api/leads/{id})
   */
  record MyDecision(
      UUID leadId,
      String leadName,
      String company,
      String role,
      String decision,
      String reason,
      String reasonCode,
      Map<String, Object> reasonFacts,
      Instant decidedAt,
      org.leadhandoff.lead.Stage stage,
      String owner) {}

  @GetMapping("/decisions")
  @Operation(
      summary = "Your own leads: what you accepted, rejected, qualified or disqualified, and why",
      description =
          "The signed-in person's decisions on tasks, latest first, each with the lead's stage and"
              + " owner now (an accepted lead that is still an opportunity is yours).")
  List<MyDecision> decisions(
      @RequestParam(defaultValue = "200")
          @Min(value = 1, message = "must be 1 or more")
          @Max(value = 1000, message = "must be at most 1000")
          int limit,
      Authentication authentication) {
    var mine = activities.decisionsBy(authentication.getName(), limit);
    var ids = mine.stream().map(org.leadhandoff.lead.LeadActivity::leadId).toList();
    Map<UUID, Lead> byId = leads.find(ids);
    Map<UUID, String> owners = leads.owners(ids);
    return mine.stream()
        .filter(a -> byId.containsKey(a.leadId()))
        .map(
            a -> {
              Lead lead = byId.get(a.leadId());
              return new MyDecision(
                  a.leadId(),
                  lead.displayName(),
                  lead.contact().company(),
                  a.role(),
                  a.code(),
                  a.detail(),
                  a.whyCode(),
                  org.leadhandoff.system.Why.facts(a.whyFacts()),
                  a.occurredAt(),
                  lead.stage(),
                  owners.get(a.leadId()));
            })
        .toList();
  }

  @GetMapping("/{taskId}")
  @Operation(summary = "A task, its form (the .form that Tasklist shows) and its data")
  TaskDetail task(@PathVariable long taskId, Authentication authentication) {
    Task task = access(authentication).visible(tasks.task(taskId));
    JsonNode form = tasks.form(task).map(this::parse).orElse(null);
    return new TaskDetail(summary(task), form, task.variables(), tasks.pageRules(task));
  }

  @PostMapping("/{taskId}/claim")
  @Operation(summary = "Claim a task: it is yours to complete")
  TaskSummary claim(@PathVariable long taskId, Authentication authentication) {
    return summary(tasks.claim(taskId, access(authentication)));
  }

  @PostMapping("/{taskId}/unclaim")
  @Operation(summary = "Give a claimed task back to the queue")
  TaskSummary unclaim(@PathVariable long taskId, Authentication authentication) {
    return summary(tasks.unclaim(taskId, access(authentication)));
  }

  /** Whom a task goes to: a person's roster id, or nothing for the team queue. */
  record HandOverRequest(String to, String reason) {}

  @PostMapping("/{taskId}/hand-over")
  @Operation(
      summary = "Hand a task to someone, take it over, or return it to the team queue",
      description =
          "Managers hand any task to an active person of its role (\"to\": their roster id), take it"
              + " over themselves (their own id), or return it to the team queue (no \"to\"). A"
              + " qualifier or rep may only return a task of theirs. The task ends; the lead is"
              + " routed as asked, the reason goes to the routing log and the timeline, and the old"
              + " and new owner are mailed. Handed to a person, the task is due after the role's"
              + " full SLA from now; returned to the queue, it keeps its deadline.")
  TaskService.HandedOver handOver(
      @PathVariable long taskId,
      @RequestBody(required = false) HandOverRequest request,
      Authentication authentication) {
    String to = request == null ? null : blank(request.to());
    String reason = request == null ? null : blank(request.reason());
    return tasks.handOver(taskId, access(authentication), to, reason);
  }

  /**
   * @param taskIds the tasks to hand over (at most 200), each handed as a single one would be
   */
  record HandOverManyRequest(
      @jakarta.validation.constraints.NotEmpty(message = "must name at least one task")
          @jakarta.validation.constraints.Size(max = 200, message = "must be at most 200 tasks")
          List<Long> taskIds,
      String to,
      String reason) {}

  /**
   * What became of each task of a hand-over of many: handed over, or why not (gone, another role,
   * not yours to hand over), so that one refusal does not stop the others.
   */
  record HandOverOutcome(
      long taskId, boolean handedOver, TaskService.HandedOver result, int status, String why) {}

  @PostMapping("/hand-over")
  @Operation(
      summary = "Hand many tasks to someone, take them over, or return them to the team queue",
      description =
          "The same as the hand-over of one task, for each task named (a rep who leaves, a qualifier"
              + " who is ill): each is handed over or refused on its own, with the reason why.")
  List<HandOverOutcome> handOverMany(
      @jakarta.validation.Valid @RequestBody HandOverManyRequest request,
      Authentication authentication,
      HttpServletRequest http) {
    Locale language = catalogue.language(http.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    TaskAccess who = access(authentication);
    String to = blank(request.to());
    String reason = blank(request.reason());
    List<HandOverOutcome> outcomes = new java.util.ArrayList<>();
    for (Long taskId : new java.util.LinkedHashSet<>(request.taskIds())) {
      try {
        outcomes.add(
            new HandOverOutcome(taskId, true, tasks.handOver(taskId, who, to, reason), 200, null));
      } catch (TaskValidationException refused) {
        outcomes.add(
            new HandOverOutcome(
                taskId,
                false,
                null,
                400,
                String.join(
                    "; ",
                    refused.problems().stream()
                        .map(p -> catalogue.explain(language, p.why()))
                        .toList())));
      } catch (TaskConflictException gone) {
        outcomes.add(
            new HandOverOutcome(taskId, false, null, 409, catalogue.explain(language, gone.why())));
      } catch (TaskNotFoundException missing) {
        outcomes.add(new HandOverOutcome(taskId, false, null, 404, missing.getMessage()));
      } catch (org.leadhandoff.web.ApiException refused) {
        outcomes.add(
            new HandOverOutcome(
                taskId, false, null, refused.status().value(), refused.getMessage()));
      }
    }
    return outcomes;
  }

  @PostMapping("/{taskId}/complete")
  @Operation(
      summary = "Complete a task with the form's fields",
      description =
          "The fields are checked against the task's form (required fields, allowed values, hidden"
              + " fields) and its rules (a REJECT needs its reason and the prescribed follow-ups). A"
              + " refused completion is 400 with each problem; the task stays open.")
  TaskSummary complete(
      @PathVariable long taskId,
      @RequestBody Map<String, Object> fields,
      Authentication authentication) {
    return summary(tasks.complete(taskId, access(authentication), fields));
  }

  private static TaskAccess access(Authentication authentication) {
    return new TaskAccess(authentication.getName(), AppRole.of(authentication.getAuthorities()));
  }

  /**
   * One refused field: the sentence in the reader's language (Accept-Language; the pages send
   * theirs) and, for programs and pages, its code and facts.
   */
  record FieldRefusal(String field, String message, String code, Map<String, Object> facts) {}

  @ExceptionHandler(TaskValidationException.class)
  ResponseEntity<ProblemDetail> invalid(TaskValidationException e, HttpServletRequest request) {
    Locale language = catalogue.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    List<FieldRefusal> errors =
        e.problems().stream()
            .map(
                p ->
                    new FieldRefusal(
                        p.field(),
                        catalogue.explain(language, p.why()),
                        p.why().code(),
                        p.why().facts()))
            .toList();
    ProblemDetail problem =
        ApiErrors.problem(
            HttpStatus.BAD_REQUEST,
            catalogue.text(language, "problem.taskNotCompleted"),
            catalogue.text(
                language,
                "problem.taskStaysOpen",
                Map.of(
                    "problems",
                    String.join("; ", errors.stream().map(FieldRefusal::message).toList()))),
            null);
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(TaskNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(TaskNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ApiErrors.problem(HttpStatus.NOT_FOUND, "Unknown task", e.getMessage(), null));
  }

  @ExceptionHandler(TaskConflictException.class)
  ResponseEntity<ProblemDetail> conflict(TaskConflictException e, HttpServletRequest request) {
    Locale language = catalogue.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    ProblemDetail problem =
        ApiErrors.problem(
            HttpStatus.CONFLICT,
            catalogue.text(language, "problem.taskNotAvailable"),
            catalogue.explain(language, e.why()),
            null);
    problem.setProperty("code", e.why().code());
    problem.setProperty("facts", e.why().facts());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  private TaskSummary summary(Task task) {
    return summary(task, task.leadId() == null ? null : leads.find(task.leadId()).orElse(null));
  }

  private TaskSummary summary(Task task, Lead lead) {
    return new TaskSummary(
        task.id(),
        task.name(),
        task.processId(),
        task.formId(),
        task.leadId(),
        lead == null ? null : lead.displayName(),
        lead == null ? null : lead.contact().company(),
        task.variables().get(LeadProcess.Variables.TEMPERATURE),
        task.priority(),
        task.dueAt(),
        task.dueAt() != null
            && task.state() == TaskState.OPEN
            && task.dueAt().isBefore(clock.instant()),
        task.candidateGroups(),
        task.assignee(),
        task.state(),
        task.createdAt(),
        slaMissed(task));
  }

  /**
   * How often this lead's task for the role has passed its deadline (a rep who rejected it as not
   * theirs rerouted it without a miss).
   */
  private static int slaMissed(Task task) {
    Object misses = task.variables().get(LeadProcess.Variables.SLA_MISSES);
    return misses instanceof Number n ? n.intValue() : 0;
  }

  private JsonNode parse(String form) {
    try {
      return json.readTree(form);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
