package org.leadhandoff.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.support.PostgresAvailable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The funnel report on a million stage-history rows in PostgreSQL. Not a test: a benchmark, run
 * only by {@code ./mvnw -Pbench verify} (see the README), that generates the history in its own
 * schema, then times the report for a month and for a year against a baseline measured in the same
 * run, alternating the two, and prints the ratios (these machines are noisy; a ratio survives the
 * noise that an absolute time does not). The baseline is the cheapest read of the same period:
 * counting its stage changes by index.
 *
 * <p>Results go to standard output and to target/bench/funnel-query.json.
 */
@org.junit.jupiter.api.Tag("benchmark")
@PostgresAvailable
class FunnelQueryBenchmark {

  static final String SCHEMA = "bench_report";

  @org.junit.jupiter.api.Test
  void funnelOnAMillionRows() throws Exception {
    int rows = Integer.parseInt(System.getProperty("bench.rows", "1000000"));
    boolean regenerate = !Boolean.getBoolean("bench.reuse");
    int rounds = Integer.parseInt(System.getProperty("bench.rounds", "7"));
    // One connection for everything, as a pool would give a report: no connect time measured.
    var data =
        new org.springframework.jdbc.datasource.SingleConnectionDataSource(
            PostgresAvailable.Database.URL + "?currentSchema=" + SCHEMA,
            PostgresAvailable.Database.USER,
            PostgresAvailable.Database.PASSWORD,
            true);

    Flyway flyway =
        Flyway.configure()
            .dataSource(data)
            .schemas(SCHEMA)
            .locations("classpath:db/migration")
            .cleanDisabled(false)
            .load();
    JdbcClient jdbc = JdbcClient.create(data);
    long started = System.nanoTime();
    long generated;
    if (regenerate) {
      flyway.clean();
      flyway.migrate();
      generated = generate(jdbc, rows);
      jdbc.sql("analyze").update();
    } else {
      // -Dbench.reuse=true: the history of the last run, for profiling one change after another.
      flyway.migrate();
      generated = jdbc.sql("select count(*) from lead_stage_change").query(Long.class).single();
    }
    System.out.printf(
        "Generated %,d stage-history rows (%,d leads) in %.1f s%n",
        generated,
        jdbc.sql("select count(*) from lead").query(Long.class).single(),
        (System.nanoTime() - started) / 1e9);

    FunnelStages stages = new FunnelStages(jdbc);
    DayCounts counts = new DayCounts(jdbc);
    var folding =
        new org.springframework.transaction.support.TransactionTemplate(
            new org.springframework.jdbc.support.JdbcTransactionManager(data));
    long foldStarted = System.nanoTime();
    long folded = 0;
    for (int n = 1; n > 0; folded += n) {
      n = folding.execute(tx -> stages.fold(20_000));
    }
    for (int n = 20_000; n == 20_000; ) {
      n = folding.execute(tx -> counts.fold(20_000));
    }
    // A steady state, as autovacuum keeps it after the fold's updates: the planner's figures, no
    // dead index entries, the visibility map for index-only reads.
    jdbc.sql("vacuum analyze lead_stage_change").update();
    jdbc.sql("vacuum analyze report_stage_day").update();
    for (String table : List.of("lead", "assignment", "lead_activity", "report_day_count")) {
      jdbc.sql("vacuum analyze " + table).update();
    }
    System.out.printf(
        "Folded %,d stage changes, the leads, assignments and activities in %.1f s"
            + " (%,d stage day rows, %,d day counts)%n",
        folded,
        (System.nanoTime() - foldStarted) / 1e9,
        jdbc.sql("select count(*) from report_stage_day").query(Long.class).single(),
        jdbc.sql("select count(*) from report_day_count").query(Long.class).single());
    ReportService reports =
        new ReportService(
            new ReportStore(jdbc, data),
            stages,
            counts,
            new LeadStore(
                jdbc, Clock.systemUTC(), new com.fasterxml.jackson.databind.ObjectMapper()),
            new ActorNames(
                new org.leadhandoff.routing.RosterStore(jdbc, Clock.systemUTC()),
                new org.leadhandoff.system.MessageCatalogue()));
    Instant end = Instant.parse("2026-01-01T00:00:00Z");
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("rows", generated);
    for (var period :
        List.of(
            Map.entry("month", Duration.ofDays(30)),
            Map.entry("quarter", Duration.ofDays(91)),
            Map.entry("year", Duration.ofDays(365)))) {
      ReportFilter filter = new ReportFilter(end.minus(period.getValue()), end, null, null);
      Supplier<Object> baseline =
          () ->
              jdbc.sql(
                      "select count(*) from lead_stage_change where changed_at >= ? and changed_at < ?")
                  .params(
                      org.leadhandoff.system.Timestamps.utc(filter.from()),
                      org.leadhandoff.system.Timestamps.utc(filter.to()))
                  .query(Long.class)
                  .single();
      // In a transaction, as the application runs it (@Transactional).
      var transaction =
          new org.springframework.transaction.support.TransactionTemplate(
              new org.springframework.jdbc.support.JdbcTransactionManager(data));
      Supplier<Object> funnel = () -> transaction.execute(tx -> reports.funnel(filter));
      // Warm up both: connection, plans, JIT.
      baseline.get();
      funnel.get();
      List<Double> base = new ArrayList<>();
      List<Double> report = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        double b = time(baseline);
        double f = time(funnel);
        base.add(b);
        report.add(f);
        ratios.add(f / b);
      }
      long inPeriod = (Long) baseline.get();
      // What it counts must be right, however long it took: every lead captured in the period.
      long captured =
          jdbc.sql("select count(*) from lead where created_at >= ? and created_at < ?")
              .params(
                  org.leadhandoff.system.Timestamps.utc(filter.from()),
                  org.leadhandoff.system.Timestamps.utc(filter.to()))
              .query(Long.class)
              .single();
      org.assertj.core.api.Assertions.assertThat(
              reports.funnel(filter).stages().getFirst().entered())
          .isEqualTo(captured);
      // And every stage's figures are those counted from the history itself.
      org.assertj.core.api.Assertions.assertThat(
              stages.companyWide(filter.from(), filter.to()).stages())
          .isEqualTo(stages.fromHistory(filter));
      // And the SLA tables, reasons and sources are those the rows give.
      ReportStore fromRows = new ReportStore(jdbc, data);
      DayCounts.Period fromCounts = counts.companyWide(filter.from(), filter.to());
      org.assertj.core.api.Assertions.assertThat(fromCounts.slaByRep())
          .isEqualTo(fromRows.slaByRep(filter));
      org.assertj.core.api.Assertions.assertThat(fromCounts.slaByDay())
          .isEqualTo(fromRows.slaByDay(filter));
      org.assertj.core.api.Assertions.assertThat(fromCounts.counts(DayCounts.Figure.SOURCE))
          .isEqualTo(fromRows.sources(filter));
      org.assertj.core.api.Assertions.assertThat(fromCounts.counts(DayCounts.Figure.REROUTE))
          .isEqualTo(fromRows.activities(filter, "REROUTE", null, null, "code"));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("historyRowsInPeriod", inPeriod);
      result.put("baselineMedianMs", median(base));
      result.put("funnelMedianMs", median(report));
      result.put("medianRatio", median(ratios));
      // Where the time goes: each report query alone (one run each, after the rounds).
      ReportStore store = new ReportStore(jdbc, data);
      Map<String, Supplier<Object>> parts = new LinkedHashMap<>();
      // Stage figures, recycle and disqualification reasons and MQLs per week, from the daily
      // figures.
      parts.put("stages", () -> stages.companyWide(filter.from(), filter.to()));
      // SLA tables, reroutes, escalations, rejections and sources, from the daily counts.
      parts.put("counts", () -> counts.companyWide(filter.from(), filter.to()));
      // The same from the rows, as a report of one source or team reads them.
      parts.put("rows: slaByRep", () -> store.slaByRep(filter));
      parts.put("rows: slaByDay", () -> store.slaByDay(filter));
      parts.put("rows: sources", () -> store.sources(filter));
      Map<String, Object> breakdown = new LinkedHashMap<>();
      parts.forEach(
          (name, part) ->
              breakdown.put(
                  name,
                  Math.round(
                          time(
                                  () ->
                                      transaction.execute(
                                          tx -> {
                                            store.forReports();
                                            return part.get();
                                          }))
                              * 10)
                      / 10.0));
      result.put("breakdownMs", breakdown);
      System.out.println("      per query (ms): " + breakdown);
      results.put(period.getKey(), result);
      System.out.printf(
          "%-5s period (%,d history rows): baseline %.1f ms, funnel report %.1f ms, ratio %.1f%n",
          period.getKey(), inPeriod, median(base), median(report), median(ratios));
    }
    // The year's report over the month's, side by side (issue 21: at most 2).
    var tx =
        new org.springframework.transaction.support.TransactionTemplate(
            new org.springframework.jdbc.support.JdbcTransactionManager(data));
    ReportFilter month = new ReportFilter(end.minus(Duration.ofDays(30)), end, null, null);
    ReportFilter year = new ReportFilter(end.minus(Duration.ofDays(365)), end, null, null);
    List<Double> months = new ArrayList<>();
    List<Double> years = new ArrayList<>();
    List<Double> yearOverMonth = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      double m = time(() -> tx.execute(t -> reports.funnel(month)));
      double y = time(() -> tx.execute(t -> reports.funnel(year)));
      months.add(m);
      years.add(y);
      yearOverMonth.add(y / m);
    }
    results.put("monthMedianMs", median(months));
    results.put("yearMedianMs", median(years));
    results.put("yearOverMonth", median(yearOverMonth));
    System.out.printf(
        "year over month, side by side: %.2f (month %.1f ms, year %.1f ms)%n",
        median(yearOverMonth), median(months), median(years));
    Path out = Path.of("target/bench/funnel-query.json");
    Files.createDirectories(out.getParent());
    Files.writeString(
        out,
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(results));
    System.out.println("Written to " + out);
  }

  /**
   * A year of traffic generated in the database: leads captured evenly over 2025, each going a
   * realistic way down the funnel (all are captured; 70 % fit; half of those become MQL; most MQLs
   * are qualified by phone; some become opportunities), with assignments and activities.
   */
  static long generate(JdbcClient jdbc, int rows) {
    int leads = (int) (rows * 100L / 339); // 3.39 stage changes per lead on average (see below)
    jdbc.sql(
            """
            insert into rep (id, name, email, role, territories, capacity, work_days, work_from,
                             work_to, time_zone, active, updated_at, team, weekly_capacity)
            select 'rep' || g, 'Rep ' || g, 'rep' || g || '@bench.example',
                   case when g <= 6 then 'QUALIFIER' else 'SALES_REP' end, '*', 40, 'MONDAY',
                   '00:00', '23:59', 'UTC', true, now(),
                   case when g % 2 = 0 then 'emea' else 'amer' end, 60
            from generate_series(1, 10) g
            """)
        .update();
    jdbc.sql(
            """
            insert into lead (id, email_key, email, first_name, stage, source, created_at, updated_at)
            select md5(g::text)::uuid, 'l' || g || '@bench.example', 'l' || g || '@bench.example',
                   'Lead ' || g, 'NAME',
                   (array['web-form', 'trade-show', 'webinar', 'referral'])[1 + g % 4],
                   timestamptz '2024-01-01' + (g * (731.0 * 86400 / ?)) * interval '1 second',
                   timestamptz '2025-01-01'
            from generate_series(1, ?) g
            """)
        .params(leads, leads)
        .update();
    // The path each lead takes, from a hash of its id: stages in order, hours after capture.
    jdbc.sql(
            """
            insert into lead_stage_change (lead_id, from_stage, to_stage, changed_at, reason,
                                           reason_code, changed_by)
            select l.id, p.from_stage, p.to_stage,
                   l.created_at + p.after_hours * interval '1 hour', null, p.code, 'bench'
            from lead l
            cross join lateral (select abs(hashtext(l.id::text)) % 100 as r) h
            join lateral (
              values (0, null, 'NAME', 0.0, null),
                     (1, 'NAME', case when h.r < 70 then 'IN_PROFILE' else 'OUT_OF_PROFILE' end, 0.01, null),
                     (2, 'IN_PROFILE', 'MQL', 24.0 + h.r, null),
                     (3, 'MQL', 'SAL', 25.0 + h.r, null),
                     (4, 'SAL', case when h.r < 20 then 'SQL' when h.r < 28 then 'DISQUALIFIED' else 'RECYCLED' end,
                      30.0 + h.r * 1.5, case when h.r < 20 then null when h.r < 28 then 'SPAM' else 'NO_ANSWER' end),
                     (5, 'SQL', case when h.r < 12 then 'OPPORTUNITY' else 'RECYCLED' end, 60.0 + h.r * 2,
                      case when h.r < 12 then null else 'REJECTED_BY_SALES' end),
                     (6, 'RECYCLED', 'IN_PROFILE', 24 * 90.0, null),
                     (7, 'IN_PROFILE', 'MQL', 24 * 100.0, null)
            ) as p(step, from_stage, to_stage, after_hours, code)
              on p.step <= case when h.r >= 70 then 1 when h.r >= 35 then 1
                                when h.r < 20 then 5 else 4 end
                 or (p.step >= 6 and h.r >= 28 and h.r < 35)
            order by l.created_at + p.after_hours * interval '1 hour', l.id, p.step
            """)
        .update();
    jdbc.sql(
            """
            insert into assignment (lead_id, rep_id, role, state, assigned_at, due_at, acted_at, outcome)
            select c.lead_id,
                   case when c.to_stage = 'SAL' then 'rep' || (1 + abs(hashtext(c.lead_id::text)) % 6)
                        else 'rep' || (7 + abs(hashtext(c.lead_id::text)) % 4) end,
                   case when c.to_stage = 'SAL' then 'QUALIFIER' else 'SALES_REP' end, 'CLOSED',
                   c.changed_at, c.changed_at + interval '4 hours',
                   case when abs(hashtext(c.lead_id::text)) % 10 < 8 then c.changed_at + interval '2 hours' end,
                   case when abs(hashtext(c.lead_id::text)) % 10 < 8 then 'ACTED' else 'SLA_MISSED' end
            from lead_stage_change c where c.to_stage in ('SAL', 'SQL')
            """)
        .update();
    jdbc.sql(
            """
            insert into lead_activity (lead_id, kind, role, actor, code, detail, occurred_at)
            select a.lead_id, 'REROUTE', a.role, a.rep_id, 'SLA_MISSED', 'missed', a.due_at
            from assignment a where a.outcome = 'SLA_MISSED'
            """)
        .update();
    jdbc.sql(
            """
            update lead_stage_change c set left_at = n.left_at, next_stage = n.next_stage
            from (select id, lead(changed_at) over w as left_at, lead(to_stage) over w as next_stage
                  from lead_stage_change window w as (partition by lead_id order by id)) n
            where n.id = c.id and n.left_at is not null
            """)
        .update();
    // As the store writes each change: when the stay it ends began, and when the lead last
    // entered the same stage.
    jdbc.sql(
            """
            update lead_stage_change c set from_since = n.from_since, prev_entry_at = n.prev_entry_at,
                                           prev_went_on_at = n.prev_went_on_at
            from (select id, lag(changed_at) over (partition by lead_id order by id) as from_since,
                         lag(changed_at) over w as prev_entry_at,
                         max(case when next_stage = %s then changed_at end)
                           over (w rows between unbounded preceding and 1 preceding)
                           as prev_went_on_at
                  from lead_stage_change
                  window w as (partition by lead_id, to_stage order by id)) n
            where n.id = c.id and (n.from_since is not null or n.prev_entry_at is not null)
            """
                .formatted(Funnel.nextStageCase("to_stage")))
        .update();
    // And, on a change going on from a stay, when the lead had gone on from that stage before.
    jdbc.sql(
            """
            update lead_stage_change c set from_prev_went_on_at = n.went_on_before
            from (select id, lag(prev_went_on_at) over (partition by lead_id order by id)
                           as went_on_before
                  from lead_stage_change) n
            where n.id = c.id and n.went_on_before is not null and c.to_stage = %s
            """
                .formatted(Funnel.nextStageCase("c.from_stage")))
        .update();
    jdbc.sql(
            """
            update lead set stage = (select c.to_stage from lead_stage_change c
                                     where c.lead_id = lead.id order by c.id desc limit 1)
            """)
        .update();
    return jdbc.sql("select count(*) from lead_stage_change").query(Long.class).single();
  }

  private static double time(Supplier<Object> work) {
    long start = System.nanoTime();
    work.get();
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
