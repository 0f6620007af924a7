package org.leadhandoff.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.monitoring.FunnelReport.Count;
import org.leadhandoff.monitoring.FunnelReport.DaySla;
import org.leadhandoff.monitoring.FunnelReport.RepSla;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The report queries over the stage history, assignments and activity log. Each query reads the
 * period through an index on its time column and aggregates in the database: nothing is loaded
 * whole into memory, whatever the size of the history. Portable SQL (H2 and PostgreSQL).
 */
@Repository
class ReportStore {

  /** Seconds since the epoch of a timestamp column, in both databases. */
  private static String epoch(String column) {
    return "extract(epoch from " + column + ")";
  }

  /**
   * The number of a timestamp column's week (Monday, UTC) since the epoch; its Monday is {@link
   * #monday}. Day 0 (1970-01-01) was a Thursday: shifting by 3 days makes weeks start on Monday.
   */
  static String weekNumber(String column) {
    return "floor((floor(" + epoch(column) + " / 86400) + 3) / 7)";
  }

  /** The Monday of a week numbered by {@link #weekNumber}. */
  static LocalDate monday(long weekNumber) {
    return LocalDate.ofEpochDay(weekNumber * 7 - 3);
  }

  /**
   * Taken by each fold into the report's figures, in its transaction: two instances never fold the
   * same rows.
   */
  static void lockFolding(JdbcClient jdbc) {
    jdbc.sql("select id from report_rollup_lock where id = 1 for update").query(Long.class).list();
  }

  static final String MET =
      "a.acted_at is not null and (a.due_at is null or a.acted_at <= a.due_at)";
  static final String MISSED =
      "(a.outcome = 'SLA_MISSED' or (a.acted_at is not null and a.acted_at > a.due_at))";
  static final String PENDING = "a.state = 'OPEN' and a.acted_at is null and a.outcome is null";

  private final JdbcClient jdbc;
  private final boolean postgres;

  ReportStore(JdbcClient jdbc, javax.sql.DataSource dataSource) {
    this.jdbc = jdbc;
    this.postgres = isPostgres(dataSource);
  }

