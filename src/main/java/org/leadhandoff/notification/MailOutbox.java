package org.leadhandoff.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.leadhandoff.lead.LeadErased;
import org.leadhandoff.system.Timestamps;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Mails waiting to be sent, one per occasion. */
@Repository
public class MailOutbox {

  record Pending(
      long id,
      String occasion,
      String to,
      String subject,
      String text,
      String html,
      int attempts) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  MailOutbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records a mail in the caller's transaction, unless the occasion has one already.
   *
   * @return whether it was recorded now
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean add(String occasion, UUID leadId, String to, MailTemplates.Mail mail) {
    if (leadId != null
        && jdbc.sql("select count(*) from lead where id = ? and erased_at is not null")
                .param(leadId)
                .query(Long.class)
                .single()
            > 0) {
      return false; // Erased: no mail about this lead any more.
    }
    if (jdbc.sql("select count(*) from mail_outbox where occasion = ?")
            .param(occasion)
            .query(Long.class)
            .single()
        > 0) {
      return false;
    }
    jdbc.sql(
            """
            insert into mail_outbox (occasion, lead_id, to_address, subject, text_body, html_body, created_at, next_attempt_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            occasion,
            leadId,
            to,
            mail.subject(),
            mail.text(),
            mail.html(),
            Timestamps.now(clock),
            Timestamps.now(clock))
        .update();
    return true;
  }

  /** Removes unsent mail about erased leads, with its content (a race with the erasure). */
  int dropErased() {
    return jdbc.sql(
            """
            delete from mail_outbox m where sent_at is null
            and exists (select 1 from lead l where l.id = m.lead_id and l.erased_at is not null)
            """)
        .update();
  }

  List<Pending> due(int limit) {
    // A mail queued while its lead was being erased never goes out (dropErased removes it).
    return jdbc.sql(
            """
            select * from mail_outbox m where sent_at is null and next_attempt_at <= ?
            and not exists (select 1 from lead l where l.id = m.lead_id and l.erased_at is not null)
            order by id fetch first ? rows only
            """)
        .params(Timestamps.now(clock), limit)
        .query(
            (rs, n) ->
                new Pending(
                    rs.getLong("id"),
                    rs.getString("occasion"),
                    rs.getString("to_address"),
                    rs.getString("subject"),
                    rs.getString("text_body"),
                    rs.getString("html_body"),
                    rs.getInt("attempts")))
        .list();
  }

  /**
   * An erased lead's mails: unsent ones are dropped, the subjects and bodies of sent ones go (they
   * name the person); in the erasure's transaction.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(LeadErased erased) {
    jdbc.sql("delete from mail_outbox where lead_id = ? and sent_at is null")
        .param(erased.leadId())
        .update();
    jdbc.sql(
            "update mail_outbox set subject = '(erased)', text_body = '(erased)', html_body ="
                + " '(erased)' where lead_id = ?")
        .param(erased.leadId())
        .update();
  }

  /**
   * Takes a due mail for this instance for {@code claimFor}: true when it is this instance's to
   * send, false when another instance took it first (or sent it) since it was read as due. A mail
   * whose instance died while holding it is due again when the claim runs out.
   */
  boolean claim(long id, Duration claimFor) {
    Instant now = clock.instant();
    return jdbc.sql(
                """
                update mail_outbox set next_attempt_at = ?
                where id = ? and sent_at is null and next_attempt_at <= ?
                """)
            .params(Timestamps.utc(now.plus(claimFor)), id, Timestamps.utc(now))
            .update()
        == 1;
  }

  void sent(long id) {
    jdbc.sql(
            "update mail_outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
        .params(Timestamps.now(clock), id)
        .update();
  }

  void failed(long id, String error, Instant retryAt) {
    jdbc.sql(
            "update mail_outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?")
        .params(
            error.length() > 1000 ? error.substring(0, 1000) : error, Timestamps.utc(retryAt), id)
        .update();
  }
}
