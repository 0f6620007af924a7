package org.leadhandoff.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.leadhandoff.scoring.EngagementEvent;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead's engagement events (page visits, downloads, demo requests), and those kept for an email
 * that is not a lead yet. Writes lock the lead's row, as the lead store's writes do, so an event
 * and a score of the same lead never interleave.
 */
@Repository
public class EngagementEventStore {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final LeadStore leads;

  EngagementEventStore(JdbcClient jdbc, Clock clock, LeadStore leads) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.leads = leads;
  }

  /**
   * Adds an engagement event to a lead.
   *
   * @return false if the lead already has an event with this id (a redelivery)
   */
  @Transactional
  public boolean add(UUID leadId, String eventId, String type, Instant occurredAt, String detail) {
    leads.lockedLead(leadId);
    boolean seen =
        jdbc.sql("select count(*) from engagement_event where lead_id = ? and event_id = ?")
                .params(leadId, eventId)
                .query(Long.class)
                .single()
            > 0;
    if (seen) {
      return false;
    }
    jdbc.sql(
            """
            insert into engagement_event (lead_id, event_id, type, occurred_at, detail, received_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(leadId, eventId, type, Timestamps.utc(occurredAt), detail, Timestamps.now(clock))
        .update();
    return true;
  }

  /**
   * Keeps an engagement event for an email that is not a lead yet, until the person is captured.
   *
   * @return false if an event with this id is kept for the email already
   */
  @Transactional
  public boolean addPending(
      String email, String eventId, String type, Instant occurredAt, String detail) {
    String emailKey = Emails.normalise(email);
    boolean seen =
        jdbc.sql(
                    "select count(*) from pending_engagement_event where email_key = ? and event_id = ?")
                .params(emailKey, eventId)
                .query(Long.class)
                .single()
            > 0;
    if (seen) {
      return false;
    }
    jdbc.sql(
            """
            insert into pending_engagement_event
                (email_key, event_id, type, occurred_at, detail, received_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(emailKey, eventId, type, Timestamps.utc(occurredAt), detail, Timestamps.now(clock))
        .update();
    return true;
  }

  /**
   * Moves the events kept for the lead's email onto the lead, in the caller's transaction.
   *
   * @return how many were moved
   */
  @Transactional
  public int attachPending(UUID leadId) {
    Lead lead = leads.lockedLead(leadId);
    int moved =
        jdbc.sql(
                """
                insert into engagement_event (lead_id, event_id, type, occurred_at, detail, received_at)
                select ?, p.event_id, p.type, p.occurred_at, p.detail, p.received_at
                from pending_engagement_event p
                where p.email_key = ?
                  and not exists (select 1 from engagement_event e
                                  where e.lead_id = ? and e.event_id = p.event_id)
                """)
            .params(leadId, lead.emailKey(), leadId)
            .update();
    jdbc.sql("delete from pending_engagement_event where email_key = ?")
        .param(lead.emailKey())
        .update();
    return moved;
  }

  /** The events that count for the lead's engagement now: those since its last reset. */
  public List<EngagementEvent> counting(UUID leadId) {
    return jdbc.sql(
            """
            select e.type, e.occurred_at from engagement_event e join lead l on l.id = e.lead_id
            where e.lead_id = ? and (l.engagement_since is null or e.occurred_at >= l.engagement_since)
            order by e.occurred_at, e.id
            """)
        .param(leadId)
        .query(
            (rs, n) ->
                new EngagementEvent(rs.getString("type"), LeadStore.instant(rs, "occurred_at")))
        .list();
  }
}
