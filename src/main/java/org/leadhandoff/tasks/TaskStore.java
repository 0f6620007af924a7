package org.leadhandoff.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.leadhandoff.process.LeadProcess.Processes;
import org.leadhandoff.routing.Role;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The inbox's tasks in the lead store. */
@Repository
class TaskStore {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectMapper json;

  TaskStore(JdbcClient jdbc, Clock clock, ObjectMapper json) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = json;
  }

  /** Records a task the worker saw, or refreshes it; a task completed here stays completed. */
  @Transactional
  void seen(Task task) {
    int updated =
        jdbc.sql(
                """
                update user_task set variables = ?, due_at = ?, priority = ?, candidate_groups = ?,
                                     last_seen_at = ?,
                                     state = case when state = 'GONE' then 'OPEN' else state end
                where job_key = ?
                """)
            .params(
                write(task.variables()),
                Timestamps.utc(task.dueAt()),
                task.priority(),
                String.join(",", task.candidateGroups()),
                Timestamps.now(clock),
                task.id())
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into user_task (job_key, process_instance, process_id, element_id, name, form_id,
                                     lead_id, candidate_groups, assignee, due_at, priority, variables,
                                     state, created_at, last_seen_at)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)
              """)
          .params(
              task.id(),
              task.processInstanceKey(),
              task.processId(),
              task.elementId(),
              task.name(),
              task.formId(),
              task.leadId(),
              String.join(",", task.candidateGroups()),
              task.assignee(),
              Timestamps.utc(task.dueAt()),
              task.priority(),
              write(task.variables()),
              Timestamps.now(clock),
              Timestamps.now(clock))
          .update();
      // A process has one person's task at a time: a new one (after a reroute, an escalation, a
      // call attempt) means the one before has ended, so it leaves the inbox now rather than
      // when its lease runs out.
      jdbc.sql(
              """
              update user_task set state = 'GONE'
              where process_instance = ? and job_key <> ? and state = 'OPEN'
              """)
          .params(task.processInstanceKey(), task.id())
          .update();
    }
  }

  Optional<Task> find(long id) {
    return jdbc.sql("select * from user_task where job_key = ?")
        .param(id)
        .query(this::task)
        .optional();
  }

  /**
   * A handoff task shows only while its lead is at the task's step (the qualifier's while it is an
   * SAL, the rep's while it is an SQL): a lead disqualified, recycled or converted elsewhere while
   * its task was open leaves the inbox at once, not when the task's lease runs out.
   */
  private static final String LEAD_AT_STEP =
      """
       and (user_task.process_id not in ('%1$s', '%3$s')
            or exists (select 1 from lead l where l.id = user_task.lead_id
                       and l.stage = case user_task.process_id when '%1$s' then '%2$s'
                                                               when '%3$s' then '%4$s' end))
      """
          .formatted(
              Processes.PHONE_QUALIFICATION,
              Role.QUALIFIER.step().name(),
              Processes.SALES_HANDOFF,
              Role.SALES_REP.step().name());

  /** The lead's open tasks that the inbox shows now. */
  List<Task> openForLead(java.util.UUID leadId) {
    return jdbc.sql(
            "select * from user_task where lead_id = ? and state = 'OPEN' and last_seen_at >= ?"
                + LEAD_AT_STEP)
        .params(leadId, Timestamps.utc(freshSince()))
        .query(this::task)
        .list();
  }

  /**
   * Open tasks, highest priority first, then the earliest due.
   *
   * @param candidateGroup only tasks offered to this group, if given
   * @param assignee only tasks claimed by this person, if given
   */
  List<Task> open(String candidateGroup, String assignee, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select * from user_task where state = 'OPEN' and last_seen_at >= :fresh"
                + LEAD_AT_STEP);
    if (candidateGroup != null) {
      sql.append(" and (',' || candidate_groups || ',') like :group");
    }
    if (assignee != null) {
      sql.append(" and assignee = :assignee");
    }
    sql.append(
        " order by priority desc, case when due_at is null then 1 else 0 end, due_at, created_at fetch first :limit rows only");
    var query =
        jdbc.sql(sql.toString()).param("fresh", Timestamps.utc(freshSince())).param("limit", limit);
    if (candidateGroup != null) {
      query = query.param("group", "%," + candidateGroup + ",%");
    }
    if (assignee != null) {
      query = query.param("assignee", assignee);
    }
    return query.query(this::task).list();
  }

  /** Whether the engine still offers this task, as far as the inbox knows. */
  boolean fresh(Task task) {
    return !task.lastSeenAt().isBefore(freshSince());
  }

  private Instant freshSince() {
    return clock
        .instant()
        .minus(UserTaskWorker.LEASE.multipliedBy(2))
        .minus(Duration.ofSeconds(30));
  }

  void assign(long id, String assignee) {
    jdbc.sql("update user_task set assignee = ? where job_key = ?").params(assignee, id).update();
  }

  void completed(long id, String by) {
    jdbc.sql(
            "update user_task set state = 'COMPLETED', completed_at = ?, completed_by = ? where job_key = ?")
        .params(Timestamps.now(clock), by, id)
        .update();
  }

  /** The erased lead's tasks leave the inbox now, not when their lease runs out. */
  @org.springframework.context.event.EventListener
  void on(org.leadhandoff.lead.LeadErased erased) {
    jdbc.sql("update user_task set state = 'GONE' where lead_id = ? and state = 'OPEN'")
        .param(erased.leadId())
        .update();
  }

  void gone(long id) {
    jdbc.sql("update user_task set state = 'GONE' where job_key = ? and state = 'OPEN'")
        .param(id)
        .update();
  }

  private Task task(ResultSet rs, int row) throws SQLException {
    String groups = rs.getString("candidate_groups");
    return new Task(
        rs.getLong("job_key"),
        rs.getLong("process_instance"),
        rs.getString("process_id"),
        rs.getString("element_id"),
        rs.getString("name"),
        rs.getString("form_id"),
        rs.getObject("lead_id", UUID.class),
        groups == null || groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")),
        rs.getString("assignee"),
        Timestamps.instant(rs.getObject("due_at", OffsetDateTime.class)),
        rs.getInt("priority"),
        read(rs.getString("variables")),
        TaskState.valueOf(rs.getString("state")),
        Timestamps.instant(rs.getObject("created_at", OffsetDateTime.class)),
        Timestamps.instant(rs.getObject("last_seen_at", OffsetDateTime.class)),
        Timestamps.instant(rs.getObject("completed_at", OffsetDateTime.class)),
        rs.getString("completed_by"));
  }

  private String write(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Task variables are not JSON", e);
    }
  }

  private Map<String, Object> read(String value) {
    try {
      return json.readValue(value, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable task variables", e);
    }
  }
}
