package org.leadhandoff.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.monitoring.FunnelReport.Count;
import org.leadhandoff.monitoring.FunnelReport.RepSla;
import org.leadhandoff.monitoring.FunnelReport.SlaRow;
import org.leadhandoff.monitoring.FunnelReport.StageRow;
import org.leadhandoff.system.ClockConfiguration;
import org.leadhandoff.system.Timestamps;
import org.leadhandoff.web.InvalidFieldException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The funnel report on a seeded history whose answers are worked out by hand below: seven leads
 * over two weeks of March 2026, three people, eight assignments, five activities. Run against each
 * database the product supports.
 */
@JdbcTest
@Import({ReportStore.class, ReportService.class, LeadStore.class, ClockConfiguration.class})
abstract class ReportContract {

  static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
  static final Instant TO = Instant.parse("2026-03-16T00:00:00Z");

  @Autowired ReportService reports;
  @Autowired JdbcClient jdbc;

  final Map<String, UUID> lead = new HashMap<>();
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

  private void change(UUID id, Stage from, Stage to, String when, String code) {
    jdbc.sql(
            "insert into lead_stage_change (lead_id, from_stage, to_stage, changed_at, reason,"
                + " reason_code, changed_by) values (?, ?, ?, ?, ?, ?, 'seed')")
        .params(
            id, from == null ? null : from.name(), to.name(), Timestamps.utc(at(when)), code, code)
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

  @BeforeEach
  void seed() {
    jdbc.sql("delete from lead_activity").update();
    jdbc.sql("delete from assignment").update();
    jdbc.sql("delete from lead_stage_change").update();
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
        reports.leads(new ReportFilter(FROM, TO, null, null), metric, stage, role, rep, key, 50, 0);
    assertThat(list.total()).isEqualTo(list.leads().size());
    return list.leads().stream().map(Lead::firstName).collect(java.util.stream.Collectors.toSet());
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
    assertThat(stage(report, Stage.NAME).medianSeconds()).isEqualTo(10);
    assertThat(stage(report, Stage.MQL).medianSeconds()).isEqualTo(2700);
    assertThat(stage(report, Stage.MQL).p90Seconds()).isEqualTo(3600);
    assertThat(stage(report, Stage.SAL).finishedStays()).isEqualTo(4);
    assertThat(stage(report, Stage.SAL).medianSeconds()).isEqualTo(10800);
    assertThat(stage(report, Stage.SAL).p90Seconds()).isEqualTo(64800);
    assertThat(stage(report, Stage.SQL).medianSeconds()).isEqualTo(86400);
    assertThat(stage(report, Stage.IN_PROFILE).medianSeconds()).isEqualTo(86390);
    assertThat(stage(report, Stage.OPPORTUNITY).stillThere()).isEqualTo(1);
    assertThat(stage(report, Stage.OPPORTUNITY).medianSeconds()).isNull();
    assertThat(stage(report, Stage.OUT_OF_PROFILE).stillThere()).isEqualTo(1);
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
