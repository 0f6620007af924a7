package org.leadhandoff.routing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import org.leadhandoff.process.LeadProcess.Decisions;
import org.leadhandoff.scoring.ScoringCriteria;
import org.leadhandoff.web.InvalidFieldException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What routing would have done with other weights or another routing table: the period's routings
 * (each assignment of a task, reroutes included) replayed in their order through the table and the
 * weighted rotation, next to whom they went to. The table is evaluated by the DMN engine the Zeebe
 * engine itself uses (dmn-scala), outside the engine, so trying a table changes nothing.
 *
 * <p>What the replay cannot know is left out and said in {@code assumptions}: who was away, off
 * shift or full at the time (everyone of the team counts as available), and a lead's temperature
 * and source category then (today's are used).
 */
@Service
public class RoutingWhatIf {

  /** One routing of the period, with what the table reads of its lead. */
  record Routed(
      UUID leadId,
      Role role,
      String chosenRep,
      String country,
      Integer companySize,
      String sourceCategory,
      String temperature,
      Instant at) {}

  /**
   * @param actual leads routing gave the person in the period
   * @param whatIf leads they would have got
   */
  public record Person(
      String repId, String name, Role role, String team, long actual, long whatIf, long change) {}

  /** The same per team of the roster (a named team, or the people without one: "default"). */
  public record Team(String team, Role role, long actual, long whatIf, long change) {}

  /**
   * @param routings routings replayed
   * @param unassigned routings that would have found nobody (a team nobody of the roster is in, or
   *     nobody of the team covering the lead)
   * @param byRule how many routings each rule of the table decided ("no row matched" included)
   */
  public record Result(
      Instant from,
      Instant to,
      int routings,
      long unassignedActual,
      long unassigned,
      List<Person> people,
      List<Team> teams,
      Map<String, Long> byRule,
      List<String> assumptions) {}

  private static final String NO_ROW = "(no row matched: the default team)";

  private final JdbcClient jdbc;
  private final RosterStore roster;
  private final ScoringCriteria criteria;
  private final RoutingSettings settings;
  private final DmnEngine dmn = new DmnEngine.Builder().build();

  RoutingWhatIf(
      JdbcClient jdbc, RosterStore roster, ScoringCriteria criteria, RoutingSettings settings) {
    this.jdbc = jdbc;
    this.roster = roster;
    this.criteria = criteria;
    this.settings = settings;
  }

  /**
   * @param weights a weight for any person of the roster (0.1 to 10); the others keep theirs
   * @param table another routing table (the DMN file's text); null: the one deployed
   */
  @Transactional(readOnly = true)
  public Result replay(Instant from, Instant to, Map<String, Double> weights, String table) {
    Map<String, Rep> people = new LinkedHashMap<>();
    for (Rep rep : roster.all()) {
      people.put(rep.id(), rep);
    }
    Map<String, Double> changed = weights == null ? Map.of() : new TreeMap<>(weights);
    List<org.leadhandoff.web.ApiErrors.FieldError> bad = new ArrayList<>();
    changed.forEach(
        (id, weight) -> {
          Rep rep = people.get(id);
          if (rep == null) {
            bad.add(field(id, "is nobody on the roster"));
          } else if (rep.role() == Role.MANAGER) {
            bad.add(field(id, "is a manager, whom routing gives no leads"));
          } else if (weight == null || weight < 0.1 || weight > 10) {
            bad.add(field(id, "must be a number from 0.1 to 10"));
          } else {
            people.put(id, rep.withWeight(weight));
          }
        });
    if (!bad.isEmpty()) {
      throw new org.leadhandoff.web.ApiException(
          org.springframework.http.HttpStatus.BAD_REQUEST,
          "Invalid request",
          bad.size() == 1 ? "One weight cannot be used." : bad.size() + " weights cannot be used.",
          bad);
    }
    ParsedDmn parsed = parse(table);
    List<Rep> everyone = List.copyOf(people.values());

    Map<String, Long> actual = new HashMap<>();
    Map<String, Long> whatIf = new HashMap<>();
    Map<String, Long> byRule = new TreeMap<>();
    Map<String, Turns> rotations = new HashMap<>();
    long unassigned = 0;
    long unassignedActual = 0;
    List<Routed> routings = routings(from, to);
    for (Routed routed : routings) {
      if (routed.chosenRep() == null) {
        unassignedActual++;
      } else {
        actual.merge(routed.chosenRep(), 1L, Long::sum);
      }
      RoutingService.TeamChoice team = decide(parsed, routed);
      byRule.merge(team.matched() ? String.valueOf(team.rule()) : NO_ROW, 1L, Long::sum);
      String rotation = RoutingService.rotation(routed.role(), team.team());
      Turns turns = rotations.getOrDefault(rotation, Turns.fresh());
      var decision =
          RoutingPolicy.choose(
              routed.role(),
              team.team(),
              routed.country(),
              criteria.classification().segment(routed.companySize()),
              everyone.stream().map(RoutingWhatIf::alwaysAvailable).toList(),
              Map.of(),
              turns,
              Set.of(),
              routed.at());
      if (decision.chosen() == null) {
        unassigned++;
        continue;
      }
      whatIf.merge(decision.chosen().id(), 1L, Long::sum);
      rotations.put(rotation, turns.took(people.get(decision.chosen().id())));
    }

    List<Person> byPerson = new ArrayList<>();
    Map<String, long[]> byTeam = new TreeMap<>();
    for (Rep rep : everyone) {
      if (rep.role() == Role.MANAGER) {
        continue;
      }
      long was = actual.getOrDefault(rep.id(), 0L);
      long would = whatIf.getOrDefault(rep.id(), 0L);
      byPerson.add(
          new Person(rep.id(), rep.name(), rep.role(), rep.team(), was, would, would - was));
      long[] sums = byTeam.computeIfAbsent(rep.role() + "|" + rep.team(), k -> new long[2]);
      sums[0] += was;
      sums[1] += would;
    }
    List<Team> teams =
        byTeam.entrySet().stream()
            .map(
                e -> {
                  String[] key = e.getKey().split("\\|", 2);
                  long[] sums = e.getValue();
                  return new Team(
                      key[1], Role.valueOf(key[0]), sums[0], sums[1], sums[1] - sums[0]);
                })
            .toList();
    return new Result(
        from,
        to,
        routings.size(),
        unassignedActual,
        unassigned,
        byPerson,
        teams,
        byRule,
        List.of(
            "Everyone of a team counts as available: who was away, off shift or full at the time"
                + " is not kept.",
            "Each lead is replayed with its temperature and source category of today.",
            "Every routing of the period counts, reroutes included; hand-overs by a manager do"
                + " not."));
  }

  private static org.leadhandoff.web.ApiErrors.FieldError field(String repId, String message) {
    return new org.leadhandoff.web.ApiErrors.FieldError("weights." + repId, message);
  }

  /** The person as routing would see them if nothing kept them from a lead. */
  private static Rep alwaysAvailable(Rep rep) {
    return new Rep(
        rep.id(),
        rep.name(),
        rep.email(),
        rep.role(),
        rep.territories(),
        rep.segments(),
        Integer.MAX_VALUE,
        java.util.EnumSet.allOf(java.time.DayOfWeek.class),
        java.time.LocalTime.MIN,
        java.time.LocalTime.of(23, 59),
        java.time.ZoneOffset.UTC,
        null,
        null,
        rep.active(),
        rep.team(),
        rep.weight());
  }

  private RoutingService.TeamChoice decide(ParsedDmn table, Routed routed) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("role", routed.role().name());
    inputs.put("country", routed.country());
    inputs.put("companySize", routed.companySize());
    inputs.put("sourceCategory", routed.sourceCategory());
    inputs.put("temperature", routed.temperature());
    var result = dmn.eval(table, Decisions.ROUTING_TEAM, inputs);
    if (result.isLeft()) {
      throw new InvalidFieldException(
          "table", "cannot be evaluated: " + result.left().toOption().get().failure().message());
    }
    return RoutingService.TeamChoice.of(
        context(result.toOption().get().value()), settings.defaultTeam());
  }

  /** The table's {team, rule} as a map; null when no row matched. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> context(Object value) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      return (Map<String, Object>) (Map<?, ?>) scala.jdk.javaapi.CollectionConverters.asJava(map);
    }
    if (value instanceof org.camunda.feel.syntaxtree.ValContext context) {
      // FIRST with two outputs: a FEEL context {team, rule} of strings.
      Map<String, Object> outputs = new HashMap<>();
      scala.jdk.javaapi.CollectionConverters.asJava(
              context.context().variableProvider().getVariables())
          .forEach(
              (name, output) ->
                  outputs.put(
                      name,
                      output instanceof org.camunda.feel.syntaxtree.ValString s
                          ? s.value()
                          : output));
      return outputs;
    }
    return null;
  }

  private ParsedDmn parse(String table) {
    try (InputStream in =
        table == null || table.isBlank()
            ? new ClassPathResource("bpmn/routing-team.dmn").getInputStream()
            : new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))) {
      var parsed = dmn.parse(in);
      if (parsed.isLeft()) {
        throw new InvalidFieldException(
            "table",
            "is not a decision table the engine reads: "
                + parsed.left().toOption().get().message());
      }
      ParsedDmn dmnFile = parsed.toOption().get();
      if (dmnFile.decisionsById().get(Decisions.ROUTING_TEAM).isEmpty()) {
        throw new InvalidFieldException(
            "table", "has no decision with the id " + Decisions.ROUTING_TEAM);
      }
      return dmnFile;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Routed> routings(Instant from, Instant to) {
    return jdbc.sql(
            """
            select d.lead_id, d.role, d.chosen_rep, d.decided_at, l.country, l.company_size,
                   l.source_category, l.temperature
            from routing_decision d join lead l on l.id = d.lead_id
            where d.decided_at >= ? and d.decided_at < ? and d.outcome in ('ASSIGNED', 'NOBODY_AVAILABLE')
              and d.role in ('QUALIFIER', 'SALES_REP')
            order by d.decided_at, d.id
            """)
        .params(
            org.leadhandoff.system.Timestamps.utc(from), org.leadhandoff.system.Timestamps.utc(to))
        .query(
            (rs, n) ->
                new Routed(
                    rs.getObject("lead_id", UUID.class),
                    Role.valueOf(rs.getString("role")),
                    rs.getString("chosen_rep"),
                    rs.getString("country"),
                    (Integer) rs.getObject("company_size"),
                    rs.getString("source_category"),
                    rs.getString("temperature"),
                    rs.getObject("decided_at", java.time.OffsetDateTime.class).toInstant()))
        .list();
  }
}
