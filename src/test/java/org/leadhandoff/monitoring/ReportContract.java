package org.leadhandoff.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.monitoring.FunnelReport.Count;
import org.leadhandoff.monitoring.FunnelReport.RepSla;
import org.leadhandoff.monitoring.FunnelReport.SlaRow;
import org.leadhandoff.monitoring.FunnelReport.StageRow;
import org.leadhandoff.support.ReportSeed;
import org.leadhandoff.system.ClockConfiguration;
import org.leadhandoff.web.InvalidFieldException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The funnel report on a seeded history ({@link ReportSeed}) whose answers are worked out by hand
 * in the comments below. Run against each database the product supports.
 */
@JdbcTest
// The application's one JSON mapper, as the stores get it in the running app.
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({
  ReportStore.class,
  FunnelStages.class,
  DayCounts.class,
  ReportService.class,
  LeadStore.class,
  ClockConfiguration.class,
  ActorNames.class,
  org.leadhandoff.routing.RosterStore.class,
  org.leadhandoff.system.MessageCatalogue.class
})
abstract class ReportContract {

  static final Instant FROM = ReportSeed.FROM;
  static final Instant TO = ReportSeed.TO;

  @Autowired ReportService reports;
  @Autowired FunnelStages stages;
  @Autowired DayCounts dayCounts;
  @Autowired JdbcClient jdbc;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper mapper;

  Map<String, UUID> lead;

  @BeforeEach
  void seed() {
    lead = new ReportSeed(jdbc).write().lead;
  }

  private FunnelReport report(String source, String team) {
    return reports.funnel(new ReportFilter(FROM, TO, source, team));
  }

  private static StageRow stage(FunnelReport report, Stage stage) {
    return report.stages().stream()
        .filter(s -> s.stage().equals(stage.name()))
        .findFirst()
        .orElseThrow();
  }

