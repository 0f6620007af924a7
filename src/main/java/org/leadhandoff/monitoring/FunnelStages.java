package org.leadhandoff.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * straight on, and how long their stays took. Company-wide they are read from daily figures
 * (report_stage_day) kept up by {@link #fold}, plus the stage changes not folded yet and, at a
 * period's edges, the part days from the history itself: a year costs about what a month does, and
 * the result is the same as counting the history (a test holds them together). A report of one
 * source or team reads the history, as its leads are not known in advance.
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

  /** The figures of each stage that had any in the period. */
  Map<Stage, Figures> of(ReportFilter filter) {
    return filter.source() == null && filter.team() == null
        ? fromDailyFigures(filter.from(), filter.to())
        : fromHistory(filter);
  }

  // --- Counting -----------------------------------------------------------------------------

  /** Stays that began in a stretch of time, one stage's. Entries, not yet leads. */
  private static final class Tally {
    long entered;
    long converted;
    long finished;
    final StayLengths.Counts stays = new StayLengths.Counts();

    void entry() {
      entered++;
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
  }

  private static Tally tally(Map<Stage, Tally> tallies, Stage stage) {
    return tallies.computeIfAbsent(stage, s -> new Tally());
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
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
    jdbc.sql("select id from report_rollup_lock where id = 1 for update").query(Long.class).list();
    List<Long> ids = new ArrayList<>();
    Map<Key, Tally> tallies = new TreeMap<>();
    jdbc.sql(
            """
            select id, to_stage, changed_at, from_stage, from_since from lead_stage_change
            where rolled_up = false order by changed_at, id fetch first ? rows only
            """)
        .param(max)
        .query(
            (RowCallbackHandler)
                rs -> {
                  ids.add(rs.getLong("id"));
                  Instant at = instant(rs, "changed_at");
                  Stage to = stage(rs, "to_stage");
                  tallies.computeIfAbsent(new Key(day(at), to), k -> new Tally()).entry();
                  Instant since = instant(rs, "from_since");
                  Stage from = stage(rs, "from_stage");
                  if (since != null && from != null) {
                    tallies
                        .computeIfAbsent(new Key(day(since), from), k -> new Tally())
                        .ended(from, to, StayLengths.seconds(since, at));
                  }
                });
    if (ids.isEmpty()) {
      return 0;
    }
    // In key order: two folds never wait on each other's rows the other way round.
    tallies.forEach(this::addToDay);
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

  private void addToDay(Key key, Tally tally) {
    var existing =
        jdbc.sql(
                """
                select entered, converted, finished, stays from report_stage_day
                where on_day = ? and stage = ? for update
                """)
            .params(key.day(), key.stage().name())
            .query(
                (rs, n) -> {
                  Tally kept = new Tally();
                  kept.add(
                      rs.getLong("entered"),
                      rs.getLong("converted"),
                      rs.getLong("finished"),
                      StayLengths.Counts.parse(rs.getString("stays")));
                  return kept;
                })
            .optional();
    if (existing.isPresent()) {
      Tally sum = existing.get();
      sum.add(tally.entered, tally.converted, tally.finished, tally.stays);
      jdbc.sql(
              """
              update report_stage_day set entered = ?, converted = ?, finished = ?, stays = ?
              where on_day = ? and stage = ?
              """)
          .params(
              sum.entered,
              sum.converted,
              sum.finished,
              sum.stays.text(),
              key.day(),
              key.stage().name())
          .update();
    } else {
      // Under the fold's lock nobody else inserts the day's row meanwhile.
      jdbc.sql(
              """
              insert into report_stage_day (on_day, stage, entered, converted, finished, stays)
              values (?, ?, ?, ?, ?, ?)
              """)
          .params(
              key.day(),
              key.stage().name(),
              tally.entered,
              tally.converted,
              tally.finished,
              tally.stays.text())
          .update();
    }
  }

  // --- Reading: company-wide, from the daily figures ----------------------------------------

  /**
   * The period's whole days (UTC) from the daily figures and the changes not folded yet, read in
   * one statement so that a fold committing meanwhile is seen entirely or not at all; the part days
   * at either end from the history; then each lead counted once per stage, however often it entered
   * it in the period.
   */
  Map<Stage, Figures> fromDailyFigures(Instant from, Instant to) {
    LocalDate firstDay = day(from.minusNanos(1)).plusDays(1);
    LocalDate endDay = day(to);
    Map<Stage, Tally> tallies = new EnumMap<>(Stage.class);
    if (firstDay.isBefore(endDay)) {
      wholeDays(firstDay, endDay, tallies);
      Instant start = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant end = endDay.atStartOfDay(ZoneOffset.UTC).toInstant();
      if (from.isBefore(start)) {
        fromHistory(from, start, tallies);
      }
      if (end.isBefore(to)) {
        fromHistory(end, to, tallies);
      }
    } else {
      fromHistory(from, to, tallies);
    }
    Map<Stage, Long> again = reentries(from, to);
    Map<Stage, Long> convertedAgain = convertedAgain(from, to);
    Map<Stage, Figures> figures = new EnumMap<>(Stage.class);
    tallies.forEach(
        (stage, t) ->
            figures.put(
                stage,
                t.figures(
                    t.entered - again.getOrDefault(stage, 0L),
                    t.converted - convertedAgain.getOrDefault(stage, 0L))));
    return figures;
  }

  private void wholeDays(LocalDate firstDay, LocalDate endDay, Map<Stage, Tally> tallies) {
    OffsetDateTime start = firstDay.atStartOfDay().atOffset(ZoneOffset.UTC);
    OffsetDateTime end = endDay.atStartOfDay().atOffset(ZoneOffset.UTC);
    jdbc.sql(
            """
            select 'D' as kind, stage as to_stage, entered, converted, finished, stays,
                   cast(null as timestamp with time zone) as changed_at,
                   cast(null as varchar(32)) as from_stage,
                   cast(null as timestamp with time zone) as from_since
            from report_stage_day where on_day >= ? and on_day < ?
            union all
            select 'C', to_stage, 0, 0, 0, cast(null as varchar(1)), changed_at, from_stage,
                   from_since
            from lead_stage_change
            where rolled_up = false
              and ((changed_at >= ? and changed_at < ?) or (from_since >= ? and from_since < ?))
            """)
        .params(firstDay, endDay, start, end, start, end)
        .query(
            (RowCallbackHandler)
                rs -> {
                  Stage stage = stage(rs, "to_stage");
                  if ("D".equals(rs.getString("kind"))) {
                    tally(tallies, stage)
                        .add(
                            rs.getLong("entered"),
                            rs.getLong("converted"),
                            rs.getLong("finished"),
                            StayLengths.Counts.parse(rs.getString("stays")));
                    return;
                  }
                  Instant at = instant(rs, "changed_at");
                  if (!at.isBefore(start.toInstant()) && at.isBefore(end.toInstant())) {
                    tally(tallies, stage).entry();
                  }
                  Instant since = instant(rs, "from_since");
                  Stage previous = stage(rs, "from_stage");
                  if (since != null
                      && previous != null
                      && !since.isBefore(start.toInstant())
                      && since.isBefore(end.toInstant())) {
                    tally(tallies, previous).ended(previous, stage, StayLengths.seconds(since, at));
                  }
                });
  }

  /** Stays that began in [from, to), from the history: entries, not yet leads. */
  private void fromHistory(Instant from, Instant to, Map<Stage, Tally> tallies) {
    jdbc.sql(
            """
            select to_stage, changed_at, left_at, next_stage from lead_stage_change
            where changed_at >= ? and changed_at < ?
            """)
        .params(Timestamps.utc(from), Timestamps.utc(to))
        .query(
            (RowCallbackHandler)
                rs -> {
                  Stage stage = stage(rs, "to_stage");
                  Tally tally = tally(tallies, stage);
                  tally.entry();
                  Instant left = instant(rs, "left_at");
                  if (left != null) {
                    tally.ended(
                        stage,
                        stage(rs, "next_stage"),
                        StayLengths.seconds(instant(rs, "changed_at"), left));
                  }
                });
  }

  /** Per stage: entries in the period by leads that had entered the stage earlier in it. */
  private Map<Stage, Long> reentries(Instant from, Instant to) {
    Map<Stage, Long> counts = new EnumMap<>(Stage.class);
    jdbc.sql(
            """
            select to_stage, count(*) as again from lead_stage_change
            where prev_entry_at >= ? and changed_at < ? group by to_stage
            """)
        .params(Timestamps.utc(from), Timestamps.utc(to))
        .query(
            (RowCallbackHandler)
                rs -> counts.put(Stage.valueOf(rs.getString(1)), rs.getLong("again")));
    return counts;
  }

  /**
   * Per stage: entries in the period that went on by leads that had gone on from the stage earlier
   * in it (a lead counts once among those who went on).
   */
  private Map<Stage, Long> convertedAgain(Instant from, Instant to) {
    Map<Stage, Long> counts = new EnumMap<>(Stage.class);
    jdbc.sql(
            """
            select to_stage, count(*) as again from lead_stage_change
            where prev_went_on_at >= ? and changed_at < ? and next_stage = %s
            group by to_stage
            """
                .formatted(Funnel.nextStageCase("to_stage")))
        .params(Timestamps.utc(from), Timestamps.utc(to))
        .query(
            (RowCallbackHandler)
                rs -> counts.put(Stage.valueOf(rs.getString(1)), rs.getLong("again")));
    return counts;
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
                  Tally tally = tally(tallies, stage);
                  tally.entry();
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
