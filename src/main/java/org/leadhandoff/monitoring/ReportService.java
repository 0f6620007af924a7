package org.leadhandoff.monitoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.monitoring.FunnelReport.Count;
import org.leadhandoff.monitoring.FunnelReport.RepSla;
import org.leadhandoff.monitoring.FunnelReport.SlaRow;
import org.leadhandoff.monitoring.FunnelReport.StageRow;
import org.leadhandoff.monitoring.FunnelReport.Supply;
import org.leadhandoff.routing.Role;
import org.leadhandoff.system.MessageCatalogue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts the funnel report together from the report queries, and lists the leads behind it. */
@Service
public class ReportService {

  private final ReportStore store;
  private final FunnelStages stages;
  private final DayCounts dayCounts;
  private final LeadStore leads;
  private final ActorNames actors;

  ReportService(
      ReportStore store,
      FunnelStages stages,
      DayCounts dayCounts,
      LeadStore leads,
      ActorNames actors) {
    this.store = store;
    this.stages = stages;
    this.dayCounts = dayCounts;
    this.leads = leads;
    this.actors = actors;
  }

  @Transactional(readOnly = true)
  public FunnelReport funnel(ReportFilter filter) {
    store.forReports();
    // Company-wide from the daily figures and counts; one source's or team's from the history.
    boolean companyWide = filter.companyWide();
    FunnelStages.Period period =
        companyWide ? this.stages.companyWide(filter.from(), filter.to()) : null;
    DayCounts.Period counts =
        companyWide ? dayCounts.companyWide(filter.from(), filter.to()) : null;
    var figures = companyWide ? period.stages() : this.stages.fromHistory(filter);
    List<StageRow> stages = new ArrayList<>();
    for (Stage stage : Funnel.ORDER) {
      var figure = figures.getOrDefault(stage, new FunnelStages.Figures(0, 0, 0, null, null, 0));
      Stage next = Funnel.NEXT.get(stage);
      stages.add(
          new StageRow(
              stage.name(),
              figure.entered(),
              next == null ? null : next.name(),
              next == null ? 0 : figure.converted(),
              next == null || figure.entered() == 0
                  ? null
                  : (double) figure.converted() / figure.entered(),
              figure.finished(),
              figure.medianSeconds(),
              figure.p90Seconds(),
              figure.stillThere()));
    }
    List<RepSla> byRep = companyWide ? counts.slaByRep() : store.slaByRep(filter);
    List<SlaRow> sla = new ArrayList<>();
    for (Role role : List.of(Role.QUALIFIER, Role.SALES_REP)) {
      long met = 0;
      long missed = 0;
      long pending = 0;
      for (RepSla rep : byRep) {
        if (rep.role().equals(role.name())) {
          met += rep.met();
          missed += rep.missed();
          pending += rep.pending();
        }
      }
      sla.add(
          new SlaRow(
              role.name(),
              met,
              missed,
              pending,
              met + missed == 0 ? null : (double) met / (met + missed)));
    }
    long capacity = store.qualifierWeeklyCapacity(filter.team());
    // Every week of the period, a week without MQLs too: it is the one that matters most.
    Map<java.time.LocalDate, Long> mqls =
        companyWide ? period.mqlsPerWeek() : store.mqlsPerWeek(filter);
    List<Supply.Week> weeks = new ArrayList<>();
    for (var week = monday(filter.from());
        week.isBefore(monday(filter.to().minusNanos(1)).plusDays(1));
        week = week.plusWeeks(1)) {
      long count = mqls.getOrDefault(week, 0L);
      weeks.add(new Supply.Week(week, count, capacity == 0 ? null : (double) count / capacity));
    }
    return new FunnelReport(
        filter.from(),
        filter.to(),
        filter.source(),
        filter.team(),
        stages,
        sla,
        byRep,
        companyWide ? counts.slaByDay() : store.slaByDay(filter),
        companyWide
            ? counts.counts(DayCounts.Figure.REROUTE)
            : store.activities(filter, "REROUTE", null, null, "code"),
        companyWide
            ? counts.counts(DayCounts.Figure.ESCALATION)
            : store.activities(filter, "ESCALATION", null, null, "code"),
        companyWide
            ? counts.counts(DayCounts.Figure.REJECTION)
            : store.activities(filter, "DECISION", Role.SALES_REP.name(), "REJECT", "detail"),
        companyWide ? period.reasons(Stage.RECYCLED) : store.stageReasons(filter, Stage.RECYCLED),
        companyWide
            ? period.reasons(Stage.DISQUALIFIED)
            : store.stageReasons(filter, Stage.DISQUALIFIED),
        companyWide ? counts.counts(DayCounts.Figure.SOURCE) : store.sources(filter),
        supply(filter, capacity, weeks));
  }

  private static Supply supply(ReportFilter filter, long capacity, List<Supply.Week> weeks) {
    double periodWeeks =
        java.time.Duration.between(filter.from(), filter.to()).toSeconds()
            / (double) java.time.Duration.ofDays(7).toSeconds();
    long mqls = weeks.stream().mapToLong(Supply.Week::mqls).sum();
    return new Supply(capacity, periodWeeks, periodWeeks == 0 ? 0 : mqls / periodWeeks, weeks);
  }

  private static java.time.LocalDate monday(java.time.Instant instant) {
    return instant
        .atZone(java.time.ZoneOffset.UTC)
        .toLocalDate()
        .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
  }

  /** A page of the leads behind one number of the report, and how many there are in all. */
  public record LeadList(List<Lead> leads, long total, int limit, int offset) {}

  /** A page of the leads that came back to marketing. */
  record ReturnedPage(List<ReportStore.Returned> items, long total, int limit, int offset) {}

