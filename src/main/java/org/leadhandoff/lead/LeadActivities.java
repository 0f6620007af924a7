package org.leadhandoff.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The activity log of leads in the lead store; each entry recorded once per idempotency key. */
@Repository
public class LeadActivities {

  private final JdbcClient jdbc;
  private final Clock clock;

  LeadActivities(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @param assignmentId the assignment it concerns, if any
   * @param idempotencyKey a retry passes the same key and records nothing
   * @return whether it was recorded now
   */
  public boolean record(
      UUID leadId,
      ActivityKind kind,
      String role,
      String actor,
      String code,
      String detail,
      Long assignmentId,
      String idempotencyKey) {
    return record(leadId, kind, role, actor, code, detail, null, assignmentId, idempotencyKey);
  }

  /**
   * @param detail the reason in English words
   * @param why the same as a code and facts, for pages in their reader's language; may be null
   */
  public boolean record(
      UUID leadId,
      ActivityKind kind,
      String role,
      String actor,
      String code,
      String detail,
      org.leadhandoff.system.Why why,
      Long assignmentId,
      String idempotencyKey) {
    if (jdbc.sql("select count(*) from lead_activity where idempotency_key = ?")
            .param(idempotencyKey)
            .query(Long.class)
            .single()
        > 0) {
      return false;
    }
    jdbc.sql(
            """
            insert into lead_activity
                (lead_id, kind, role, actor, code, detail, why_code, why_facts, assignment_id,
                 occurred_at, idempotency_key)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            leadId,
            kind.name(),
            role,
            actor,
            code,
            truncate(detail, 2000),
            why == null ? null : why.code(),
            why == null || why.facts().isEmpty() ? null : truncate(why.factsJson(), 2000),
            assignmentId,
            Timestamps.utc(clock.instant()),
            idempotencyKey)
        .update();
    return true;
  }

  /** The decisions a person made on tasks (of any lead), latest first. */
  public List<LeadActivity> decisionsBy(String actor, int limit) {
    return jdbc.sql(
            """
            select * from lead_activity where actor = ? and kind = 'DECISION'
            order by id desc fetch first ? rows only
            """)
        .params(actor, limit)
        .query(LeadActivities::activity)
        .list();
  }

  /** The lead's activities, oldest first. */
  public List<LeadActivity> of(UUID leadId) {
    return jdbc.sql("select * from lead_activity where lead_id = ? order by id")
        .param(leadId)
        .query(LeadActivities::activity)
        .list();
  }

  private static LeadActivity activity(ResultSet rs, int n) throws SQLException {
    return new LeadActivity(
        rs.getLong("id"),
        rs.getObject("lead_id", UUID.class),
        ActivityKind.valueOf(rs.getString("kind")),
        rs.getString("role"),
        rs.getString("actor"),
        rs.getString("code"),
        rs.getString("detail"),
        rs.getString("why_code"),
        rs.getString("why_facts"),
        Timestamps.instant(rs.getObject("occurred_at", java.time.OffsetDateTime.class)));
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
