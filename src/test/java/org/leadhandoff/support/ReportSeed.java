package org.leadhandoff.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A known history for the report tests: seven leads over two weeks of March 2026 (the period {@link
 * #FROM} to {@link #TO}), three people (q1 and s1 of team emea, q2 of team amer), eight assignments
 * and five activities. The answers the report must give are worked out by hand in ReportContract.
 */
public class ReportSeed {

  public static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
  public static final Instant TO = Instant.parse("2026-03-16T00:00:00Z");

  private final JdbcClient jdbc;

  public ReportSeed(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public final Map<String, UUID> lead = new HashMap<>();
  final Map<String, Long> assignment = new HashMap<>();

  private static Instant at(String dayTime) {
    return Instant.parse("2026-" + dayTime + "Z");
  }

  private void lead(String name, String source, String created, Object... changes) {
    UUID id = UUID.randomUUID();
    lead.put(name, id);
    Stage last = Stage.NAME;
    for (Object c : changes) {
      if (isStage(c)) {
        last = Stage.valueOf((String) c);
      }
    }
    jdbc.sql(
            "insert into lead (id, email_key, email, first_name, stage, source, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            name + "@seed.example",
            name + "@seed.example",
            name,
            last.name(),
            source,
            Timestamps.utc(at(created)),
            Timestamps.utc(at(created)))
        .update();
    change(id, null, Stage.NAME, created, null);
    Stage from = Stage.NAME;
    for (int i = 0; i + 1 < changes.length; i += 2) {
      Stage to = Stage.valueOf((String) changes[i]);
      String when = (String) changes[i + 1];
      String code = null;
      if (i + 2 < changes.length && !isStage(changes[i + 2])) {
        code = (String) changes[i + 2];
        i++;
      }
      change(id, from, to, when, code);
      from = to;
    }
  }

  private static boolean isStage(Object value) {
    try {
      Stage.valueOf((String) value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Per lead: when its latest change was, and when it last entered each stage. */
  private final Map<UUID, Instant> latest = new HashMap<>();

  private final Map<UUID, Map<Stage, Instant>> entered = new HashMap<>();

  private final Map<UUID, Map<Stage, Instant>> wentOn = new HashMap<>();

  private void change(UUID id, Stage from, Stage to, String when, String code) {
    // As the store writes a change: when the stay it ends began, and when the lead last entered
    // the stage before (the changes of a lead come in time order).
    Instant since = latest.put(id, at(when));
    Instant before = entered.computeIfAbsent(id, k -> new HashMap<>()).put(to, at(when));
    Map<Stage, Instant> went = wentOn.computeIfAbsent(id, k -> new HashMap<>());
    // Going on from the stay that ends: when the lead had last gone on from that stage before.
    Instant wentOnBefore = null;
    if (from != null && to == from.goingOn()) {
      wentOnBefore = went.put(from, since);
    }
    jdbc.sql(
            "insert into lead_stage_change (lead_id, from_stage, to_stage, changed_at, reason,"
                + " reason_code, changed_by, from_since, prev_entry_at, prev_went_on_at,"
                + " from_prev_went_on_at) values (?, ?, ?, ?, ?, ?, 'seed', ?, ?, ?, ?)")
        .params(
            id,
            from == null ? null : from.name(),
            to.name(),
            Timestamps.utc(at(when)),
            // The reason as a person or the model writes it; the code is what reports count.
            code == null ? null : code.toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
            code,
            Timestamps.utc(since),
            Timestamps.utc(before),
            Timestamps.utc(went.get(to)),
            Timestamps.utc(wentOnBefore))
        .update();
  }

  private void rep(String id, String role, String team, int weeklyCapacity) {
    jdbc.sql(
            "insert into rep (id, name, email, role, territories, capacity, work_days, work_from,"
                + " work_to, time_zone, active, updated_at, team, weekly_capacity)"
                + " values (?, ?, ?, ?, '*', 10, 'MONDAY', '00:00', '23:59', 'UTC', true, ?, ?, ?)")
        .params(
            id,
            id.toUpperCase(),
            id + "@seed.example",
            role,
            Timestamps.utc(FROM),
            team,
            weeklyCapacity)
        .update();
  }

  private void assign(
      String name,
      String leadName,
      String rep,
      String role,
      String assigned,
      String due,
      String acted,
      String outcome,
      boolean open) {
    jdbc.sql(
            "insert into assignment (lead_id, rep_id, role, state, assigned_at, due_at, acted_at,"
                + " outcome) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            lead.get(leadName),
            rep,
            role,
            open ? "OPEN" : "CLOSED",
            Timestamps.utc(at(assigned)),
            Timestamps.utc(at(due)),
            acted == null ? null : Timestamps.utc(at(acted)),
            outcome)
        .update();
    assignment.put(name, jdbc.sql("select max(id) from assignment").query(Long.class).single());
  }

  private void activity(
      String leadName,
      String kind,
      String role,
      String actor,
      String code,
      String detail,
      String when) {
    jdbc.sql(
            "insert into lead_activity (lead_id, kind, role, actor, code, detail, occurred_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(lead.get(leadName), kind, role, actor, code, detail, Timestamps.utc(at(when)))
        .update();
  }

  /** Empties the report's tables and writes the history the report tests know the answers to. */
  public ReportSeed write() {
    jdbc.sql("delete from lead_activity").update();
    jdbc.sql("delete from assignment").update();
    jdbc.sql("delete from lead_stage_change").update();
    jdbc.sql("delete from report_stage_day").update();
    jdbc.sql("delete from report_day_count").update();
    jdbc.sql("delete from lead").update();
    jdbc.sql("delete from rep").update();
    rep("q1", "QUALIFIER", "emea", 10);
    rep("q2", "QUALIFIER", "amer", 5);
    rep("s1", "SALES_REP", "emea", 8);

    lead(
        "L1",
        "web",
        "03-02T09:00:00",
        "IN_PROFILE",
        "03-02T09:00:10",
        "MQL",
        "03-03T09:00:00",
        "SAL",
        "03-03T10:00:00",
        "SQL",
        "03-03T12:00:00",
        "OPPORTUNITY",
        "03-04T12:00:00");
    lead(
        "L2",
        "web",
        "03-02T10:00:00",
        "IN_PROFILE",
        "03-02T10:00:10",
        "MQL",
        "03-04T10:00:00",
        "SAL",
        "03-04T11:00:00",
        "RECYCLED",
        "03-05T11:00:00",
        "NO_ANSWER");
    lead("L3", "trade-show", "03-09T08:00:00", "OUT_OF_PROFILE", "03-09T08:00:10");
    lead(
        "L4",
        "trade-show",
        "03-09T09:00:00",
        "IN_PROFILE",
        "03-09T09:00:10",
        "MQL",
        "03-10T09:00:00",
        "SAL",
        "03-10T09:30:00",
        "SQL",
        "03-10T13:30:00",
        "RECYCLED",
        "03-11T13:30:00",
        "REJECTED_BY_SALES");
    lead(
        "L5",
        "web",
        "02-20T09:00:00",
        "IN_PROFILE",
        "02-20T09:00:10",
        "MQL",
        "03-09T12:00:00",
        "SAL",
        "03-09T12:30:00",
        "DISQUALIFIED",
        "03-09T14:30:00",
        "SPAM");
    lead("L6", "web", "03-20T09:00:00", "IN_PROFILE", "03-20T09:00:10");
    lead("L7", "web", "02-01T09:00:00", "IN_PROFILE", "02-01T09:00:10");

    assign(
        "A1",
        "L1",
        "q1",
        "QUALIFIER",
        "03-03T10:00:00",
        "03-03T14:00:00",
        "03-03T12:00:00",
        "ACTED",
        false);
    assign(
        "A2",
        "L2",
        "q1",
        "QUALIFIER",
        "03-04T11:00:00",
        "03-04T15:00:00",
        null,
        "SLA_MISSED",
        false);
    assign(
        "A3",
        "L2",
        "q2",
        "QUALIFIER",
        "03-04T15:00:00",
        "03-05T15:00:00",
        "03-05T11:00:00",
        "ACTED",
        false);
    assign(
        "A4",
        "L4",
        "q2",
        "QUALIFIER",
        "03-10T09:30:00",
        "03-10T13:30:00",
        "03-10T13:30:00",
        "ACTED",
        false);
    assign(
        "A5",
        "L4",
        "s1",
        "SALES_REP",
        "03-10T13:30:00",
        "03-11T13:30:00",
        "03-11T14:00:00",
        "ACTED",
        false);
    assign(
        "A6",
        "L1",
        "s1",
        "SALES_REP",
        "03-03T12:00:00",
        "03-04T12:00:00",
        "03-04T12:00:00",
        "ACTED",
        false);
    assign(
        "A7",
        "L5",
        "q1",
        "QUALIFIER",
        "03-09T12:30:00",
        "03-09T16:30:00",
        "03-09T14:30:00",
        "ACTED",
        false);
    assign("A8", "L7", "q2", "QUALIFIER", "03-13T09:00:00", "03-13T13:00:00", null, null, true);

    activity("L2", "REROUTE", "QUALIFIER", "q1", "SLA_MISSED", "missed", "03-04T15:00:00");
    activity("L4", "REROUTE", "SALES_REP", "s1", "REP_REJECTED", "not mine", "03-10T15:00:00");
    activity("L4", "DECISION", "SALES_REP", "s1", "REJECT", "NO_BUDGET", "03-11T14:00:00");
    activity("L1", "DECISION", "SALES_REP", "s1", "ACCEPT", null, "03-04T12:00:00");
    activity(
        "L5", "ESCALATION", "QUALIFIER", "escalation rule", "MAX_REROUTES", "x", "03-09T13:00:00");
    // As the store keeps it: each stay ends at the lead's next change, for its stage.
    jdbc.sql(
            """
            update lead_stage_change
            set left_at = (select min(n.changed_at) from lead_stage_change n
                           where n.lead_id = lead_stage_change.lead_id and n.id > lead_stage_change.id),
                next_stage = (select n.to_stage from lead_stage_change n
                              where n.lead_id = lead_stage_change.lead_id
                                and n.id = (select min(m.id) from lead_stage_change m
                                            where m.lead_id = lead_stage_change.lead_id
                                              and m.id > lead_stage_change.id))
            """)
        .update();
    return this;
  }
}
