package org.leadhandoff.monitoring;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.lead.ActivityKind;
import org.leadhandoff.lead.LeadActivities;
import org.leadhandoff.lead.LeadActivity;
import org.leadhandoff.lead.LeadNotFoundException;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.StoredScore;
import org.leadhandoff.routing.RosterStore;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Timestamps;
import org.leadhandoff.system.Why;
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
  private final MessageCatalogue catalogue;
  private final ActorNames actors;

  TimelineService(
      LeadStore leads,
      LeadActivities activities,
      RosterStore roster,
      JdbcClient jdbc,
      MessageCatalogue catalogue,
      ActorNames actors) {
    this.leads = leads;
    this.activities = activities;
    this.roster = roster;
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.actors = actors;
  }

  /** The timeline in English. */
  public List<TimelineEntry> timeline(UUID leadId) {
    return timeline(leadId, MessageCatalogue.LANGUAGES.getFirst());
  }

  /**
   * The timeline with its summaries and names in the reader's language; the codes behind each entry
   * stay in {@link TimelineEntry#facts()} for programs.
   */
  @Transactional(readOnly = true)
  public List<TimelineEntry> timeline(UUID leadId, Locale language) {
    if (leads.find(leadId).isEmpty()) {
      throw new LeadNotFoundException(leadId);
    }
    Words words = new Words(language);
    List<TimelineEntry> entries = new ArrayList<>();
    leads
        .history(leadId)
        .forEach(
            c ->
                entries.add(
                    words.entry(
                        c.changedAt(),
                        "STAGE",
                        c.changedBy(),
                        c.fromStage() == null
                            ? words.text(
                                "timeline.stageNew", "stage", words.code("stage", c.toStage()))
                            : words.text(
                                "timeline.stageChange",
                                "from",
                                words.code("stage", c.fromStage()),
                                "to",
                                words.code("stage", c.toStage())),
                        facts(
                            "from",
                            c.fromStage() == null ? null : c.fromStage().name(),
                            "to",
                            c.toStage().name()),
                        words.why(c.reasonCode(), c.reasonFacts(), c.reason()))));
    leads.scores(leadId).forEach(s -> entries.add(score(s, words)));
    roster
        .history(leadId)
        .forEach(
            r ->
                entries.add(
                    words.entry(
                        r.decidedAt(),
                        "ROUTING",
                        "routing-rules",
                        r.chosenRep() == null
                            ? words.text(
                                "timeline.routedToQueue",
                                "role",
                                words.code("timeline.role", r.role().name()))
                            : words.text(
                                "timeline.routedTo",
                                "role",
                                words.code("timeline.role", r.role().name()),
                                "who",
                                words.person(r.chosenRep())),
                        facts(
                            "role", r.role().name(),
                            "outcome", r.outcome(),
                            "chosenRep", r.chosenRep()),
                        new RoutingDetail(
                            r.reasonCode() == null
                                ? r.reason()
                                : catalogue.explain(
                                    language, new Why(r.reasonCode(), r.reasonFacts())),
                            tree(r.candidates())))));
    activities.of(leadId).forEach(a -> entries.add(activity(a, words)));
    jdbc.sql("select type, occurred_at, detail from engagement_event where lead_id = ? order by id")
        .param(leadId)
        .query(
            (rs, n) ->
                words.entry(
                    Timestamps.instant(rs.getObject("occurred_at", OffsetDateTime.class)),
                    "ENGAGEMENT",
                    "event-intake",
                    words.engagement(rs.getString("type")),
                    facts("type", rs.getString("type")),
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
                words.entry(
                    Timestamps.instant(rs.getObject("created_at", OffsetDateTime.class)),
                    "MAIL",
                    "notifications",
                    mailLine(
                        words,
                        words.code("mailKind", mailKind(rs.getString("occasion"))),
                        rs.getString("subject")),
                    facts("mailKind", mailKind(rs.getString("occasion"))),
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

  /**
   * A mail as the timeline names it: its kind and its subject, as sent (in its recipient's
   * language); a subject that already opens with the kind ("Erinnerung: …") is not prefixed twice.
   */
  static String mailLine(Words words, String kind, String subject) {
    if (subject != null
        && kind != null
        && subject.regionMatches(true, 0, kind + ":", 0, kind.length() + 1)) {
      return subject;
    }
    return words.text("timeline.mail", "kind", kind, "subject", subject);
  }

  record RoutingDetail(String reason, Object candidates) {}

  record ScoreDetail(
      int points,
      String result,
      String criteriaVersion,
      List<org.leadhandoff.scoring.ScoreLine> rules) {}

  record MailDetail(String state, java.time.Instant sentAt, int attempts, String lastError) {}

  private static TimelineEntry score(StoredScore s, Words words) {
    return words.entry(
        s.scoredAt(),
        "SCORE",
        s.scoredBy(),
        words.text(
            s.points() == 1 ? "timeline.score_one" : "timeline.score_other",
            "score",
            words.code("score", s.kind()),
            "count",
            s.points(),
            "result",
            words.code("scoreResult", s.result())),
        facts("score", s.kind(), "points", s.points(), "result", s.result()),
        new ScoreDetail(s.points(), s.result(), s.criteriaVersion(), s.explanation()));
  }

  private static TimelineEntry activity(LeadActivity a, Words words) {
    String role = a.role() == null ? "" : words.code("timeline.role", a.role());
    String codeKind =
        switch (a.kind()) {
          case DECISION -> "outcome";
          default -> "reason";
        };
    String detail =
        a.whyCode() != null
            ? words.why(a.whyCode(), a.whyFacts(), a.detail())
            : a.kind() == ActivityKind.DECISION ? words.reason(a.detail()) : a.detail();
    String summary =
        words.text(
            "activity." + a.kind().name(),
            "role",
            role,
            "who",
            words.person(a.actor()),
            "code",
            words.code(codeKind, a.code()),
            "detail",
            detail);
    return words.entry(
        a.occurredAt(),
        a.kind().name(),
        doneBy(a),
        summary,
        facts("role", a.role(), "code", a.code()),
        detail);
  }

  /** A system part the deadline's reminders and reroutes are credited to (not the one it hit). */
  static final String DEADLINE = "follow-up-deadline";

  /**
   * Who did it: the activity's actor is the person it concerns, which for a reminder or a reroute
   * at the deadline is not who acted: the deadline did. A rep who said "not mine" did it themself.
   */
  private static String doneBy(LeadActivity a) {
    boolean atTheDeadline =
        a.kind() == ActivityKind.SLA_REMINDER
            || (a.kind() == ActivityKind.REROUTE && "SLA_MISSED".equals(a.code()));
    return atTheDeadline ? DEADLINE : a.actor();
  }

  /** The codes behind an entry, for programs; absent values left out. */
  private static Map<String, Object> facts(Object... pairs) {
    Map<String, Object> facts = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        facts.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return facts;
  }

  /** The catalogue in one language, and the roster's names, for one timeline. */
  private final class Words {
    private final Locale language;
    private final Map<String, String> names = new java.util.HashMap<>();

    Words(Locale language) {
      this.language = language;
    }

    String text(String key, Object... pairs) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < pairs.length; i += 2) {
        values.put((String) pairs[i], pairs[i + 1]);
      }
      return catalogue.text(language, key, values);
    }

    String code(String kind, Object code) {
      return code == null ? "" : catalogue.code(language, kind, String.valueOf(code));
    }

    /** A reason code in words; a reason written by a person stays as written. */
    String reason(String reason) {
      if (reason == null) {
        return null;
      }
      String key = "reason." + reason;
      String text = catalogue.text(language, key);
      return text.equals(key) ? reason : text;
    }

    /** A reason kept as a code and facts in words; older rows: their words, codes in words. */
    String why(String code, String factsJson, String stored) {
      return code == null ? reason(stored) : catalogue.explain(language, code, factsJson, stored);
    }

    String engagement(String type) {
      String key = "engagement." + type;
      String text = catalogue.text(language, key);
      if (!text.equals(key)) {
        return text;
      }
      // A designer's own event type: its name where the catalogue has one, else the type.
      String name = catalogue.text(language, "eventType." + type);
      return name.equals("eventType." + type) ? type.replace('-', ' ').replace('_', ' ') : name;
    }

    /**
     * Who did it, as a person reads it: a rep's name from the roster, a model element as its
     * process ("lead-lifecycle/Event_Sal" is the lead lifecycle), the system's parts in words.
     */
    String person(String by) {
      return names.computeIfAbsent(by == null ? "" : by, id -> actors.name(id, language));
    }

    TimelineEntry entry(
        Instant at,
        String kind,
        String by,
        String summary,
        Map<String, Object> facts,
        Object detail) {
      return new TimelineEntry(at, kind, by, person(by), summary, facts, detail);
    }
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