  private static boolean isPostgres(javax.sql.DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot tell which database the lead store is", e);
    }
  }

  /**
   * Called at the start of a report's transaction. PostgreSQL compiles queries it thinks costly
   * (JIT); on a long history that adds half a second to each report query and saves nothing, as
   * measured by FunnelQueryBenchmark.
   */
  void forReports() {
    if (postgres) {
      jdbc.sql("set local jit = off").update();
    }
  }

  /** SLA compliance of the assignments made in the period, per person. */
  List<RepSla> slaByRep(ReportFilter filter) {
    List<Object> params = filter.periodParams();
    String sql =
        """
        select a.role, a.rep_id, r.name, r.team,
               sum(case when %s then 1 else 0 end) as met,
               sum(case when %s then 1 else 0 end) as missed,
               sum(case when %s then 1 else 0 end) as pending
        from assignment a join lead l on l.id = a.lead_id join rep r on r.id = a.rep_id
        where a.assigned_at >= ? and a.assigned_at < ? %s
        group by a.role, a.rep_id, r.name, r.team
        order by a.role, a.rep_id
        """
            .formatted(MET, MISSED, PENDING, assignmentConditions(filter, params));
    return jdbc.sql(lean(sql, filter))
        .params(params)
        .query(
            (rs, n) ->
                new RepSla(
                    rs.getString("rep_id"),
                    rs.getString("name"),
                    rs.getString("team"),
                    rs.getString("role"),
                    rs.getLong("met"),
                    rs.getLong("missed"),
                    rs.getLong("pending")))
        .list();
  }

  /** SLA compliance per day (UTC) of assignment. */
  List<DaySla> slaByDay(ReportFilter filter) {
    List<Object> params = filter.periodParams();
    String day = "floor(" + epoch("a.assigned_at") + " / 86400)";
    String sql =
        """
        select %s as day_number, a.role,
               sum(case when %s then 1 else 0 end) as met,
               sum(case when %s then 1 else 0 end) as missed
        from assignment a join lead l on l.id = a.lead_id join rep r on r.id = a.rep_id
        where a.assigned_at >= ? and a.assigned_at < ? %s
        group by %s, a.role
        order by 1, 2
        """
            .formatted(day, MET, MISSED, assignmentConditions(filter, params), day);
    return jdbc.sql(lean(sql, filter))
        .params(params)
        .query(
            (rs, n) ->
                new DaySla(
                    LocalDate.ofEpochDay(rs.getLong("day_number")),
                    rs.getString("role"),
                    rs.getLong("met"),
                    rs.getLong("missed")))
        .list();
  }

  /** Activities of a kind in the period, counted per code (or per detail). */
  List<Count> activities(ReportFilter filter, String kind, String role, String code, String by) {
    List<Object> params = filter.periodParams();
    StringBuilder where = new StringBuilder(" and x.kind = ?");
    params.add(kind);
    if (role != null) {
      where.append(" and x.role = ?");
      params.add(role);
    }
    if (code != null) {
      where.append(" and x.code = ?");
      params.add(code);
    }
    String sql =
        """
        select coalesce(x.%s, 'UNSPECIFIED') as k, count(*) as n
        from lead_activity x join lead l on l.id = x.lead_id
        where x.occurred_at >= ? and x.occurred_at < ? %s %s
        group by coalesce(x.%s, 'UNSPECIFIED')
        """
            .formatted(by, where, filter.leadConditions(params), by);
    return counts(filter, sql, params);
  }

  /** Entries into a stage in the period, counted per reason code. */
  List<Count> stageReasons(ReportFilter filter, Stage stage) {
    List<Object> params = filter.periodParams();
    params.add(stage.name());
    String sql =
        """
        select coalesce(c.reason_code, 'UNSPECIFIED') as k, count(*) as n
        from lead_stage_change c join lead l on l.id = c.lead_id
        where c.changed_at >= ? and c.changed_at < ? and c.to_stage = ? %s
        group by coalesce(c.reason_code, 'UNSPECIFIED')
        """
            .formatted(filter.leadConditions(params));
    return counts(filter, sql, params);
  }

  /** Leads captured in the period, per source. */
  List<Count> sources(ReportFilter filter) {
    List<Object> params = filter.periodParams();
    String sql =
        """
        select coalesce(l.source, 'unknown') as k, count(*) as n
        from lead l
        where l.created_at >= ? and l.created_at < ? %s
        group by coalesce(l.source, 'unknown')
        """
            .formatted(filter.leadConditions(params));
    return counts(filter, sql, params);
  }

  /** Leads that became MQL, per week (Monday-based, UTC) of the period. */
  Map<LocalDate, Long> mqlsPerWeek(ReportFilter filter) {
    List<Object> params = filter.periodParams();
    String week = weekNumber("c.changed_at");
    String sql =
        """
        select %s as week_number, count(distinct c.lead_id) as n
        from lead_stage_change c join lead l on l.id = c.lead_id
        where c.changed_at >= ? and c.changed_at < ? and c.to_stage = 'MQL' %s
        group by %s
        order by 1
        """
            .formatted(week, filter.leadConditions(params), week);
    Map<LocalDate, Long> weeks = new LinkedHashMap<>();
    jdbc.sql(lean(sql, filter))
        .params(params)
        .query((rs, n) -> weeks.put(monday(rs.getLong("week_number")), rs.getLong("n")))
        .list();
    return weeks;
  }

  /** What the active qualifiers (of the team) can take on per week. */
  long qualifierWeeklyCapacity(String team) {
    List<Object> params = new ArrayList<>();
    String sql =
        "select coalesce(sum(coalesce(weekly_capacity, capacity)), 0) from rep"
            + " where role = 'QUALIFIER' and active = true";
    if (team != null) {
      sql += " and team = ?";
      params.add(team);
    }
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  /** The leads behind one report number, most recently changed first. */
  List<UUID> leads(Drill drill, int limit, int offset) {
    List<Object> params = new ArrayList<>();
    String ids = leadIds(drill, params);
    params.add(offset);
    params.add(limit);
    return jdbc.sql(
            "select l.id from lead l where l.id in ("
                + lean(ids, drill.filter())
                + ") order by l.updated_at desc, l.id offset ? rows fetch next ? rows only")
        .params(params)
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .list();
  }

  long countLeads(Drill drill) {
    List<Object> params = new ArrayList<>();
    String ids = leadIds(drill, params);
    return jdbc.sql("select count(*) from lead l where l.id in (" + lean(ids, drill.filter()) + ")")
        .params(params)
        .query(Long.class)
        .single();
  }

  private static String leadIds(Drill drill, List<Object> params) {
    ReportFilter filter = drill.filter();
    Stage stage = drill.stage();
    String role = drill.role();
    String rep = drill.rep();
    String key = drill.key();
    Metric metric = drill.metric();
    require("metric", metric);
    params.addAll(filter.periodParams());
    switch (metric) {
      case ENTERED, CONVERTED, STILL_THERE -> {
        require("stage", stage);
        params.add(stage.name());
        String extra =
            switch (metric) {
              case CONVERTED -> {
                Stage next = Funnel.NEXT.get(stage);
                if (next == null) {
                  throw new org.leadhandoff.web.InvalidFieldException(
                      "stage", stage + " has no next stage");
                }
                params.add(next.name());
                yield " and c.next_stage = ?";
              }
              case STILL_THERE -> " and c.left_at is null";
              default -> "";
            };
        return "select c.lead_id from lead_stage_change c join lead l on l.id = c.lead_id"
            + " where c.changed_at >= ? and c.changed_at < ? and c.to_stage = ?"
            + extra
            + filter.leadConditions(params);
      }
      case SLA_MET, SLA_MISSED -> {
        require("role", role);
        params.add(role);
        String repCondition = "";
        if (rep != null) {
          repCondition = " and a.rep_id = ?";
          params.add(rep);
        }
        return "select a.lead_id from assignment a join lead l on l.id = a.lead_id"
            + " join rep r on r.id = a.rep_id"
            + " where a.assigned_at >= ? and a.assigned_at < ? and a.role = ?"
            + repCondition
            + " and "
            + (metric == Metric.SLA_MET ? MET : MISSED)
            + assignmentConditions(filter, params);
      }
      case REROUTED, ESCALATED, REJECTED -> {
        String kind =
            metric == Metric.ESCALATED
                ? "ESCALATION"
                : metric == Metric.REROUTED ? "REROUTE" : "DECISION";
        params.add(kind);
        String condition = "";
        if (metric == Metric.REJECTED) {
          require("key", key);
          condition =
              " and x.role = 'SALES_REP' and x.code = 'REJECT' and coalesce(x.detail, 'UNSPECIFIED') = ?";
          params.add(key);
        } else if (key != null) {
          condition = " and x.code = ?";
          params.add(key);
        }
        return "select x.lead_id from lead_activity x join lead l on l.id = x.lead_id"
            + " where x.occurred_at >= ? and x.occurred_at < ? and x.kind = ?"
            + condition
            + filter.leadConditions(params);
      }
      case RECYCLED, DISQUALIFIED -> {
        require("key", key);
        params.add(metric.name());
        params.add(key);
        return "select c.lead_id from lead_stage_change c join lead l on l.id = c.lead_id"
            + " where c.changed_at >= ? and c.changed_at < ? and c.to_stage = ?"
            + " and coalesce(c.reason_code, 'UNSPECIFIED') = ?"
            + filter.leadConditions(params);
      }
      case SOURCE -> {
        require("key", key);
        params.add(key);
        return "select l.id from lead l where l.created_at >= ? and l.created_at < ?"
            + " and coalesce(l.source, 'unknown') = ?"
            + filter.leadConditions(params);
      }
      default -> throw new IllegalStateException("Unknown metric " + metric);
    }
  }

  /** Source on the lead; team on the person assigned (alias r), for the SLA queries. */
  private static String assignmentConditions(ReportFilter filter, List<Object> params) {
    StringBuilder sql = new StringBuilder();
    if (filter.source() != null) {
      sql.append(" and l.source = ?");
      params.add(filter.source());
    }
    if (filter.team() != null) {
      sql.append(" and r.team = ?");
      params.add(filter.team());
    }
    return sql.toString();
  }

  private static final java.util.regex.Pattern LEAD_JOIN =
      java.util.regex.Pattern.compile(" join lead l on l\\.id = \\w+\\.lead_id");

  /** Without a source or team filter the lead table adds nothing: the query skips it. */
  static String lean(String sql, ReportFilter filter) {
    return filter.companyWide() ? LEAD_JOIN.matcher(sql).replaceAll("") : sql;
  }

  private static void require(String field, Object value) {
    if (value == null) {
      throw new org.leadhandoff.web.InvalidFieldException(field, "is required for this metric");
    }
  }

  private List<Count> counts(ReportFilter filter, String sql, List<Object> params) {
    return ordered(
        jdbc.sql(lean(sql, filter))
            .params(params)
            .query((rs, n) -> new Count(rs.getString("k"), rs.getLong("n")))
            .list());
  }

  /**
   * The most frequent first, ties by key as Java orders text: the same order whichever database
   * (and collation) counted them, and whether a report read rows or daily counts.
   */
  static List<Count> ordered(List<Count> counts) {
    return counts.stream()
        .sorted(
            java.util.Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key))
        .toList();
  }

  /**
   * A lead that came back to marketing: recycled (not now, not reached, rejected by sales) or
   * returned as mis-scored.
   *
   * @param reasonCode NOT_NOW, NO_ANSWER, REJECTED_BY_SALES or MIS_SCORED
   * @param reason in the words of the person who sent it back, as the stage history has it
   * @param by who sent it back: the qualifier or rep whose decision it followed (the model's event
   *     where nobody decided)
   * @param revisitAt when a recycled lead returns to the funnel (null for a mis-scored one: it is
   *     back in profile at once)
   * @param leftAt when it left that stage again, if it has
   */
  record Returned(
      UUID leadId,
      String firstName,
      String lastName,
      String email,
      String company,
      Stage toStage,
      String reasonCode,
      java.util.Map<String, Object> reasonFacts,
      String reason,
      String by,
      Instant returnedAt,
      Instant revisitAt,
      Instant leftAt,
      Stage stageNow,
      String byName) {

    Returned named(String name) {
      return new Returned(
          leadId,
          firstName,
          lastName,
          email,
          company,
          toStage,
          reasonCode,
          reasonFacts,
          reason,
          by,
          returnedAt,
          revisitAt,
          leftAt,
          stageNow,
          name);
    }
  }

  private static final String RETURNED =
      """
      from lead_stage_change c join lead l on l.id = c.lead_id
      where c.changed_at >= :from and c.changed_at < :to
        and (c.to_stage = 'RECYCLED' or (c.to_stage = 'IN_PROFILE' and c.reason_code = 'MIS_SCORED'))
      """;

  /** The leads that came back to marketing in the period, latest first. */
  List<Returned> returned(ReportFilter filter, int limit, int offset) {
    return jdbc.sql(
            "select c.lead_id, l.first_name, l.last_name, l.email, l.company, c.to_stage,"
                + " c.reason_code, c.reason_facts, c.reason, c.changed_at, c.left_at, l.stage,"
                // Who sent it back: the person whose decision it followed, not the model's event.
                + " coalesce((select a.actor from lead_activity a where a.lead_id = c.lead_id"
                + " and a.kind = 'DECISION' and a.occurred_at <= c.changed_at"
                + " order by a.occurred_at desc, a.id desc fetch first 1 rows only), c.changed_by)"
                + " as sent_by,"
                + " case when c.to_stage = 'RECYCLED' then l.revisit_at end as revisit_at "
                + RETURNED
                + " order by c.changed_at desc, c.id desc offset :offset rows fetch next :limit rows only")
        .param("from", Timestamps.utc(filter.from()))
        .param("to", Timestamps.utc(filter.to()))
        .param("offset", offset)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Returned(
                    rs.getObject("lead_id", UUID.class),
                    rs.getString("first_name"),
                    rs.getString("last_name"),
                    rs.getString("email"),
                    rs.getString("company"),
                    Stage.valueOf(rs.getString("to_stage")),
                    rs.getString("reason_code"),
                    org.leadhandoff.system.Why.facts(rs.getString("reason_facts")),
                    rs.getString("reason"),
                    rs.getString("sent_by"),
                    Timestamps.instant(rs.getObject("changed_at", java.time.OffsetDateTime.class)),
                    Timestamps.instant(rs.getObject("revisit_at", java.time.OffsetDateTime.class)),
                    Timestamps.instant(rs.getObject("left_at", java.time.OffsetDateTime.class)),
                    Stage.valueOf(rs.getString("stage")),
                    null))
        .list();
  }

  long returnedCount(ReportFilter filter) {
    return jdbc.sql("select count(*) " + RETURNED)
        .param("from", Timestamps.utc(filter.from()))
        .param("to", Timestamps.utc(filter.to()))
        .query(Long.class)
        .single();
  }
}