  @Transactional(readOnly = true)
  ReturnedPage returned(ReportFilter filter, int limit, int offset, Locale language) {
    store.forReports();
    Map<String, String> names = new HashMap<>();
    var items =
        store.returned(filter, limit, offset).stream()
            .map(
                r ->
                    r.named(
                        names.computeIfAbsent(
                            r.by() == null ? "" : r.by(), by -> actors.name(by, language))))
            .toList();
    return new ReturnedPage(items, store.returnedCount(filter), limit, offset);
  }

  @Transactional(readOnly = true)
  public LeadList leads(Drill drill, int limit, int offset) {
    store.forReports();
    List<UUID> ids = store.leads(drill, limit, offset);
    Map<UUID, Lead> found = leads.find(ids);
    return new LeadList(
        ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList(),
        store.countLeads(drill),
        limit,
        offset);
  }

  /**
   * One number of the report for the CSV export: its section, the item it is about (a code of
   * {@code itemKind}, a source, a week; with {@code person}, that person in the role {@code item}),
   * what it measures and its value.
   */
  record Number(
      String section,
      String itemKind,
      String item,
      RepSla person,
      String measure,
      String nextStage,
      Object value) {

    Number(
        String section,
        String itemKind,
        String item,
        String measure,
        String nextStage,
        Object value) {
      this(section, itemKind, item, null, measure, nextStage, value);
    }

    /** As the API's consumers read it: sections and measures in English, items as codes. */
    String[] codes() {
      return new String[] {
        section.replace('-', ' '),
        person == null ? item : person.rep() + " (" + item + ")",
        nextStage == null ? measure.replace('-', ' ') : "converted to " + nextStage,
        text(value)
      };
    }

    /**
     * As a person reads it in the language: words for sections, measures, stages and reasons; the
     * value as it is, for the download to write as the language does.
     */
    Object[] words(Locale language, MessageCatalogue catalogue) {
      String itemWords =
          switch (itemKind) {
            case "stage", "role", "reason" -> catalogue.code(language, itemKind, item);
            case "text" -> catalogue.text(language, "report.csv.item." + item);
            case "source" -> catalogue.name(language, "source", item);
            default -> item;
          };
      if (person != null) {
        itemWords = person.name() + " (" + itemWords + ")";
      }
      return new Object[] {
        catalogue.text(language, "report.csv.section." + section),
        // A week by its Monday, a date the download writes as the language does.
        "week".equals(itemKind) ? java.time.LocalDate.parse(item) : itemWords,
        catalogue.text(
            language,
            "report.csv.measure." + measure,
            nextStage == null
                ? Map.of()
                : Map.of("stage", catalogue.code(language, "stage", nextStage))),
        value
      };
    }

    private static String text(Object value) {
      return value == null ? "" : String.valueOf(value);
    }
  }

  /** The CSV export's header, in words for the language or (null) as the API names it. */
  static String[] header(Locale language, MessageCatalogue catalogue) {
    String[] names = {"section", "item", "measure", "value"};
    if (language == null) {
      return names;
    }
    return java.util.Arrays.stream(names)
        .map(name -> catalogue.text(language, "report.csv.header." + name))
        .toArray(String[]::new);
  }

  /** Every number of the report, one row each, for the CSV export. */
  static List<Number> numbers(FunnelReport report) {
    List<Number> rows = new ArrayList<>();
    for (StageRow s : report.stages()) {
      rows.add(new Number("stage", "stage", s.stage(), "entered", null, s.entered()));
      if (s.nextStage() != null) {
        rows.add(
            new Number("stage", "stage", s.stage(), "converted", s.nextStage(), s.converted()));
        rows.add(
            new Number("stage", "stage", s.stage(), "conversion-rate", null, s.conversionRate()));
      }
      rows.add(
          new Number(
              "stage", "stage", s.stage(), "median-seconds-in-stage", null, s.medianSeconds()));
      rows.add(
          new Number("stage", "stage", s.stage(), "p90-seconds-in-stage", null, s.p90Seconds()));
      rows.add(new Number("stage", "stage", s.stage(), "still-in-stage", null, s.stillThere()));
    }
    for (SlaRow s : report.sla()) {
      rows.add(new Number("sla", "role", s.role(), "met", null, s.met()));
      rows.add(new Number("sla", "role", s.role(), "missed", null, s.missed()));
      rows.add(new Number("sla", "role", s.role(), "pending", null, s.pending()));
      rows.add(new Number("sla", "role", s.role(), "compliance-rate", null, s.complianceRate()));
    }
    for (RepSla s : report.slaByRep()) {
      rows.add(new Number("sla-by-person", "role", s.role(), s, "met", null, s.met()));
      rows.add(new Number("sla-by-person", "role", s.role(), s, "missed", null, s.missed()));
    }
    counts(rows, "reroutes", report.reroutes());
    counts(rows, "escalations", report.escalations());
    counts(rows, "rejection-reasons", report.rejectionReasons());
    counts(rows, "recycle-reasons", report.recycleReasons());
    counts(rows, "disqualification-reasons", report.disqualificationReasons());
    for (Count c : report.sources()) {
      rows.add(new Number("sources", "source", c.key(), "count", null, c.count()));
    }
    rows.add(
        new Number(
            "supply",
            "text",
            "qualifiers",
            "weekly-capacity",
            null,
            report.supply().weeklyCapacity()));
    for (Supply.Week w : report.supply().weeks()) {
      rows.add(new Number("supply", "week", w.weekStart().toString(), "mqls", null, w.mqls()));
    }
    return rows;
  }

  private static void counts(List<Number> rows, String section, List<Count> counts) {
    counts.forEach(c -> rows.add(new Number(section, "reason", c.key(), "count", null, c.count())));
  }
}
