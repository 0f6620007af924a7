package org.leadhandoff.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funnel's figures per stage for a period: leads that entered each stage, how many of them went
 * straight on, how long their stays took, why they were recycled or disqualified, and the MQLs of
 * each week. Company-wide they are read from daily figures (report_stage_day) kept up by {@link
 * #fold}, plus the stage changes not folded yet and, at a period's edges, the part days from the
 * history itself: the cost grows with the period's days and its leads that came back, not with all
 * its changes, and the result is the same as counting the history (tests hold them together). A
 * report of one source or team reads the history, as its leads are not known in advance.
 */
@Repository
class FunnelStages {

  /** A stage's figures for the period. */
  record Figures(
      long entered,
      long converted,
      long finished,
      Long medianSeconds,
      Long p90Seconds,
      long stillThere) {}

  private final JdbcClient jdbc;

  FunnelStages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- Counting -----------------------------------------------------------------------------

  /** Stays that began in a stretch of time, one stage's. Entries, not yet leads. */
  private static final class Tally {
    long entered;
    long converted;
    long finished;
    // Keyed by the day an earlier entry began: entries of the stage by leads that had entered it
    // then (again), MQL ones in that entry's week (againSameWeek), and stays that went on by leads
    // that had gone on from an entry then (wentOnAgain).
    long again;
    long againSameWeek;
    long wentOnAgain;
    final StayLengths.Counts stays = new StayLengths.Counts();
    final Map<String, Long> reasons = new TreeMap<>();

    void entry(String reasonCode) {
      entered++;
      reasons.merge(reasonCode == null ? UNSPECIFIED : reasonCode, 1L, Long::sum);
    }

    void addReasons(Map<String, Long> more) {
      more.forEach((code, count) -> reasons.merge(code, count, Long::sum));
    }

    void ended(Stage stage, Stage next, long seconds) {
      finished++;
      if (next != null && next == Funnel.NEXT.get(stage)) {
        converted++;
      }
      stays.add(StayLengths.key(seconds), 1);
    }

    /** The stage's figures, with its entries and those that went on counted as leads. */
    Figures figures(long leadsEntered, long leadsWentOn) {
      return new Figures(
          leadsEntered,
          leadsWentOn,
          finished,
          stays.percentile(0.5),
          stays.percentile(0.9),
          entered - finished);
    }

    void add(long entered, long converted, long finished, StayLengths.Counts stays) {
      this.entered += entered;
      this.converted += converted;
      this.finished += finished;
      this.stays.addAll(stays);
    }

    void addAgain(long again, long againSameWeek, long wentOnAgain) {
      this.again += again;
      this.againSameWeek += againSameWeek;
      this.wentOnAgain += wentOnAgain;
    }

    void addAll(Tally other) {
      add(other.entered, other.converted, other.finished, other.stays);
      addReasons(other.reasons);
      addAgain(other.again, other.againSameWeek, other.wentOnAgain);
    }

    /** An entry of the stage at {@code at} by a lead that had entered it at {@code before}. */
    void cameBack(Stage stage, Instant before, Instant at) {
      again++;
      if (stage == Stage.MQL && sameWeek(before, at)) {
        againSameWeek++;
      }
    }
  }

  private static boolean sameWeek(Instant one, Instant other) {
    return monday(PeriodDays.day(one)).equals(monday(PeriodDays.day(other)));
  }

  /** The reason code of entries recorded without one, as the reports name it. */
  static final String UNSPECIFIED = "UNSPECIFIED";

  private static Tally tally(Map<Key, Tally> tallies, Instant at, Stage stage) {
    return tallies.computeIfAbsent(new Key(PeriodDays.day(at), stage), k -> new Tally());
  }

  private static Map<String, Long> reasons(String text) {
    Map<String, Long> reasons = new TreeMap<>();
    CountsColumn.read(text, code -> code, (code, count) -> reasons.merge(code, count, Long::sum));
    return reasons;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return Timestamps.instant(rs.getObject(column, OffsetDateTime.class));
  }

  private static Stage stage(ResultSet rs, String column) throws SQLException {
    String name = rs.getString(column);
    return name == null ? null : Stage.valueOf(name);
  }

  // --- Folding ------------------------------------------------------------------------------

  private record Key(LocalDate day, Stage stage) implements Comparable<Key> {

    /** The same stage on the first day of the month: the key of the month's row. */
    Key month() {
      return new Key(day.withDayOfMonth(1), stage);
    }

    @Override
    public int compareTo(Key other) {
      int byDay = day.compareTo(other.day);
      return byDay != 0 ? byDay : stage.compareTo(other.stage);
    }
  }

  /**
   * Adds up to {@code max} stage changes not counted yet to the daily figures, in one transaction
   * under the fold's lock (so instances never fold the same rows twice). Each change counts as an
   * entry on its own day and as the end of the stay before it on that stay's day.
   *
   * @return how many changes it folded
   */
  @Transactional
  public int fold(int max) {
    ReportStore.lockFolding(jdbc);
    List<Long> ids = new ArrayList<>();
    Map<Key, Tally> tallies = new TreeMap<>();
    jdbc.sql(
            """
            select id, to_stage, changed_at, from_stage, from_since, reason_code, prev_entry_at,
                   from_prev_went_on_at
            from lead_stage_change
            where rolled_up = false order by changed_at, id fetch first ? rows only
            """)
        .param(max)
        .query(
            (RowCallbackHandler)
                rs -> {
                  ids.add(rs.getLong("id"));
                  Instant at = instant(rs, "changed_at");
                  Stage to = stage(rs, "to_stage");
                  tally(tallies, at, to).entry(rs.getString("reason_code"));
                  Instant since = instant(rs, "from_since");
                  Stage from = stage(rs, "from_stage");
                  if (since != null && from != null) {
                    tally(tallies, since, from).ended(from, to, StayLengths.seconds(since, at));
                  }
                  Instant before = instant(rs, "prev_entry_at");
                  if (before != null) {
                    tally(tallies, before, to).cameBack(to, before, at);
                  }
                  Instant wentOnBefore = instant(rs, "from_prev_went_on_at");
                  if (wentOnBefore != null && from != null) {
                    tally(tallies, wentOnBefore, from).wentOnAgain++;
                  }
                });
    if (ids.isEmpty()) {
      return 0;
    }
    // In key order: two folds never wait on each other's rows the other way round.
    tallies.forEach((key, tally) -> addTo("report_stage_day", "on_day", key, tally));
    Map<Key, Tally> months = new TreeMap<>();
    tallies.forEach(
        (key, tally) -> {
          months.computeIfAbsent(key.month(), k -> new Tally()).addAll(tally);
        });
    months.forEach((key, tally) -> addTo("report_stage_month", "on_month", key, tally));
    for (int i = 0; i < ids.size(); i += 1_000) {
      List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1_000));
      jdbc.sql(
              "update lead_stage_change set rolled_up = true where id in ("
                  + String.join(",", chunk.stream().map(String::valueOf).toList())
                  + ")")
          .update();
    }
    return ids.size();
  }

  /** Adds a tally to its row of the day (or month) table, or starts the row. */
  private void addTo(String table, String dayColumn, Key key, Tally tally) {
    var existing =
        jdbc.sql(
                """
                select entered, converted, finished, stays, reasons, again, again_same_week,
                       went_on_again
                from %s where %s = ? and stage = ? for update
                """
                    .formatted(table, dayColumn))
            .params(key.day(), key.stage().name())
            .query(
                (rs, n) -> {
                  Tally kept = new Tally();
                  kept.add(
                      rs.getLong("entered"),
                      rs.getLong("converted"),
                      rs.getLong("finished"),
                      StayLengths.Counts.parse(rs.getString("stays")));
                  kept.addReasons(reasons(rs.getString("reasons")));
                  kept.addAgain(
                      rs.getLong("again"),
                      rs.getLong("again_same_week"),
                      rs.getLong("went_on_again"));
                  return kept;
                })
            .optional();
    if (existing.isPresent()) {
      Tally sum = existing.get();
      sum.addAll(tally);
      jdbc.sql(
              """
              update %s set entered = ?, converted = ?, finished = ?, stays = ?, reasons = ?,
                            again = ?, again_same_week = ?, went_on_again = ?
              where %s = ? and stage = ?
              """
                  .formatted(table, dayColumn))
          .params(
              sum.entered,
              sum.converted,
              sum.finished,
              sum.stays.text(),
              CountsColumn.write(sum.reasons),
              sum.again,
              sum.againSameWeek,
              sum.wentOnAgain,
              key.day(),
              key.stage().name())
          .update();
    } else {
      // Under the fold's lock nobody else inserts the day's row meanwhile.
      jdbc.sql(
              """
              insert into %s (%s, stage, entered, converted, finished, stays, reasons, again,
                              again_same_week, went_on_again)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """
                  .formatted(table, dayColumn))
          .params(
              key.day(),
              key.stage().name(),
              tally.entered,
              tally.converted,
              tally.finished,
              tally.stays.text(),
              CountsColumn.write(tally.reasons),
              tally.again,
              tally.againSameWeek,
              tally.wentOnAgain)
          .update();
    }
  }

  // --- Reading: company-wide, from the daily figures ----------------------------------------

  /**
   * What the company's stage history says of a period: each stage's figures, its entries per reason
   * code, and the leads that became MQL per week (Monday, UTC) of the period.
   */
  record Period(
      Map<Stage, Figures> stages,
      Map<Stage, Map<String, Long>> reasons,
      Map<LocalDate, Long> mqlsPerWeek) {

    /** A stage's entries per reason code, the most frequent first, as the report lists them. */
    List<FunnelReport.Count> reasons(Stage stage) {
      return ReportStore.ordered(
          reasons.getOrDefault(stage, Map.of()).entrySet().stream()
              .map(e -> new FunnelReport.Count(e.getKey(), e.getValue()))
              .toList());
    }
  }

  /**
   * The period's whole months and other whole days (UTC) from the monthly and daily figures and the
   * changes not folded yet, read in one statement so that a fold committing meanwhile is seen
   * entirely or not at all; the part days at either end from the history. Each lead is counted once
   * per stage (and week), however often it entered it in the period: the figures hold, on the day a
   * lead's earlier entry began, its entries that came after; those of the period's days, less the
   * ones that came only after the period's end, are the entries to count off.
   */
  Period companyWide(Instant from, Instant to) {
    PeriodDays period = PeriodDays.of(from, to);
    Map<Key, Tally> days = new TreeMap<>();
    Map<Stage, Tally> tallies = new EnumMap<>(Stage.class);
    Map<LocalDate, Long> mqls = new TreeMap<>();
    if (period.hasWholeDays()) {
      wholeDays(period, days, tallies, mqls);
      if (from.isBefore(period.start())) {
        fromHistory(from, period.start(), days);
      }
      if (period.end().isBefore(to)) {
        fromHistory(period.end(), to, days);
      }
    } else {
      fromHistory(from, to, days);
    }
    days.forEach(
        (key, t) -> {
          tallies.computeIfAbsent(key.stage(), k -> new Tally()).addAll(t);
          if (key.stage() == Stage.MQL) {
            mqls.merge(monday(key.day()), t.entered - t.againSameWeek, Long::sum);
          }
        });
    cameBackAfter(from, to, tallies, mqls);
    Map<Stage, Figures> figures = new EnumMap<>(Stage.class);
    Map<Stage, Map<String, Long>> reasons = new EnumMap<>(Stage.class);
    tallies.forEach(
        (stage, t) -> {
          // A stage only counted off (its leads' earlier entries began here) was not entered.
          if (t.entered > 0) {
            figures.put(stage, t.figures(t.entered - t.again, t.converted - t.wentOnAgain));
            reasons.put(stage, t.reasons);
          }
        });
    mqls.values().removeIf(n -> n == 0);
    return new Period(figures, reasons, mqls);
  }

  private static LocalDate monday(LocalDate day) {
    return day.with(
        java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
  }

  /**
   * The period's whole days: its whole months from the monthly figures (added to {@code months},
   * with their MQLs per day from the daily figures into {@code mqls}), the days around them from
   * the daily figures and the changes not folded yet into {@code days}.
   */
  private void wholeDays(
      PeriodDays period,
      Map<Key, Tally> days,
      Map<Stage, Tally> months,
      Map<LocalDate, Long> mqls) {
    OffsetDateTime start = Timestamps.utc(period.start());
    OffsetDateTime end = Timestamps.utc(period.end());
    // Kind, day column, table, stays and reasons (or none), and what else a row must be.
    String figures =
        """
        select '%1$s' as kind, %2$s as on_day, stage as to_stage, entered, converted, finished,
               again, again_same_week, went_on_again, %4$s,
               cast(null as timestamp with time zone) as changed_at,
               cast(null as varchar(32)) as from_stage,
               cast(null as timestamp with time zone) as from_since,
               cast(null as varchar(100)) as reason_code
        from %3$s where %2$s >= ? and %2$s < ? %5$s
        """;
    String stays = "stays, reasons";
    String noStays = "cast(null as varchar(1)) as stays, cast(null as varchar(1)) as reasons";
    // A change not folded yet: kind, its stage, its day's column, and the condition on that column.
    String change =
        """
        select '%1$s', cast(null as date), %2$s, 0, 0, 0, 0, 0, 0, cast(null as varchar(1)),
               cast(null as varchar(1)), changed_at, from_stage, %3$s, reason_code
        from lead_stage_change
        where rolled_up = false and %4$s >= ? and %4$s < ?
        """;
    jdbc.sql(
            String.join(
                "union all\n",
                figures.formatted("M", "on_month", "report_stage_month", stays, ""),
                // The MQLs of each day of those months, for the weeks.
                figures.formatted("W", "on_day", "report_stage_day", noStays, "and stage = 'MQL'"),
                figures.formatted("D", "on_day", "report_stage_day", stays, ""),
                figures.formatted("D", "on_day", "report_stage_day", stays, ""),
                // Entries, ends of stays, comebacks and goings-on again, on the day each counts on.
                change.formatted("C", "to_stage", "from_since", "changed_at"),
                change.formatted("L", "to_stage", "from_since", "from_since"),
                change.formatted("A", "to_stage", "prev_entry_at", "prev_entry_at"),
                change.formatted(
                    "G", "from_stage", "from_prev_went_on_at", "from_prev_went_on_at")))
        .params(
            period.monthsFrom(),
            period.monthsTo(),
            period.monthsFrom(),
            period.monthsTo(),
            period.firstDay(),
            period.monthsFrom(),
            period.monthsTo(),
            period.endDay(),
            start,
            end,
            start,
            end,
            start,
            end,
            start,
            end)
        .query(
            (RowCallbackHandler)
                rs -> {
                  Stage stage = stage(rs, "to_stage");
                  String kind = rs.getString("kind");
                  if ("W".equals(kind)) {
                    LocalDate onDay = rs.getObject("on_day", LocalDate.class);
                    mqls.merge(
                        monday(onDay),
                        rs.getLong("entered") - rs.getLong("again_same_week"),
                        Long::sum);
                    return;
                  }
                  if ("M".equals(kind) || "D".equals(kind)) {
                    Tally figure =
                        "M".equals(kind)
                            ? months.computeIfAbsent(stage, k -> new Tally())
                            : days.computeIfAbsent(
                                new Key(rs.getObject("on_day", LocalDate.class), stage),
                                k -> new Tally());
                    figure.add(
                        rs.getLong("entered"),
                        rs.getLong("converted"),
                        rs.getLong("finished"),
                        StayLengths.Counts.parse(rs.getString("stays")));
                    figure.addReasons(reasons(rs.getString("reasons")));
                    figure.addAgain(
                        rs.getLong("again"),
                        rs.getLong("again_same_week"),
                        rs.getLong("went_on_again"));
                    return;
                  }
                  Instant at = instant(rs, "changed_at");
                  Instant since = instant(rs, "from_since");
                  switch (kind) {
                    case "C" -> tally(days, at, stage).entry(rs.getString("reason_code"));
                    case "A" -> tally(days, since, stage).cameBack(stage, since, at);
                    case "G" -> tally(days, since, stage).wentOnAgain++;
                    default -> {
                      Stage previous = stage(rs, "from_stage");
                      if (previous != null) {
                        tally(days, since, previous)
                            .ended(previous, stage, StayLengths.seconds(since, at));
                      }
                    }
                  }
                });
  }

  /**
   * Stays that began in [from, to), from the history, by day (entries, not yet leads), and the
   * entries and goings-on of leads that had entered or gone on from the stage in that time.
   */
  private void fromHistory(Instant from, Instant to, Map<Key, Tally> days) {
    OffsetDateTime start = Timestamps.utc(from);
    OffsetDateTime end = Timestamps.utc(to);
    jdbc.sql(
            """
            select 'E' as kind, to_stage, changed_at, left_at as at, next_stage, reason_code
            from lead_stage_change where changed_at >= ? and changed_at < ?
            union all
            select 'A', to_stage, changed_at, prev_entry_at, null, null
            from lead_stage_change where prev_entry_at >= ? and prev_entry_at < ?
            union all
            select 'G', to_stage, changed_at, prev_went_on_at, null, null
            from lead_stage_change
            where prev_went_on_at >= ? and prev_went_on_at < ? and next_stage = %s
            """
                .formatted(Funnel.nextStageCase("to_stage")))
        .params(start, end, start, end, start, end)
        .query(
            (RowCallbackHandler)
                rs -> {
                  Stage stage = stage(rs, "to_stage");
                  Instant changed = instant(rs, "changed_at");
                  Instant at = instant(rs, "at");
                  switch (rs.getString("kind")) {
                    case "A" -> tally(days, at, stage).cameBack(stage, at, changed);
                    case "G" -> tally(days, at, stage).wentOnAgain++;
                    default -> {
                      Tally tally = tally(days, changed, stage);
                      tally.entry(rs.getString("reason_code"));
                      if (at != null) {
                        tally.ended(
                            stage, stage(rs, "next_stage"), StayLengths.seconds(changed, at));
                      }
                    }
                  }
                });
  }

  /**
   * Takes back what the figures of [from, to) count for entries that came only at or after {@code
   * to}, by leads that had entered (or gone on from) the stage in the period: those are not the
   * period's. Read from the rows by changed_at, so the fewer the later the period ends.
   */
  private void cameBackAfter(
      Instant from, Instant to, Map<Stage, Tally> tallies, Map<LocalDate, Long> mqls) {
    jdbc.sql(
            """
            select to_stage, changed_at, prev_entry_at, prev_went_on_at, next_stage
            from lead_stage_change where changed_at >= ? and prev_entry_at >= ?
            """)
        .params(Timestamps.utc(to), Timestamps.utc(from))
        .query(
            (RowCallbackHandler)
                rs -> {
                  Stage stage = stage(rs, "to_stage");
                  Instant changed = instant(rs, "changed_at");
                  Instant before = instant(rs, "prev_entry_at");
                  Tally tally = tallies.computeIfAbsent(stage, k -> new Tally());
                  if (before.isBefore(to)) {
                    tally.again--;
                    if (stage == Stage.MQL && sameWeek(before, changed)) {
                      mqls.merge(monday(PeriodDays.day(before)), 1L, Long::sum);
                    }
                  }
                  Instant wentOnBefore = instant(rs, "prev_went_on_at");
                  if (wentOnBefore != null
                      && !wentOnBefore.isBefore(from)
                      && wentOnBefore.isBefore(to)
                      && stage(rs, "next_stage") == Funnel.NEXT.get(stage)
                      && Funnel.NEXT.get(stage) != null) {
                    tally.wentOnAgain--;
                  }
                });
  }

  // --- Reading: one source's or team's, from the history --------------------------------------

  /** The figures from the history itself, each lead counted once per stage. */
  Map<Stage, Figures> fromHistory(ReportFilter filter) {
    List<Object> params = filter.periodParams();
    String sql =
        """
        select c.lead_id, c.to_stage, c.changed_at, c.left_at, c.next_stage
        from lead_stage_change c join lead l on l.id = c.lead_id
        where c.changed_at >= ? and c.changed_at < ? %s
        """
            .formatted(filter.leadConditions(params));
    Map<Stage, Tally> tallies = new EnumMap<>(Stage.class);
    Map<Stage, Set<UUID>> entered = new HashMap<>();
    Map<Stage, Set<UUID>> wentOn = new HashMap<>();
    jdbc.sql(sql)
        .params(params)
        .query(
            (RowCallbackHandler)
                rs -> {
                  UUID lead = rs.getObject("lead_id", UUID.class);
                  Stage stage = stage(rs, "to_stage");
                  Tally tally = tallies.computeIfAbsent(stage, k -> new Tally());
                  tally.entry(null);
                  entered.computeIfAbsent(stage, s -> new HashSet<>()).add(lead);
                  Instant left = instant(rs, "left_at");
                  Stage next = stage(rs, "next_stage");
                  if (left != null) {
                    tally.ended(stage, next, StayLengths.seconds(instant(rs, "changed_at"), left));
                    if (next != null && next == Funnel.NEXT.get(stage)) {
                      wentOn.computeIfAbsent(stage, s -> new HashSet<>()).add(lead);
                    }
                  }
                });
    Map<Stage, Figures> figures = new EnumMap<>(Stage.class);
    tallies.forEach(
        (stage, t) ->
            figures.put(
                stage,
                t.figures(entered.get(stage).size(), wentOn.getOrDefault(stage, Set.of()).size())));
    return figures;
  }
}