  private java.util.Set<String> names(
      Metric metric, Stage stage, String role, String rep, String key) {
    var list =
        reports.leads(
            new Drill(new ReportFilter(FROM, TO, null, null), metric, stage, role, rep, key),
            50,
            0);
    assertThat(list.total()).isEqualTo(list.leads().size());
    return list.leads().stream()
        .map(lead -> lead.contact().firstName())
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  @DisplayName("stage counts and conversion: leads entering each stage in the period, and going on")
  void entriesAndConversion() {
    FunnelReport report = report(null, null);
    assertThat(report.stages())
        .extracting(StageRow::stage, StageRow::entered, StageRow::converted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("NAME", 4L, 3L),
            org.assertj.core.groups.Tuple.tuple("OUT_OF_PROFILE", 1L, 0L),
            org.assertj.core.groups.Tuple.tuple("IN_PROFILE", 3L, 3L),
            org.assertj.core.groups.Tuple.tuple("MQL", 4L, 4L),
            org.assertj.core.groups.Tuple.tuple("SAL", 4L, 2L),
            org.assertj.core.groups.Tuple.tuple("SQL", 2L, 1L),
            org.assertj.core.groups.Tuple.tuple("OPPORTUNITY", 1L, 0L),
            org.assertj.core.groups.Tuple.tuple("RECYCLED", 2L, 0L),
            org.assertj.core.groups.Tuple.tuple("DISQUALIFIED", 1L, 0L));
    assertThat(stage(report, Stage.NAME).conversionRate()).isEqualTo(0.75);
    assertThat(stage(report, Stage.SAL).conversionRate()).isEqualTo(0.5);
    assertThat(stage(report, Stage.OPPORTUNITY).conversionRate()).isNull();
  }

  @Test
  @DisplayName("time in stage: median and 90th percentile of the stays that began in the period")
  void timeInStage() {
    FunnelReport report = report(null, null);
    // Nearest-rank percentiles, at the resolution the dashboard shows: the k-th shortest stay of
    // n, k = ceil(p * n).
    assertThat(stage(report, Stage.NAME).medianSeconds()).isEqualTo(10);
    // MQL stays 30 min, 30 min, 1 h, 1 h: the 2nd and the 4th.
    assertThat(stage(report, Stage.MQL).medianSeconds()).isEqualTo(1800);
    assertThat(stage(report, Stage.MQL).p90Seconds()).isEqualTo(3600);
    assertThat(stage(report, Stage.SAL).finishedStays()).isEqualTo(4);
    // SAL stays 2 h, 2 h, 4 h, 24 h.
    assertThat(stage(report, Stage.SAL).medianSeconds()).isEqualTo(7200);
    assertThat(stage(report, Stage.SAL).p90Seconds()).isEqualTo(86400);
    assertThat(stage(report, Stage.SQL).medianSeconds()).isEqualTo(86400);
    // 23 h 59 min 50 s shows as 24.0 h: the length of its tenth of an hour.
    assertThat(stage(report, Stage.IN_PROFILE).medianSeconds()).isEqualTo(86400);
    assertThat(stage(report, Stage.OPPORTUNITY).stillThere()).isEqualTo(1);
    assertThat(stage(report, Stage.OPPORTUNITY).medianSeconds()).isNull();
    assertThat(stage(report, Stage.OUT_OF_PROFILE).stillThere()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "the funnel's figures read from the daily figures are those counted from the history, not"
          + " folded, partly folded and folded, for whole days and for part days")
  void dailyFiguresAreTheHistorys() {
    List<Instant[]> periods =
        List.of(
            new Instant[] {FROM, TO},
            new Instant[] {FROM.plusSeconds(7 * 3600 + 13 * 60), TO.minusSeconds(5 * 3600)},
            new Instant[] {
              Instant.parse("2026-03-03T09:00:00.500Z"), Instant.parse("2026-03-09T09:59:59Z")
            },
            new Instant[] {
              Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-05T13:00:00Z")
            },
            new Instant[] {FROM.minusSeconds(86400 * 30), TO.plusSeconds(86400 * 30)});
    for (int folded : new int[] {0, 7, 1_000}) {
      if (folded > 0) {
        stages.fold(folded);
        dayCounts.fold(folded);
      }
      for (Instant[] period : periods) {
        sameAsTheHistory(period, folded);
      }
    }
    assertThat(jdbc.sql("select count(*) from report_stage_day").query(Long.class).single())
        .isPositive();
    assertThat(jdbc.sql("select count(*) from report_day_count").query(Long.class).single())
        .isPositive();
  }

  @Test
  @DisplayName(
      "on a generated history of 300 leads over five months, recorded through the lead store with"
          + " leads coming back to stages, every period's figures from the daily figures are the"
          + " history's, before and after folding")
  void generatedHistory() {
    java.util.Random random = new java.util.Random(20261206);
    Instant[] now = {Instant.parse("2025-01-01T00:00:00Z")};
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    LeadStore leadStore = new LeadStore(jdbc, clock, mapper);
    List<UUID> leads = new java.util.ArrayList<>();
    Stage[] path = {Stage.IN_PROFILE, Stage.MQL, Stage.SAL, Stage.SQL, Stage.OPPORTUNITY};
    Map<UUID, Integer> step = new java.util.HashMap<>();
    UUID last = null;
    for (int i = 0; i < 3_000; i++) {
      // Up to 2 or 20 hours later, to the microsecond: stays from seconds to weeks, across
      // midnights; a lead often moves again soon, so some come back within the same week.
      long upTo = random.nextInt(4) == 0 ? 72_000_000_000_000L : 7_200_000_000_000L;
      now[0] = now[0].plusNanos(random.nextLong(upTo) / 1_000 * 1_000);
      if (leads.size() < 300 && (leads.isEmpty() || random.nextInt(4) == 0)) {
        UUID id =
            leadStore
                .create(
                    org.leadhandoff.support.Contacts.contact(
                            "gen" + i + "-" + UUID.randomUUID() + "@generated.example")
                        .build(),
                    "generated")
                .id();
        leads.add(id);
        step.put(id, 0);
        continue;
      }
      UUID id =
          last != null && random.nextInt(3) == 0 ? last : leads.get(random.nextInt(leads.size()));
      last = id;
      int at = step.get(id);
      Stage to;
      if (at >= path.length || random.nextInt(5) == 0) {
        // Back to marketing, and later into the funnel again: the same stages once more.
        to = random.nextBoolean() ? Stage.RECYCLED : Stage.DISQUALIFIED;
        step.put(id, 0);
      } else {
        to = path[at];
        step.put(id, at + 1);
      }
      String code =
          to == Stage.RECYCLED || to == Stage.DISQUALIFIED
              ? List.of("NO_ANSWER", "NOT_NOW", "SPAM", "REJECTED_BY_SALES").get(random.nextInt(4))
              : null;
      leadStore.changeStage(id, to, "generated", code, "generated", null);
    }
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    List<Instant[]> periods = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Instant from = start.plusSeconds(random.nextLong(100L * 86400));
      periods.add(new Instant[] {from, from.plusSeconds(3600 + random.nextLong(60L * 86400))});
    }
    periods.add(new Instant[] {start, start.plusSeconds(365L * 86400)});
    for (int folded : new int[] {0, 1_234, 100_000}) {
      if (folded > 0) {
        stages.fold(folded);
      }
      for (Instant[] period : periods) {
        sameAsTheHistory(period, folded);
      }
    }
    // Leads came back: the count of leads is not the count of entries.
    var year =
        stages.fromHistory(new ReportFilter(start, start.plusSeconds(365L * 86400), null, null));
    assertThat(
            jdbc.sql("select count(*) from lead_stage_change where to_stage = 'MQL'")
                .query(Long.class)
                .single())
        .isGreaterThan(year.get(Stage.MQL).entered());

    // A store migrated from before V32: its backfill gives each change what the store writes.
    List<String> written = wentOnBefore();
    assertThat(written).anyMatch(row -> !row.endsWith("null"));
    String migration;
    try (var in =
        getClass().getResourceAsStream("/db/migration/V32__reentries_in_the_figures.sql")) {
      migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    int at = migration.indexOf("update lead_stage_change\nset from_prev_went_on_at");
    String backfill = migration.substring(at, migration.indexOf(';', at));
    jdbc.sql("update lead_stage_change set from_prev_went_on_at = null").update();
    jdbc.sql(backfill).update();
    assertThat(wentOnBefore()).isEqualTo(written);
  }

  private List<String> wentOnBefore() {
    return jdbc.sql("select id, from_prev_went_on_at from lead_stage_change order by id")
        .query((rs, n) -> rs.getLong(1) + " " + rs.getObject(2, java.time.OffsetDateTime.class))
        .list();
  }

  @Autowired ReportStore store;

  /** The daily figures' answer for a period against counting its history. */
  private void sameAsTheHistory(Instant[] period, int folded) {
    ReportFilter filter = new ReportFilter(period[0], period[1], null, null);
    FunnelStages.Period fromDays = stages.companyWide(period[0], period[1]);
    String as = period[0] + " to " + period[1] + ", " + folded + " folded";
    assertThat(fromDays.stages()).as(as).isEqualTo(stages.fromHistory(filter));
    for (Stage stage : Stage.values()) {
      assertThat(fromDays.reasons(stage))
          .as("reasons for %s, %s", stage, as)
          .isEqualTo(store.stageReasons(filter, stage));
    }
    assertThat(fromDays.mqlsPerWeek())
        .as("MQLs per week, " + as)
        .isEqualTo(store.mqlsPerWeek(filter));
    sameAsTheRows(filter, as);
  }

  /** The daily counts' answer for a period against the report's queries over the rows. */
  private void sameAsTheRows(ReportFilter filter, String as) {
    DayCounts.Period counts = dayCounts.companyWide(filter.from(), filter.to());
    assertThat(counts.slaByRep()).as("SLA per person, " + as).isEqualTo(store.slaByRep(filter));
    assertThat(counts.slaByDay()).as("SLA per day, " + as).isEqualTo(store.slaByDay(filter));
    assertThat(counts.counts(DayCounts.Figure.SOURCE))
        .as("sources, " + as)
        .isEqualTo(store.sources(filter));
    assertThat(counts.counts(DayCounts.Figure.REROUTE))
        .as("reroutes, " + as)
        .isEqualTo(store.activities(filter, "REROUTE", null, null, "code"));
    assertThat(counts.counts(DayCounts.Figure.ESCALATION))
        .as("escalations, " + as)
        .isEqualTo(store.activities(filter, "ESCALATION", null, null, "code"));
    assertThat(counts.counts(DayCounts.Figure.REJECTION))
        .as("rejections, " + as)
        .isEqualTo(store.activities(filter, "DECISION", "SALES_REP", "REJECT", "detail"));
  }

  @Test
  @DisplayName(
      "on 600 generated assignments and 600 activities over five months, the SLA tables, reroutes,"
          + " escalations, rejections and sources from the daily counts are the rows', before,"
          + " while and after folding, and after open assignments were acted on or closed")
  void generatedAssignmentsAndActivities() {
    java.util.Random random = new java.util.Random(20261207);
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    List<UUID> leads = List.copyOf(lead.values());
    List<String> reps = List.of("q1", "q2", "s1");
    for (int i = 0; i < 600; i++) {
      Instant assigned =
          start.plusNanos(random.nextLong(150L * 86400 * 1_000_000_000L) / 1000 * 1000);
      Instant due = assigned.plusSeconds(4 * 3600);
      Instant acted = assigned.plusSeconds(random.nextInt(8 * 3600));
      int kind = random.nextInt(6);
      jdbc.sql(
              "insert into assignment (lead_id, rep_id, role, state, assigned_at, due_at, acted_at,"
                  + " outcome) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              leads.get(random.nextInt(leads.size())),
              reps.get(random.nextInt(reps.size())),
              random.nextBoolean() ? "QUALIFIER" : "SALES_REP",
              kind < 3 ? "OPEN" : "CLOSED",
              org.leadhandoff.system.Timestamps.utc(assigned),
              org.leadhandoff.system.Timestamps.utc(due),
              kind == 1 || kind == 3 ? org.leadhandoff.system.Timestamps.utc(acted) : null,
              switch (kind) {
                case 1, 3 -> "ACTED";
                case 2, 4 -> "SLA_MISSED";
                default -> null;
              })
          .update();
    }
    List<String> kinds = List.of("REROUTE", "ESCALATION", "DECISION", "MAIL");
    for (int i = 0; i < 600; i++) {
      String kind = kinds.get(random.nextInt(kinds.size()));
      boolean sales = random.nextBoolean();
      jdbc.sql(
              "insert into lead_activity (lead_id, kind, role, actor, code, detail, occurred_at)"
                  + " values (?, ?, ?, 'generated', ?, ?, ?)")
          .params(
              leads.get(random.nextInt(leads.size())),
              kind,
              sales ? "SALES_REP" : "QUALIFIER",
              switch (kind) {
                case "REROUTE" -> List.of("SLA_MISSED", "REP_REJECTED").get(random.nextInt(2));
                case "ESCALATION" -> random.nextInt(5) == 0 ? null : "MAX_REROUTES";
                case "DECISION" -> random.nextBoolean() ? "REJECT" : "ACCEPT";
                default -> "SENT";
              },
              List.of("NO_BUDGET", "NOT_MINE", "Kein Budget für 2026").get(random.nextInt(3)),
              org.leadhandoff.system.Timestamps.utc(
                  start.plusNanos(random.nextLong(150L * 86400 * 1_000_000_000L) / 1000 * 1000)))
          .update();
    }
    List<ReportFilter> periods = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Instant from = start.plusSeconds(random.nextLong(100L * 86400));
      periods.add(
          new ReportFilter(
              from, from.plusSeconds(3600 + random.nextLong(60L * 86400)), null, null));
    }
    periods.add(new ReportFilter(start, start.plusSeconds(365L * 86400), null, null));
    periods.add(new ReportFilter(FROM, TO, null, null));
    for (int folded : new int[] {0, 77, 100_000}) {
      if (folded > 0) {
        dayCounts.fold(folded);
      }
      if (folded == 77) {
        // What the workers do to open assignments after a fold: act, miss, close.
        jdbc.sql(
                "update assignment set acted_at = assigned_at + interval '1' hour, outcome = 'ACTED'"
                    + " where mod(id, 3) = 0 and acted_at is null and state = 'OPEN'")
            .update();
        jdbc.sql(
                "update assignment set outcome = 'SLA_MISSED'"
                    + " where mod(id, 3) = 1 and acted_at is null and state = 'OPEN'")
            .update();
        jdbc.sql("update assignment set state = 'CLOSED' where mod(id, 2) = 0 and state = 'OPEN'")
            .update();
      }
      for (ReportFilter period : periods) {
        sameAsTheRows(period, period.from() + " to " + period.to() + ", " + folded + " folded");
      }
    }
    assertThat(
            jdbc.sql("select count(*) from assignment where rolled_up = false")
                .query(Long.class)
                .single())
        .as("open assignments that nobody acted on wait")
        .isPositive();
    assertThat(dayCounts.companyWide(start, start.plusSeconds(365L * 86400)).slaByRep())
        .extracting(RepSla::rep, RepSla::role)
        .hasSize(6);
  }

  @Test
  @DisplayName("SLA compliance per role, per person and per day; a late action is a miss")
  void slaCompliance() {
    FunnelReport report = report(null, null);
    assertThat(report.sla())
        .extracting(
            SlaRow::role, SlaRow::met, SlaRow::missed, SlaRow::pending, SlaRow::complianceRate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("QUALIFIER", 4L, 1L, 1L, 0.8),
            org.assertj.core.groups.Tuple.tuple("SALES_REP", 1L, 1L, 0L, 0.5));
    assertThat(report.slaByRep())
        .extracting(RepSla::rep, RepSla::met, RepSla::missed, RepSla::pending)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("q1", 2L, 1L, 0L),
            org.assertj.core.groups.Tuple.tuple("q2", 2L, 0L, 1L),
            org.assertj.core.groups.Tuple.tuple("s1", 1L, 1L, 0L));
    var march4 =
        report.slaByDay().stream()
            .filter(d -> d.day().equals(LocalDate.of(2026, 3, 4)) && d.role().equals("QUALIFIER"))
            .findFirst()
            .orElseThrow();
    assertThat(march4.met()).isEqualTo(1); // A3
    assertThat(march4.missed()).isEqualTo(1); // A2
  }

