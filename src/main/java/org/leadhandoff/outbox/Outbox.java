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
import org.springframework.context.ApplicationEventPublisher;
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

  /** A real-time message was added: the dispatcher sends it once the transaction commits. */
  record RealtimeAdded() {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectMapper json;
  private final ApplicationEventPublisher events;

  Outbox(JdbcClient jdbc, Clock clock, ObjectMapper json, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = json;
    this.events = events;
  }

  /**
   * Adds a message, in the caller's transaction. A message id that is already in the outbox adds
   * nothing: the same news is published once.
   *
   * @return false if the message id was there already
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean add(String kind, UUID leadId, String messageId, Map<String, Object> variables) {
    return add(kind, leadId, messageId, variables, Lane.REALTIME);
  }

  /** The same, in the given lane. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean add(
      String kind, UUID leadId, String messageId, Map<String, Object> variables, Lane lane) {
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
            insert into outbox (kind, lead_id, message_id, payload, created_at, attempts,
                                next_attempt_at, lane)
            values (?, ?, ?, ?, ?, 0, ?, ?)
            """)
        .params(kind, leadId, messageId, write(variables), now, now, lane.name())
        .update();
    if (lane == Lane.REALTIME) {
      events.publishEvent(new RealtimeAdded());
    }
    return true;
  }

  /** Drops the lead's messages not sent yet (an erased lead must not start or be scored). */
  @Transactional(propagation = Propagation.MANDATORY)
  public int dropUnsent(UUID leadId) {
    return jdbc.sql("delete from outbox where lead_id = ? and sent_at is null")
        .param(leadId)
        .update();
  }

  /** The lane's due messages, oldest first. */
  List<Pending> due(Lane lane, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return jdbc.sql(
            """
            select id, kind, lead_id, message_id, payload, attempts from outbox
            where lane = ? and sent_at is null and next_attempt_at <= ?
            order by id
            fetch first ? rows only
            """)
        .params(lane.name(), Timestamps.now(clock), limit)
        .query((rs, n) -> pending(rs))
        .list();
  }

  /**
   * Bulk leads the engine has been told about and has not scored yet (their lead is still in stage
   * NAME): how far the engine is behind with the import. Only those published in the last {@code
   * window} count, so a lead whose lifecycle failed does not hold the import back forever.
   */
  /**
   * Takes up to {@code limit} due messages of the lane for this instance, oldest first, for {@code
   * claimFor}: the dispatchers of other instances skip them meanwhile, and take them up should this
   * one die before it marks them sent or failed. Another instance's claim wins a row both read as
   * due: the update sees it claimed and leaves it out.
   */
  List<Pending> claim(Lane lane, int limit, java.time.Duration claimFor) {
    if (limit <= 0) {
      return List.of();
    }
    Instant now = clock.instant();
    List<Long> due =
        jdbc.sql(
                """
                select id from outbox
                where lane = ? and sent_at is null and next_attempt_at <= ?
                order by id fetch first ? rows only
                """)
            .params(lane.name(), Timestamps.utc(now), limit)
            .query(Long.class)
            .list();
    if (due.isEmpty()) {
      return List.of();
    }
    String token = UUID.randomUUID().toString();
    jdbc.sql(
            "update outbox set claim = ?, next_attempt_at = ? where id in ("
                + String.join(",", due.stream().map(String::valueOf).toList())
                + ") and sent_at is null and next_attempt_at <= ?")
        .params(token, Timestamps.utc(now.plus(claimFor)), Timestamps.utc(now))
        .update();
    return jdbc.sql(
            """
            select id, kind, lead_id, message_id, payload, attempts from outbox
            where claim = ? and sent_at is null order by id
            """)
        .param(token)
        .query((rs, n) -> pending(rs))
        .list();
  }

  /** Messages of the bulk lane not sent yet, counted up to {@code atMost}. */
  public int bulkWaiting(int atMost) {
    return jdbc.sql(
            """
            select count(*) from (select 1 from outbox where lane = 'BULK' and sent_at is null
                                  fetch first ? rows only) waiting
            """)
        .param(atMost)
        .query(Integer.class)
        .single();
  }

  /** Those of the leads that the engine has not scored yet (still at NAME). */
  List<UUID> stillUnscored(List<UUID> leadIds) {
    return jdbc.sql("select id from lead where id in (:ids) and stage = 'NAME'")
        .param("ids", leadIds)
        .query((rs, n) -> rs.getObject(1, UUID.class))
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

  private Pending pending(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Pending(
        rs.getLong("id"),
        rs.getString("kind"),
        rs.getObject("lead_id", UUID.class),
        rs.getString("message_id"),
        read(rs.getString("payload")),
        rs.getInt("attempts"));
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
