package org.leadhandoff.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages waiting to be published to the engine. Written in the caller's transaction, next to the
 * lead data they concern, so that both happen or neither does.
 */
@Repository
public class Outbox {

  /** A message due for publishing. */
  public record Pending(
      long id,
      String kind,
      UUID leadId,
      String messageId,
      Map<String, Object> variables,
      int attempts) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectMapper json;

  Outbox(JdbcClient jdbc, Clock clock, ObjectMapper json) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = json;
  }

  /**
   * Adds a message, in the caller's transaction. A message id that is already in the outbox adds
   * nothing: the same news is published once.
   *
   * @return false if the message id was there already
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean add(String kind, UUID leadId, String messageId, Map<String, Object> variables) {
    if (jdbc.sql("select count(*) from outbox where message_id = ?")
            .param(messageId)
            .query(Long.class)
            .single()
        > 0) {
      return false;
    }
    OffsetDateTime now = Timestamps.now(clock);
    jdbc.sql(
            """
            insert into outbox (kind, lead_id, message_id, payload, created_at, attempts, next_attempt_at)
            values (?, ?, ?, ?, ?, 0, ?)
            """)
        .params(kind, leadId, messageId, write(variables), now, now)
        .update();
    return true;
  }

  /** Drops the lead's messages not sent yet (an erased lead must not start or be scored). */
  @Transactional(propagation = Propagation.MANDATORY)
  public int dropUnsent(UUID leadId) {
    return jdbc.sql("delete from outbox where lead_id = ? and sent_at is null")
        .param(leadId)
        .update();
  }

  List<Pending> due(int limit) {
    return jdbc.sql(
            """
            select id, kind, lead_id, message_id, payload, attempts from outbox
            where sent_at is null and next_attempt_at <= ?
            order by id
            fetch first ? rows only
            """)
        .params(Timestamps.now(clock), limit)
        .query(
            (rs, n) ->
                new Pending(
                    rs.getLong("id"),
                    rs.getString("kind"),
                    rs.getObject("lead_id", UUID.class),
                    rs.getString("message_id"),
                    read(rs.getString("payload")),
                    rs.getInt("attempts")))
        .list();
  }

  void sent(long id) {
    jdbc.sql(
            "update outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
        .params(Timestamps.now(clock), id)
        .update();
  }

  void failed(long id, String error, Instant retryAt) {
    jdbc.sql(
            "update outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?")
        .params(
            error.length() > 1000 ? error.substring(0, 1000) : error, Timestamps.utc(retryAt), id)
        .update();
  }

  private String write(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Message variables are not JSON", e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> read(String payload) {
    try {
      return payload == null ? Map.of() : json.readValue(payload, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable outbox payload", e);
    }
  }
}
