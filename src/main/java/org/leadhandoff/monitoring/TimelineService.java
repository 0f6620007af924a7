package org.leadhandoff.monitoring;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.leadhandoff.lead.LeadActivities;
import org.leadhandoff.lead.LeadNotFoundException;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.StoredScore;
import org.leadhandoff.routing.RosterStore;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead's whole story in order: stage changes, scores with their explanation, engagement, routing
 * decisions with their reasons, human decisions, SLA reminders, reroutes, escalations and mails,
 * each with who or which rule did it.
 */
@Service
public class TimelineService {

  /** Where entries share an instant (one worker did several things), causes come first. */
  private static final List<String> ORDER =
      List.of(
          "ENGAGEMENT",
          "DECISION",
          "SLA_REMINDER",
          "REROUTE",
          "SCORE",
          "STAGE",
          "ROUTING",
          "ESCALATION",
          "MAIL");

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final LeadStore leads;
  private final LeadActivities activities;
  private final RosterStore roster;
  private final JdbcClient jdbc;

  TimelineService(LeadStore leads, LeadActivities activities, RosterStore roster, JdbcClient jdbc) {
    this.leads = leads;
    this.activities = activities;
    this.roster = roster;
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<TimelineEntry> timeline(UUID leadId) {
    if (leads.find(leadId).isEmpty()) {
      throw new LeadNotFoundException(leadId);
    }
    List<TimelineEntry> entries = new ArrayList<>();
    leads
        .history(leadId)
        .forEach(
            c ->
                entries.add(
                    new TimelineEntry(
                        c.changedAt(),
                        "STAGE",
                        c.changedBy(),
                        c.fromStage() == null
                            ? "captured as " + c.toStage()
                            : c.fromStage() + " → " + c.toStage(),
                        c.reason())));
    leads.scores(leadId).forEach(s -> entries.add(score(s)));
    roster
        .history(leadId)
        .forEach(
            r ->
                entries.add(
                    new TimelineEntry(
                        r.decidedAt(),
                        "ROUTING",
                        "routing rules",
                        r.chosenRep() == null
                            ? r.role() + ": nobody available, waits in the team queue"
                            : r.role() + ": assigned to " + r.chosenRep(),
                        new RoutingDetail(r.reason(), tree(r.candidates())))));
    activities
        .of(leadId)
        .forEach(
            a ->
                entries.add(
                    new TimelineEntry(
                        a.occurredAt(), a.kind().name(), a.actor(), summary(a), a.detail())));
    jdbc.sql("select type, occurred_at, detail from engagement_event where lead_id = ? order by id")
        .param(leadId)
        .query(
            (rs, n) ->
                new TimelineEntry(
                    Timestamps.instant(rs.getObject("occurred_at", OffsetDateTime.class)),
                    "ENGAGEMENT",
                    "event intake",
                    rs.getString("type"),
                    rs.getString("detail")))
        .list()
        .forEach(entries::add);
    jdbc.sql(
            """
            select occasion, subject, created_at, sent_at, attempts, last_error
            from mail_outbox where lead_id = ? order by id
            """)
        .param(leadId)
        .query(
            (rs, n) ->
                new TimelineEntry(
                    Timestamps.instant(rs.getObject("created_at", OffsetDateTime.class)),
                    "MAIL",
                    "notifications",
                    mailKind(rs.getString("occasion")) + ": " + rs.getString("subject"),
                    new MailDetail(
                        rs.getObject("sent_at") != null
                            ? "SENT"
                            : rs.getString("last_error") != null ? "RETRYING" : "QUEUED",
                        Timestamps.instant(rs.getObject("sent_at", OffsetDateTime.class)),
                        rs.getInt("attempts"),
                        rs.getString("last_error"))))
        .list()
        .forEach(entries::add);
    entries.sort(
        Comparator.comparing(TimelineEntry::at).thenComparing(e -> ORDER.indexOf(e.kind())));
    return entries;
  }

  record RoutingDetail(String reason, Object candidates) {}

  record ScoreDetail(
      int points,
      String result,
      String criteriaVersion,
      List<org.leadhandoff.scoring.ScoreLine> rules) {}

  record MailDetail(String state, java.time.Instant sentAt, int attempts, String lastError) {}

  private static TimelineEntry score(StoredScore s) {
    return new TimelineEntry(
        s.scoredAt(),
        "SCORE",
        s.scoredBy(),
        s.kind() + " " + s.points() + " → " + s.result(),
        new ScoreDetail(s.points(), s.result(), s.criteriaVersion(), s.explanation()));
  }

  private static String summary(org.leadhandoff.lead.LeadActivity a) {
    return switch (a.kind()) {
      case DECISION -> (a.role() == null ? "" : a.role() + " ") + "decided " + a.code();
      case SLA_REMINDER -> a.role() + ": owner reminded";
      case REROUTE -> a.role() + ": rerouted (" + a.code() + ")";
      case ESCALATION -> a.role() + ": escalated to the sales manager (" + a.code() + ")";
      case HAND_OVER -> a.role() + ": " + a.detail();
      case ERASED -> "personal data erased on request; lifecycle ended";
    };
  }

  private static Object tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return json;
    }
  }

  /** The occasion key starts with the mail's kind: assignment, reminder, rerouted, ... */
  private static String mailKind(String occasion) {
    int colon = occasion.indexOf(':');
    return colon < 0 ? occasion : occasion.substring(0, colon);
  }
}
