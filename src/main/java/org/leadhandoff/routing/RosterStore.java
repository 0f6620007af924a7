package org.leadhandoff.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.leadhandoff.system.Timestamps;
import org.leadhandoff.system.Why;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The roster, assignments, routing decisions and the round-robin cursors in the lead store. */
@Repository
public class RosterStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  public RosterStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Adds a person unless they are there already; returns whether they were added. */
  boolean addIfMissing(Rep rep) {
    if (find(rep.id()).isPresent()) {
      return false;
    }
    jdbc.sql(
            """
            insert into rep (id, name, email, role, territories, segments, capacity, work_days,
                             work_from, work_to, time_zone, active, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            rep.id(),
            rep.name(),
            rep.email(),
            rep.role().name(),
            String.join(",", rep.territories()),
            String.join(",", rep.segments()),
            rep.capacity(),
            rep.workDays().stream().map(Enum::name).collect(Collectors.joining(",")),
            rep.workFrom().toString(),
            rep.workTo().toString(),
            rep.timeZone().getId(),
            rep.active(),
            Timestamps.now(clock))
        .update();
    return true;
  }

  public List<Rep> all() {
    return jdbc.sql("select * from rep order by id").query(RosterStore::rep).list();
  }

  public Optional<Rep> find(String id) {
    return jdbc.sql("select * from rep where id = ?").param(id).query(RosterStore::rep).optional();
  }

  void update(
      String id, int capacity, boolean active, Instant outOfOfficeFrom, Instant outOfOfficeTo) {
    jdbc.sql(
            "update rep set capacity = ?, active = ?, out_of_office_from = ?, out_of_office_to = ?, updated_at = ? where id = ?")
        .params(
            capacity,
            active,
            Timestamps.utc(outOfOfficeFrom),
            Timestamps.utc(outOfOfficeTo),
            Timestamps.now(clock),
            id)
        .update();
  }

  /** A person's own "away now / back at": only the out-of-office period changes. */
  void setAway(String id, Instant from, Instant to) {
    jdbc.sql(
            "update rep set out_of_office_from = ?, out_of_office_to = ?, updated_at = ? where id = ?")
        .params(Timestamps.utc(from), Timestamps.utc(to), Timestamps.now(clock), id)
        .update();
  }

  /**
   * Locks the rotation of a team (one per role and team) and reads where everyone stands in it, so
   * that concurrent routings take turns. A rotation routed for the first time starts fresh.
   */
  Turns lockTurns(String rotation) {
    jdbc.sql(
            "insert into routing_cursor (team_key, last_rep, turn_now) select ?, '', 0"
                + " where not exists (select 1 from routing_cursor where team_key = ?)")
        .params(rotation, rotation)
        .update();
    double now =
        jdbc.sql("select turn_now from routing_cursor where team_key = ? for update")
            .param(rotation)
            .query(Double.class)
            .single();
    Map<String, Double> places = new HashMap<>();
    Map<String, Double> credits = new HashMap<>();
    jdbc.sql("select rep_id, place, credit from routing_turn where rotation = ?")
        .param(rotation)
        .query(
            (rs, n) -> {
              places.put(rs.getString("rep_id"), rs.getDouble("place"));
              credits.put(rs.getString("rep_id"), rs.getDouble("credit"));
              return n;
            })
        .list();
    return new Turns(now, Map.copyOf(places), Map.copyOf(credits));
  }

  /** Keeps where the person now stands, and the rotation's now (under the rotation's lock). */
  void keepTurns(String rotation, Turns turns, String repId, String lastRep) {
    double place = turns.places().getOrDefault(repId, turns.now());
    double credit = turns.creditOf(repId);
    int updated =
        jdbc.sql("update routing_turn set place = ?, credit = ? where rotation = ? and rep_id = ?")
            .params(place, credit, rotation, repId)
            .update();
    if (updated == 0) {
      jdbc.sql("insert into routing_turn (rotation, rep_id, place, credit) values (?, ?, ?, ?)")
          .params(rotation, repId, place, credit)
          .update();
    }
    jdbc.sql(
            "update routing_cursor set turn_now = ?, last_rep = coalesce(?, last_rep)"
                + " where team_key = ?")
        .params(turns.now(), lastRep, rotation)
        .update();
  }

  /**
   * Records a turn given back, once per occasion.
   *
   * @return false when the occasion was credited before (a retried job)
   */
  boolean recordCredit(String occasion, String rotation, String repId, String reason, UUID leadId) {
    return jdbc.sql(
                "insert into routing_credit (occasion, rotation, rep_id, reason, lead_id, granted_at)"
                    + " select ?, ?, ?, ?, ?, ? where not exists"
                    + " (select 1 from routing_credit where occasion = ?)")
            .params(occasion, rotation, repId, reason, leadId, Timestamps.now(clock), occasion)
            .update()
        == 1;
  }

  Map<String, Integer> openLeads() {
    Map<String, Integer> open = new HashMap<>();
    // Only leads still at the owner's step count: a lead that left it (disqualified, recycled,
    // converted) frees the capacity even where no end listener ran.
    jdbc.sql(
            """
            select a.rep_id, count(*) from assignment a join lead l on l.id = a.lead_id
            where a.state = 'OPEN'
              and ((a.role = 'QUALIFIER' and l.stage = 'SAL') or (a.role = 'SALES_REP' and l.stage = 'SQL'))
            group by a.rep_id
            """)
        .query((rs, n) -> open.put(rs.getString(1), rs.getInt(2)))
        .list();
    return open;
  }

  /** Everyone who has owned the lead for this role, so that a reroute does not go back to them. */
  List<String> previousOwners(UUID leadId, Role role) {
    return jdbc.sql("select distinct rep_id from assignment where lead_id = ? and role = ?")
        .params(leadId, role.name())
        .query(String.class)
        .list();
  }

  /**
   * Whether the rep sent the lead on as not theirs (a rep-specific rejection) since it last became
   * sales-qualified: the lead's acceptance is for a colleague then, whoever holds it.
   */
  public boolean saidNotMine(UUID leadId, String repId, java.util.Collection<String> reasons) {
    if (reasons.isEmpty()) {
      return false;
    }
    return jdbc.sql(
                "select count(*) from lead_activity a where a.lead_id = :lead and a.actor = :rep"
                    + " and a.kind = 'DECISION' and a.role = 'SALES_REP' and a.code = 'REJECT'"
                    + " and a.detail in (:reasons) and a.occurred_at >= coalesce((select"
                    + " max(c.changed_at) from lead_stage_change c where c.lead_id = :lead"
                    + " and c.to_stage = 'SQL'), a.occurred_at)")
            .param("lead", leadId)
            .param("rep", repId)
            .param("reasons", List.copyOf(reasons))
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<String> openOwner(UUID leadId, Role role) {
    return openAssignment(leadId, role).map(OpenAssignment::repId);
  }

  /** An erased lead frees its owners' capacity at once; its tasks end with its lifecycle. */
  @org.springframework.context.event.EventListener
  void on(org.leadhandoff.lead.LeadErased erased) {
    jdbc.sql(
            "update assignment set state = 'CLOSED', closed_at = ? where lead_id = ? and state = 'OPEN'")
        .params(Timestamps.now(clock), erased.leadId())
        .update();
  }

  void closeAssignments(UUID leadId, Role role) {
    jdbc.sql(
            "update assignment set state = 'CLOSED', closed_at = ? where lead_id = ? and role = ? and state = 'OPEN'")
        .params(Timestamps.now(clock), leadId, role.name())
        .update();
  }

  void assign(UUID leadId, String repId, Role role, Instant dueAt) {
    jdbc.sql(
            """
            insert into assignment (lead_id, rep_id, role, state, assigned_at, due_at)
            values (?, ?, ?, 'OPEN', ?, ?)
            """)
        .params(leadId, repId, role.name(), Timestamps.now(clock), Timestamps.utc(dueAt))
        .update();
  }

  /** The lead's open assignment for the role: who owns its task now, since when, until when. */
  record OpenAssignment(long id, String repId, Instant dueAt, Instant actedAt) {}

  Optional<OpenAssignment> openAssignment(UUID leadId, Role role) {
    return jdbc.sql(
            """
            select id, rep_id, due_at, acted_at from assignment
            where lead_id = ? and role = ? and state = 'OPEN' order by id desc fetch first 1 rows only
            """)
        .params(leadId, role.name())
        .query(
            (rs, n) ->
                new OpenAssignment(
                    rs.getLong("id"),
                    rs.getString("rep_id"),
                    Timestamps.instant(rs.getObject("due_at", OffsetDateTime.class)),
                    Timestamps.instant(rs.getObject("acted_at", OffsetDateTime.class))))
        .optional();
  }

  /**
   * The owner acted on the task (the first time counts for the SLA). Only while the assignment is
   * open, here and in {@link #missed}: a closed one never changes, so the reports count it once.
   */
  void acted(long assignmentId) {
    jdbc.sql(
            "update assignment set acted_at = ?, outcome = 'ACTED' where id = ? and acted_at is null and state = 'OPEN'")
        .params(Timestamps.now(clock), assignmentId)
        .update();
  }

  /** The owner let the deadline pass. */
  void missed(long assignmentId) {
    jdbc.sql(
            "update assignment set outcome = 'SLA_MISSED' where id = ? and acted_at is null and state = 'OPEN'")
        .param(assignmentId)
        .update();
  }

  /** A person's team, weekly capacity and weight, as the roster file gives them. */
  void organise(String repId, String team, int weeklyCapacity, double weight) {
    jdbc.sql("update rep set team = ?, weekly_capacity = ?, weight = ? where id = ?")
        .params(team, weeklyCapacity, weight, repId)
        .update();
  }

  Optional<RoutingRecord> decision(String idempotencyKey) {
    return jdbc.sql("select * from routing_decision where idempotency_key = ?")
        .param(idempotencyKey)
        .query(RosterStore::record)
        .optional();
  }

  void record(
      UUID leadId,
      Role role,
      String chosen,
      String outcome,
      String reason,
      Why why,
      String candidatesJson,
      String rotation,
      String idempotencyKey) {
    jdbc.sql(
            """
            insert into routing_decision (lead_id, role, chosen_rep, outcome, reason, reason_code,
                reason_facts, candidates, rotation, decided_at, idempotency_key)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            leadId,
            role.name(),
            chosen,
            outcome,
            reason,
            why == null ? null : why.code(),
            why == null ? null : why.factsJson(),
            candidatesJson,
            rotation,
            Timestamps.now(clock),
            idempotencyKey)
        .update();
  }

  /**
   * The rotation in which the lead's latest routing for the role gave it to someone: where a turn
   * given back for it belongs.
   */
  String rotationOf(UUID leadId, Role role) {
    return jdbc.sql(
            "select rotation from routing_decision where lead_id = ? and role = ?"
                + " and rotation is not null order by decided_at desc, id desc"
                + " fetch first 1 rows only")
        .params(leadId, role.name())
        .query(String.class)
        .optional()
        .orElse(role.name());
  }

  /** The lead's routing history, oldest first. */
  public List<RoutingRecord> history(UUID leadId) {
    return jdbc.sql("select * from routing_decision where lead_id = ? order by id")
        .param(leadId)
        .query(RosterStore::record)
        .list();
  }

  /**
   * A routing decision as recorded.
   *
   * @param reason in English words
   * @param reasonCode and {@code reasonFacts}: the same for programs, and for pages that write it
   *     in their reader's language ({@code why.<code>} in the catalogue); none on older decisions
   * @param candidates a JSON list as stored; the API gives it as a list, not a string
   */
  public record RoutingRecord(
      UUID leadId,
      Role role,
      String chosenRep,
      String outcome,
      String reason,
      String reasonCode,
      java.util.Map<String, Object> reasonFacts,
      @com.fasterxml.jackson.annotation.JsonRawValue String candidates,
      Instant decidedAt) {}

  private static RoutingRecord record(ResultSet rs, int n) throws SQLException {
    return new RoutingRecord(
        rs.getObject("lead_id", UUID.class),
        Role.valueOf(rs.getString("role")),
        rs.getString("chosen_rep"),
        rs.getString("outcome"),
        rs.getString("reason"),
        rs.getString("reason_code"),
        Why.facts(rs.getString("reason_facts")),
        rs.getString("candidates"),
        rs.getObject("decided_at", OffsetDateTime.class).toInstant());
  }

  private static Rep rep(ResultSet rs, int n) throws SQLException {
    OffsetDateTime from = rs.getObject("out_of_office_from", OffsetDateTime.class);
    OffsetDateTime to = rs.getObject("out_of_office_to", OffsetDateTime.class);
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    Arrays.stream(rs.getString("work_days").split(","))
        .filter(s -> !s.isBlank())
        .forEach(d -> days.add(DayOfWeek.valueOf(d)));
    return new Rep(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("email"),
        Role.valueOf(rs.getString("role")),
        Arrays.asList(rs.getString("territories").split(",")),
        Arrays.asList(rs.getString("segments").split(",")),
        rs.getInt("capacity"),
        days,
        LocalTime.parse(rs.getString("work_from")),
        LocalTime.parse(rs.getString("work_to")),
        ZoneId.of(rs.getString("time_zone")),
        from == null ? null : from.toInstant(),
        to == null ? null : to.toInstant(),
        rs.getBoolean("active"),
        rs.getString("team"),
        rs.getDouble("weight"));
  }
}
