package org.leadhandoff.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadViews.LeadSummary;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.web.CsvExport;
import org.leadhandoff.web.InvalidFieldException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The funnel report, the leads behind each of its numbers, and both as CSV. Periods are dates
 * (whole days, UTC, both included) or instants (from included, to excluded); the default is the
 * last 30 days.
 */
@RestController
@RequestMapping("/api/reports")
@Validated
@Tag(name = "Reports", description = "The funnel, SLA compliance, reasons and supply")
class ReportController {

  static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

  /** The most leads one CSV export holds; a bigger list is a database export, not a download. */
  static final int MAX_EXPORT_ROWS = 100_000;

  /** A what-if looks back a quarter unless told otherwise. */
  static final Duration DEFAULT_REVIEW_PERIOD = Duration.ofDays(91);

  private final org.leadhandoff.routing.RoutingWhatIf routingWhatIf;
  private final ReportService reports;
  private final WhatIfService whatIf;
  private final Clock clock;
  private final org.leadhandoff.lead.LeadStore leads;
  private final org.leadhandoff.routing.RosterStore roster;
  private final MessageCatalogue catalogue;
  private final org.leadhandoff.intake.ValueAliases aliases;

  ReportController(
      ReportService reports,
      WhatIfService whatIf,
      Clock clock,
      org.leadhandoff.lead.LeadStore leads,
      org.leadhandoff.routing.RosterStore roster,
      MessageCatalogue catalogue,
      org.leadhandoff.routing.RoutingWhatIf routingWhatIf,
      org.leadhandoff.intake.ValueAliases aliases) {
    this.routingWhatIf = routingWhatIf;
    this.aliases = aliases;
    this.catalogue = catalogue;
    this.leads = leads;
    this.roster = roster;
    this.reports = reports;
    this.whatIf = whatIf;
    this.clock = clock;
  }

  @PostMapping("/what-if")
  @Operation(
      summary =
          "How the leads captured in a period would have been classified under other criteria,"
              + " next to what happened to them; changes nothing")
  WhatIf.Result whatIf(@RequestBody WhatIf.Request request) {
    return whatIf.evaluate(
        filter(request.from(), request.to(), request.source(), null, DEFAULT_REVIEW_PERIOD),
        request.criteria());
  }

  /**
   * @param from first day (YYYY-MM-DD); with {@code to} the last, the last 90 days by default
   * @param weights a weight (0.1 to 10) for any person of the roster; the others keep theirs
   * @param table another routing table, the text of a routing-team.dmn; empty: the one deployed
   */
  record RoutingWhatIfRequest(String from, String to, Map<String, Double> weights, String table) {}

  @PostMapping("/routing-what-if")
  @Operation(
      summary =
          "How a period's routings would have spread over people and teams with other weights or"
              + " another routing table, next to how they did; changes nothing")
  org.leadhandoff.routing.RoutingWhatIf.Result routingWhatIf(
      @RequestBody RoutingWhatIfRequest request) {
    ReportFilter period = filter(request.from(), request.to(), null, null, DEFAULT_REVIEW_PERIOD);
    return routingWhatIf.replay(period.from(), period.to(), request.weights(), request.table());
  }

  @GetMapping("/funnel")
  @Operation(summary = "Stage counts, conversion, time in stage, SLAs, reasons, sources, supply")
  FunnelReport funnel(
      @Parameter(description = "date (YYYY-MM-DD) or instant") @RequestParam(required = false)
          String from,
      @Parameter(description = "date (included) or instant (excluded)")
          @RequestParam(required = false)
          String to,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String team) {
    return reports.funnel(filter(from, to, source, team));
  }

  @GetMapping(value = "/funnel.csv", produces = "text/csv")
  @Operation(
      summary = "The funnel report as CSV: one row per number",
      description =
          "Columns section, item, measure, value; items as codes (stages, roles, reasons). With"
              + " lang (en, de), as the dashboard's link asks, the header, sections, measures,"
              + " stages, roles and reasons are in that language's words and people by name.")
  void funnelCsv(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String team,
      @RequestParam(required = false) String lang,
      @RequestParam(required = false) String tz,
      HttpServletResponse response)
      throws IOException {
    FunnelReport report = reports.funnel(filter(from, to, source, team));
    Locale language = lang == null || lang.isBlank() ? null : catalogue.language(lang);
    CsvExport.Flavour flavour = CsvExport.Flavour.of(language, CsvExport.Flavour.zone(tz));
    try (var printer =
        CsvExport.attachment(
            response, "funnel.csv", flavour, ReportService.header(language, catalogue))) {
      for (ReportService.Number number : ReportService.numbers(report)) {
        Object[] row = language == null ? number.codes() : number.words(language, catalogue);
        CsvExport.print(printer, flavour, java.util.Arrays.asList(row));
      }
    }
  }

  /** A page of the leads behind a number. */
  record LeadListView(List<LeadSummary> leads, long total, int limit, int offset) {}

  /**
   * Which number's leads, as request parameters: the metric and what it needs, and the report's
   * filters.
   */
  record DrillParams(
      @Parameter(description = "the report number", required = true) Metric metric,
      Stage stage,
      @Parameter(description = "QUALIFIER or SALES_REP") String role,
      String rep,
      @Parameter(description = "the reason, cause or source") String key,
      @Parameter(description = "date (YYYY-MM-DD) or instant") String from,
      @Parameter(description = "date (included) or instant (excluded)") String to,
      String source,
      String team) {}

  private Drill drill(DrillParams p) {
    return new Drill(
        filter(p.from(), p.to(), p.source(), p.team()),
        p.metric(),
        p.stage(),
        p.role(),
        p.rep(),
        p.key());
  }

