package org.leadhandoff.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Leads and their stage history in the relational lead store. */
@Repository
public class LeadStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  LeadStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<Lead> find(UUID id) {
    return jdbc.sql("select * from lead where id = ?").param(id).query(LeadStore::lead).optional();
  }

  public Optional<Lead> findByEmail(String email) {
    return jdbc.sql("select * from lead where email_key = ?")
        .param(Emails.normalise(email))
        .query(LeadStore::lead)
        .optional();
  }

  /**
   * Creates a lead in stage NAME and records its capture in the history.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the email is already a lead
   */
  @Transactional
  public Lead create(LeadContact contact, String capturedBy) {
    UUID id = UUID.randomUUID();
    OffsetDateTime now = now();
    jdbc.sql(
            """
            insert into lead (id, email_key, email, first_name, last_name, phone, company, title,
                              country, source, stage, created_at, updated_at)
            values (:id, :emailKey, :email, :firstName, :lastName, :phone, :company, :title,
                    :country, :source, :stage, :now, :now)
            """)
        .param("id", id)
        .param("emailKey", Emails.normalise(contact.email()))
        .param("email", contact.email().strip())
        .param("firstName", contact.firstName())
        .param("lastName", contact.lastName())
        .param("phone", contact.phone())
        .param("company", contact.company())
        .param("title", contact.title())
        .param("country", contact.country())
        .param("source", contact.source())
        .param("stage", Stage.NAME.name())
        .param("now", now)
        .update();
    insertChange(
        id,
        null,
        Stage.NAME,
        "captured" + (contact.source() == null ? "" : " from " + contact.source()),
        capturedBy,
        null,
        now);
    return find(id).orElseThrow();
  }

  /**
   * Moves a lead to a stage and appends the change to its history, once per idempotency key: a
   * retried worker that calls this again with the same key changes nothing.
   *
   * @return true if the change was recorded now, false if the key had been recorded before
   * @throws LeadNotFoundException when the lead is not in the store
   */
  @Transactional
  public boolean changeStage(
      UUID leadId, Stage to, String reason, String changedBy, String idempotencyKey) {
    // The row lock serialises concurrent changes of one lead, so "from" is always the true stage.
    Stage from =
        jdbc.sql("select stage from lead where id = ? for update")
            .param(leadId)
            .query((rs, n) -> Stage.valueOf(rs.getString("stage")))
            .optional()
            .orElseThrow(() -> new LeadNotFoundException(leadId));
    if (idempotencyKey != null
        && jdbc.sql("select count(*) from lead_stage_change where idempotency_key = ?")
                .param(idempotencyKey)
                .query(Long.class)
                .single()
            > 0) {
      return false;
    }
    OffsetDateTime now = now();
    insertChange(leadId, from, to, reason, changedBy, idempotencyKey, now);
    jdbc.sql("update lead set stage = ?, updated_at = ? where id = ?")
        .params(to.name(), now, leadId)
        .update();
    return true;
  }

  /** The lead's stage history, oldest first. */
  public List<StageChange> history(UUID leadId) {
    return jdbc.sql("select * from lead_stage_change where lead_id = ? order by id")
        .param(leadId)
        .query(LeadStore::change)
        .list();
  }

  private void insertChange(
      UUID leadId,
      Stage from,
      Stage to,
      String reason,
      String changedBy,
      String idempotencyKey,
      OffsetDateTime at) {
    jdbc.sql(
            """
            insert into lead_stage_change
                (lead_id, from_stage, to_stage, changed_at, reason, changed_by, idempotency_key)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            leadId,
            from == null ? null : from.name(),
            to.name(),
            at,
            reason,
            changedBy,
            idempotencyKey)
        .update();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static Lead lead(ResultSet rs, int row) throws SQLException {
    return new Lead(
        rs.getObject("id", UUID.class),
        rs.getString("email_key"),
        rs.getString("email"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("company"),
        rs.getString("source"),
        Stage.valueOf(rs.getString("stage")),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static StageChange change(ResultSet rs, int row) throws SQLException {
    String from = rs.getString("from_stage");
    return new StageChange(
        rs.getLong("id"),
        rs.getObject("lead_id", UUID.class),
        from == null ? null : Stage.valueOf(from),
        Stage.valueOf(rs.getString("to_stage")),
        instant(rs, "changed_at"),
        rs.getString("reason"),
        rs.getString("changed_by"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    if (value != null) {
      return value.toInstant();
    }
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}
