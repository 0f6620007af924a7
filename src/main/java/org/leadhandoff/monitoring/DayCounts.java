package org.leadhandoff.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leadhandoff.monitoring.FunnelReport.Count;
import org.leadhandoff.monitoring.FunnelReport.DaySla;
import org.leadhandoff.monitoring.FunnelReport.RepSla;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funnel report's figures besides the stages, counted per day (UTC): leads captured per source,
 * assignments per role, person and SLA outcome, reroutes and escalations per cause, sales
 * rejections per reason. As with the stage figures ({@link FunnelStages}), {@link #fold} adds the
 * rows that can no longer change to report_day_count, and a company-wide report reads its whole
 * days from there, plus the rows not folded yet and the part days at either end from the rows
 * themselves: a year costs about what a month does, and the answer is the one the rows give ({@link
 * ReportStore}'s queries, which a report of one source or team still runs).
 */
@Repository
class DayCounts {

  /** What a row counts as. Every assignment counts as exactly one of the four SLA figures. */
  enum Figure {
    SOURCE,
    SLA_MET,
    SLA_MISSED,
    SLA_PENDING,
    /** Closed without its owner acting: reassigned, or the lead was erased. */
    SLA_NONE,
    REROUTE,
    ESCALATION,
    REJECTION;

    boolean sla() {
      return name().startsWith("SLA_");
    }
  }

  /** The longest item kept: a rejection reason is a code, a typed one is cut here. */
  static final int ITEM_LENGTH = 200;

  /**
   * Where figures come from: a table whose rows each count once, when, as which figure (null: as
   * none), for which role and item; which of its rows matter to the reports, and which can no
   * longer change (only those are folded).
   */
  private record Feed(
      String table,
      String alias,
      String at,
      String figure,
      String role,
      String item,
      String relevant,
      String settled) {

    /** The rows of the table that matter and meet the condition: when, as what, for whom. */
    String select(String columns, String condition) {
      return "select %s%s as at, %s as figure, %s as role, %s as item from %s %s where %s and %s"
          .formatted(columns, at, figure, role, item, table, alias, relevant, condition);
    }
  }

  private static final List<Feed> FEEDS =
      List.of(
          new Feed(
              "lead",
              "l",
              "l.created_at",
              "'SOURCE'",
              "''",
              "coalesce(l.source, 'unknown')",
              "1 = 1",
              "1 = 1"),
          new Feed(
              "assignment",
              "a",
              "a.assigned_at",
              "case when %s then 'SLA_MET' when %s then 'SLA_MISSED' when %s then 'SLA_PENDING' else 'SLA_NONE' end"
                  .formatted(ReportStore.MET, ReportStore.MISSED, ReportStore.PENDING),
              "a.role",
              "a.rep_id",
              "1 = 1",
              // The store acts on and misses open assignments only, so a closed or acted one
              // keeps its figure.
              "(a.state = 'CLOSED' or a.acted_at is not null)"),
          new Feed(
              "lead_activity",
              "x",
              "x.occurred_at",
              """
              case when x.kind = 'REROUTE' then 'REROUTE' when x.kind = 'ESCALATION' then 'ESCALATION'
                   when x.role = 'SALES_REP' and x.code = 'REJECT' then 'REJECTION' end""",
              "''",
              "case when x.kind = 'DECISION' then substr(coalesce(x.detail, 'UNSPECIFIED'), 1, "
                  + ITEM_LENGTH
                  + ") else coalesce(x.code, 'UNSPECIFIED') end",
              "x.kind in ('REROUTE', 'ESCALATION', 'DECISION')",
              "1 = 1"));

  /**
   * A row of the counts: a day's (or a month's, on its first day); an assignment's figure for a
   * person (item: their id) or, on a day, for everyone in the role (item empty).
   */
  private record Key(LocalDate day, Figure figure, String role, String item)
      implements Comparable<Key> {

    boolean isDayTotal() {
      return figure.sla() && item.isEmpty();
    }

    Key month() {
      return new Key(day.withDayOfMonth(1), figure, role, item);
    }

    private static final Comparator<Key> ORDER =
        Comparator.comparing(Key::day)
            .thenComparing(Key::figure)
            .thenComparing(Key::role)
            .thenComparing(Key::item);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  private final JdbcClient jdbc;

  DayCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- Folding ------------------------------------------------------------------------------

  /**
   * Adds up to {@code max} rows of each table that can no longer change to the daily counts, in one
   * transaction under the fold's lock (the stage figures' too), so instances never fold a row
   * twice.
   *
   * @return the most rows folded from one table (less than {@code max}: nothing more waits)
   */
  @Transactional
  public int fold(int max) {
    ReportStore.lockFolding(jdbc);
    int most = 0;
    for (Feed feed : FEEDS) {
      most = Math.max(most, fold(feed, max));
    }
    return most;
  }

  private int fold(Feed feed, int max) {
    List<Object> ids = new ArrayList<>();
    Map<Key, Long> counts = new TreeMap<>();
    jdbc.sql(
            feed.select(feed.alias() + ".id, ", "rolled_up = false and " + feed.settled())
                + " fetch first ? rows only")
        .param(max)
        .query(
            (RowCallbackHandler)
                rs -> {
                  ids.add(rs.getObject("id"));
                  count(counts, rs);
                });
    // In key order: two folds never wait on each other's rows the other way round.
    counts.forEach((key, n) -> addTo("report_day_count", "on_day", key, n));
    Map<Key, Long> months = new TreeMap<>();
    counts.forEach(
        (key, n) -> {
          if (!key.isDayTotal()) {
            months.merge(key.month(), n, Long::sum);
          }
        });
    months.forEach((key, n) -> addTo("report_month_count", "on_month", key, n));
    for (int i = 0; i < ids.size(); i += 500) {
      List<Object> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
      jdbc.sql(
              "update "
                  + feed.table()
                  + " set rolled_up = true where id in ("
                  + String.join(",", Collections.nCopies(chunk.size(), "?"))
                  + ")")
          .params(chunk)
          .update();
    }
    return ids.size();
  }

  /**
   * Counts a row of a feed under its key, and an assignment also under its day's total for the role
   * (item empty), which the SLA per day reads.
   */
  private static void count(Map<Key, Long> counts, java.sql.ResultSet rs)
      throws java.sql.SQLException {
    String name = rs.getString("figure");
    if (name != null) {
      Instant at = Timestamps.instant(rs.getObject("at", OffsetDateTime.class));
      Figure figure = Figure.valueOf(name);
      String role = rs.getString("role");
      counts.merge(new Key(PeriodDays.day(at), figure, role, rs.getString("item")), 1L, Long::sum);
      if (figure.sla()) {
        counts.merge(new Key(PeriodDays.day(at), figure, role, ""), 1L, Long::sum);
      }
    }
  }

  /** Adds to a key's row of the day (or month) table, or starts the row. */
  private void addTo(String table, String dayColumn, Key key, long n) {
    Object[] where = {key.day(), key.figure().name(), key.role(), key.item()};
    int updated =
        jdbc.sql(
                "update %s set n = n + ? where %s = ? and figure = ? and role = ? and item = ?"
                    .formatted(table, dayColumn))
            .param(n)
            .params(where)
            .update();
    if (updated == 0) {
      // Under the fold's lock nobody else inserts the row meanwhile.
      jdbc.sql(
              "insert into %s (%s, figure, role, item, n) values (?, ?, ?, ?, ?)"
                  .formatted(table, dayColumn))
          .params(where)
          .param(n)
          .update();
    }
  }

  // --- Reading ------------------------------------------------------------------------------

  /** A person as the SLA tables name them. */
  private record Person(String name, String team) {}

  /** What the company's rows say of a period, per day, figure, role and item. */
  static final class Period {

    private final Map<Key, Long> counts;
    private final Map<String, Person> people;

    private Period(Map<Key, Long> counts, Map<String, Person> people) {
      this.counts = counts;
      this.people = people;
    }

    /** One figure's counts per item, the most frequent first. */
    List<Count> counts(Figure figure) {
      Map<String, Long> items = new HashMap<>();
      counts.forEach(
          (key, n) -> {
            if (key.figure() == figure) {
              items.merge(key.item(), n, Long::sum);
            }
          });
      return ReportStore.ordered(
          items.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList());
    }

    /** SLA outcomes per role and person, as {@link ReportStore#slaByRep}. */
    List<RepSla> slaByRep() {
      Map<Key, long[]> byRep =
          sla(false, key -> new Key(LocalDate.EPOCH, key.figure(), key.role(), key.item()));
      return byRep.entrySet().stream()
          .map(
              e -> {
                Person person = people.get(e.getKey().item());
                long[] sla = e.getValue();
                return new RepSla(
                    e.getKey().item(),
                    person.name(),
                    person.team(),
                    e.getKey().role(),
                    sla[0],
                    sla[1],
                    sla[2]);
              })
          .toList();
    }

    /** SLA outcomes per day of assignment and role, as {@link ReportStore#slaByDay}. */
    List<DaySla> slaByDay() {
      return sla(true, key -> key).entrySet().stream()
          .map(
              e ->
                  new DaySla(e.getKey().day(), e.getKey().role(), e.getValue()[0], e.getValue()[1]))
          .toList();
    }

    /**
     * Met, missed and pending assignments, of the days' totals or of each person, summed per key as
     * {@code by} makes it (its figure is ignored), in key order.
     */
    private Map<Key, long[]> sla(boolean dayTotals, java.util.function.UnaryOperator<Key> by) {
      Map<Key, long[]> sums = new TreeMap<>();
      counts.forEach(
          (key, n) -> {
            if (key.figure().sla() && key.isDayTotal() == dayTotals) {
              Key group = by.apply(key);
              long[] sla =
                  sums.computeIfAbsent(
                      new Key(group.day(), Figure.SLA_NONE, group.role(), group.item()),
                      k -> new long[3]);
              add(sla, key.figure(), n);
            }
          });
      return sums;
    }

    private static void add(long[] sla, Figure figure, long n) {
      switch (figure) {
        case SLA_MET -> sla[0] += n;
        case SLA_MISSED -> sla[1] += n;
        case SLA_PENDING -> sla[2] += n;
        default -> {}
      }
    }
  }

  /**
   * The period's whole months and other whole days (UTC) from the monthly and daily counts and the
   * rows not folded yet, the part days at either end from the rows, all in one statement so that a
   * fold committing meanwhile is seen entirely or not at all.
   */
  Period companyWide(Instant from, Instant to) {
    PeriodDays period = PeriodDays.of(from, to);
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (period.hasWholeDays()) {
      // Column, table, and what else a row must be.
      String counts =
          """
          select %1$s as on_day, n, cast(null as timestamp with time zone) as at, figure, role, item
          from %2$s where %1$s >= ? and %1$s < ?%3$s""";
      parts.add(counts.formatted("on_month", "report_month_count", ""));
      Collections.addAll(params, period.monthsFrom(), period.monthsTo());
      // The SLA of each day of those months, for the SLA per day.
      parts.add(
          counts.formatted("on_day", "report_day_count", " and figure like 'SLA%' and item = ''"));
      Collections.addAll(params, period.monthsFrom(), period.monthsTo());
      for (LocalDate[] days :
          new LocalDate[][] {
            {period.firstDay(), period.monthsFrom()}, {period.monthsTo(), period.endDay()}
          }) {
        parts.add(counts.formatted("on_day", "report_day_count", ""));
        Collections.addAll(params, days[0], days[1]);
      }
      rows(parts, params, "rolled_up = false and ", period.start(), period.end());
      rows(parts, params, "", from, period.start());
      rows(parts, params, "", period.end(), to);
    } else {
      rows(parts, params, "", from, to);
    }
    Map<Key, Long> counts = new HashMap<>();
    jdbc.sql(String.join("\nunion all\n", parts))
        .params(params)
        .query(
            (RowCallbackHandler)
                rs -> {
                  LocalDate onDay = rs.getObject("on_day", LocalDate.class);
                  if (onDay == null) {
                    count(counts, rs);
                  } else {
                    counts.merge(
                        new Key(
                            onDay,
                            Figure.valueOf(rs.getString("figure")),
                            rs.getString("role"),
                            rs.getString("item")),
                        rs.getLong("n"),
                        Long::sum);
                  }
                });
    Map<String, Person> people = new HashMap<>();
    jdbc.sql("select id, name, team from rep")
        .query(
            (RowCallbackHandler)
                rs ->
                    people.put(
                        rs.getString("id"),
                        new Person(rs.getString("name"), rs.getString("team"))));
    return new Period(counts, people);
  }

  /** Each table's rows in [from, to) (when the span is not empty), one by one. */
  private static void rows(
      List<String> parts, List<Object> params, String condition, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      return;
    }
    for (Feed feed : FEEDS) {
      parts.add(
          feed.select(
              "cast(null as date) as on_day, cast(1 as bigint) as n, ",
              condition + feed.at() + " >= ? and " + feed.at() + " < ?"));
      params.add(Timestamps.utc(from));
      params.add(Timestamps.utc(to));
    }
  }
}