  @GetMapping("/leads")
  @Operation(summary = "The leads behind one number of the funnel report")
  LeadListView leads(
      @ParameterObject DrillParams params,
      @RequestParam(defaultValue = "50")
          @Min(value = 1, message = "must be 1 or more")
          @Max(value = 500, message = "must be at most 500")
          int limit,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int offset) {
    var list = reports.leads(drill(params), limit, offset);
    return new LeadListView(LeadSummary.of(list.leads(), leads), list.total(), limit, offset);
  }

  @GetMapping("/returned")
  @Operation(
      summary =
          "What came back to marketing: recycled and mis-scored leads, why, and when they return",
      description =
          "The period's returns, latest first: recycled (reason code NOT_NOW, NO_ANSWER,"
              + " REJECTED_BY_SALES, with the revisit date) and returned as mis-scored (MIS_SCORED,"
              + " back in profile at once), each with the reason in the words of whoever sent it"
              + " back, who sent it (byName in the language asked for: lang, else"
              + " Accept-Language) and the stage the lead is in now.")
  ReportService.ReturnedPage returned(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "50")
          @Min(value = 1, message = "must be 1 or more")
          @Max(value = 500, message = "must be at most 500")
          int limit,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int offset,
      @RequestParam(required = false) String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
    return reports.returned(
        filter(from, to, null, null), limit, offset, catalogue.language(lang, accepted));
  }

  /** The leads CSV's columns, as the API names them; with lang, report.csv.leads.<name>. */
  private static final List<String> LEAD_COLUMNS =
      List.of(
          "id",
          "first_name",
          "last_name",
          "email",
          "company",
          "title",
          "country",
          "source",
          "stage",
          "fit_grade",
          "temperature",
          "priority",
          "owner",
          "owner_name",
          "created_at",
          "updated_at");

  @GetMapping(value = "/leads.csv", produces = "text/csv")
  @Operation(
      summary = "The leads behind one number, as CSV (at most 100,000)",
      description =
          "Codes, ISO-8601 instants in UTC and commas, for programs. With lang (en, de), as the"
              + " dashboard's link asks, for a spreadsheet in that language: the header, stages,"
              + " temperatures and countries in words, dates and times in the time zone tz (IANA,"
              + " UTC when none), and in German semicolons between cells and decimal commas.")
  void leadsCsv(
      @ParameterObject DrillParams params,
      @RequestParam(required = false) String lang,
      @RequestParam(required = false) String tz,
      HttpServletResponse response)
      throws IOException {
    Drill drill = drill(params);
    Locale language = lang == null || lang.isBlank() ? null : catalogue.language(lang);
    CsvExport.Flavour flavour = CsvExport.Flavour.of(language, CsvExport.Flavour.zone(tz));
    // The first page before any output: a bad request still gets its 400.
    int page = 1000;
    var list = reports.leads(drill, page, 0);
    String[] header =
        LEAD_COLUMNS.stream()
            .map(c -> language == null ? c : catalogue.text(language, "report.csv.leads." + c))
            .toArray(String[]::new);
    try (var printer = CsvExport.attachment(response, "leads.csv", flavour, header)) {
      int offset = 0;
      java.util.Map<String, String> names = new java.util.HashMap<>();
      roster.all().forEach(r -> names.put(r.id(), r.name()));
      while (!list.leads().isEmpty() && offset < MAX_EXPORT_ROWS) {
        var owners = leads.owners(list.leads().stream().map(Lead::id).toList());
        for (Lead l : list.leads()) {
          String owner = owners.get(l.id());
          String country = l.contact().country();
          CsvExport.print(
              printer,
              flavour,
              java.util.Arrays.asList(
                  l.id(),
                  l.contact().firstName(),
                  l.contact().lastName(),
                  l.email(),
                  l.contact().company(),
                  l.contact().title(),
                  language == null ? country : catalogue.country(language, country),
                  language == null
                      ? l.contact().source()
                      : catalogue.name(language, "source", l.contact().source()),
                  language == null
                      ? l.stage()
                      : catalogue.code(language, "stage", l.stage().name()),
                  l.fitGrade(),
                  language == null || l.temperature() == null
                      ? l.temperature()
                      : catalogue.code(language, "temperature", l.temperature().toString()),
                  l.priority(),
                  owner,
                  owner == null ? null : names.getOrDefault(owner, owner),
                  l.createdAt(),
                  l.updatedAt()));
        }
        offset += page;
        list = reports.leads(drill, page, offset);
      }
    }
  }

  ReportFilter filter(String from, String to, String source, String team) {
    return filter(from, to, source, team, DEFAULT_PERIOD);
  }

  /** Without a start, the period is the one given, up to the end (or now). */
  private ReportFilter filter(
      String from, String to, String source, String team, Duration defaultPeriod) {
    Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to, true);
    Instant start =
        from == null || from.isBlank() ? end.minus(defaultPeriod) : instant("from", from, false);
    // A source as the import page or a person writes it ("Trade Show 2026") is the one its leads
    // were stored under ("trade-show-2026"): the same rule as at capture.
    return new ReportFilter(start, end, aliases.source(source), team);
  }

  /** A date means the whole day: from its start, or (as the end) up to the next day's start. */
  private static Instant instant(String field, String value, boolean end) {
    String text = value.strip();
    try {
      if (text.length() == 10) {
        LocalDate date = LocalDate.parse(text);
        return (end ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(
          field, "'" + value + "' is not a date (YYYY-MM-DD) or an instant (ISO-8601)");
    }
  }
}
