package org.leadhandoff.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.leadhandoff.system.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The security audit trail an admin reads through {@code GET /api/admin/audit}: who signed in or
 * failed to, who was locked out, whose session ended, who changed a user, issued, rotated or
 * revoked a key, or asked for an erasure. Each entry is logged too.
 */
@Component
public class AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
  private static final int MAX_TEXT = 500;

  public enum Action {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    LOCKED_OUT,
    SESSION_ENDED,
    USER_SAVED,
    USER_DISABLED,
    API_KEY_ISSUED,
    API_KEY_ROTATED,
    API_KEY_REVOKED,
    LEAD_ERASED
  }

  public record Entry(
      long id,
      Instant at,
      String actor,
      Action action,
      String target,
      String detail,
      String source) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @param actor who acted (a user name, or "anonymous")
   * @param target what it was done to: a user, a key id, a lead id
   * @param source the caller's address, where there is one
   */
  public void record(Action action, String actor, String target, String detail, String source) {
    jdbc.sql(
            "insert into audit_event (at, actor, action, target, detail, source)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(
            Timestamps.utc(clock.instant()),
            cut(actor == null ? "anonymous" : actor, 100),
            action.name(),
            cut(target, 200),
            cut(detail, MAX_TEXT),
            cut(source, 100))
        .update();
    log.info("Audit: {} by {} on {} from {}: {}", action, actor, target, source, detail);
  }

  /** The newest entries first, before an entry id when paging back. */
  public List<Entry> latest(int limit, Long beforeId) {
    return jdbc.sql(
            "select id, at, actor, action, target, detail, source from audit_event"
                + " where id < ? order by id desc fetch first ? rows only")
        .params(beforeId == null ? Long.MAX_VALUE : beforeId, limit)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getLong(1),
                    Timestamps.instant(rs.getObject(2, OffsetDateTime.class)),
                    rs.getString(3),
                    Action.valueOf(rs.getString(4)),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)))
        .list();
  }

  private static String cut(String text, int max) {
    if (text == null) {
      return null;
    }
    // A name someone typed goes into one line of the trail, without line breaks.
    String line = text.replaceAll("\\p{Cntrl}", " ");
    return line.length() <= max ? line : line.substring(0, max);
  }
}