  @Test
  @DisplayName("reroutes, escalations, rejection, recycle and disqualification reasons, sources")
  void reasonsAndSources() {
    FunnelReport report = report(null, null);
    assertThat(report.reroutes())
        .containsExactlyInAnyOrder(new Count("SLA_MISSED", 1), new Count("REP_REJECTED", 1));
    assertThat(report.escalations()).containsExactly(new Count("MAX_REROUTES", 1));
    assertThat(report.rejectionReasons()).containsExactly(new Count("NO_BUDGET", 1));
    assertThat(report.recycleReasons())
        .containsExactlyInAnyOrder(new Count("NO_ANSWER", 1), new Count("REJECTED_BY_SALES", 1));
    assertThat(report.disqualificationReasons()).containsExactly(new Count("SPAM", 1));
    assertThat(report.sources())
        .containsExactlyInAnyOrder(new Count("web", 2), new Count("trade-show", 2));
  }

  @Test
  @DisplayName("supply: MQLs per week against the qualifiers' weekly capacity")
  void supply() {
    FunnelReport report = report(null, null);
    assertThat(report.supply().weeklyCapacity()).isEqualTo(15);
    assertThat(report.supply().weeks())
        .extracting(FunnelReport.Supply.Week::weekStart, FunnelReport.Supply.Week::mqls)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 2), 2L),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 9), 2L));
    assertThat(report.supply().weeks().getFirst().utilisation()).isEqualTo(2.0 / 15);
    assertThat(report.supply().periodWeeks()).isEqualTo(2.0);
    assertThat(report.supply().averagePerWeek()).isEqualTo(2.0);
    // Thirty days from a Monday touch five calendar weeks but last 4.3: the average is over those.
    FunnelReport month =
        reports.funnel(
            new ReportFilter(FROM, FROM.plus(java.time.Duration.ofDays(30)), null, null));
    assertThat(month.supply().weeks()).hasSize(5);
    assertThat(month.supply().periodWeeks()).isCloseTo(30 / 7.0, within(1e-9));
    assertThat(month.supply().averagePerWeek())
        .isCloseTo(
            month.supply().weeks().stream().mapToLong(FunnelReport.Supply.Week::mqls).sum()
                / (30 / 7.0),
            within(1e-9));
  }

  @Test
  @DisplayName("filters: a source, and a team (leads its people worked; SLAs of its people)")
  void filters() {
    FunnelReport web = report("web", null);
    assertThat(stage(web, Stage.NAME).entered()).isEqualTo(2); // L1, L2
    assertThat(stage(web, Stage.MQL).entered()).isEqualTo(3); // L1, L2, L5

    FunnelReport emea = report(null, "emea");
    assertThat(stage(emea, Stage.NAME).entered()).isEqualTo(3); // L1, L2, L4
    assertThat(emea.sla())
        .extracting(SlaRow::role, SlaRow::met, SlaRow::missed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("QUALIFIER", 2L, 1L),
            org.assertj.core.groups.Tuple.tuple("SALES_REP", 1L, 1L));
    assertThat(emea.supply().weeklyCapacity()).isEqualTo(10);
  }

  @Test
  @DisplayName("every number leads to exactly the leads it counted")
  void leadsBehindTheNumbers() {
    assertThat(names(Metric.ENTERED, Stage.SAL, null, null, null))
        .containsExactlyInAnyOrder("L1", "L2", "L4", "L5");
    assertThat(names(Metric.CONVERTED, Stage.SAL, null, null, null))
        .containsExactlyInAnyOrder("L1", "L4");
    assertThat(names(Metric.STILL_THERE, Stage.OPPORTUNITY, null, null, null))
        .containsExactly("L1");
    assertThat(names(Metric.SLA_MISSED, null, "QUALIFIER", null, null)).containsExactly("L2");
    assertThat(names(Metric.SLA_MISSED, null, "SALES_REP", "s1", null)).containsExactly("L4");
    assertThat(names(Metric.SLA_MET, null, "QUALIFIER", "q2", null))
        .containsExactlyInAnyOrder("L2", "L4");
    assertThat(names(Metric.REJECTED, null, null, null, "NO_BUDGET")).containsExactly("L4");
    assertThat(names(Metric.RECYCLED, null, null, null, "NO_ANSWER")).containsExactly("L2");
    assertThat(names(Metric.DISQUALIFIED, null, null, null, "SPAM")).containsExactly("L5");
    assertThat(names(Metric.REROUTED, null, null, null, null))
        .containsExactlyInAnyOrder("L2", "L4");
    assertThat(names(Metric.ESCALATED, null, null, null, null)).containsExactly("L5");
    assertThat(names(Metric.SOURCE, null, null, null, "trade-show"))
        .containsExactlyInAnyOrder("L3", "L4");
  }

  @Test
  @DisplayName("a metric without what it needs, or a bad period, is refused naming the field")
  void badRequests() {
    assertThatThrownBy(() -> names(Metric.ENTERED, null, null, null, null))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("required");
    assertThatThrownBy(() -> new ReportFilter(TO, FROM, null, null))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("must be after from");
    assertThatThrownBy(() -> names(Metric.CONVERTED, Stage.DISQUALIFIED, null, null, null))
        .isInstanceOf(InvalidFieldException.class);
  }
}
