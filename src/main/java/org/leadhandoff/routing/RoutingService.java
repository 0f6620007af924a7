package org.leadhandoff.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.leadhandoff.lead.ActivityKind;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadActivities;
import org.leadhandoff.lead.LeadActivity;
import org.leadhandoff.lead.LeadNotFoundException;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.metrics.LeadMetrics;
import org.leadhandoff.notification.Notifications;
import org.leadhandoff.routing.RoutingPolicy.Decision;
import org.leadhandoff.scoring.ScoringCriteria;
import org.leadhandoff.scoring.Temperature;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Why;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a lead to a person of a role and records why. Routings of one role take turns on a locked
 * cursor, so two at once cannot overfill a rep; a retried routing with the same occurrence returns
 * the decision made the first time.
 */
@Service
public class RoutingService {

  private static final Logger log = LoggerFactory.getLogger(RoutingService.class);

  /**
   * What routing decided: the owner, or nobody (the lead waits in the team's queue), and when the
   * task is due for them.
   */
  public record Routed(String assignee, String outcome, String reason, DueDates.Due due) {
    public static final String ASSIGNED = "ASSIGNED";
    public static final String NOBODY_AVAILABLE = "NOBODY_AVAILABLE";
    public static final String HANDED_OVER = "HANDED_OVER";
  }

  /**
   * A hand-over asked for in the inbox.
   *
   * @param to the person the task goes to, or null for the team queue
   * @param by who handed it over (a manager, or the owner giving it back)
   * @param why in their words, may be empty
   */
  public record HandOver(String to, String by, String why) {}

  /** Escalation codes: why the manager was told. */
  public static final String NOBODY_AVAILABLE_CODE = "NOBODY_AVAILABLE";

  public static final String MAX_REROUTES_CODE = "MAX_REROUTES";

  /** The actor of escalations: a rule, not a person. */
  static final String ESCALATION_RULE = "escalation rule";

  private final RosterStore roster;
  private final LeadActivities activities;
  private final LeadMetrics metrics;
  private final LeadStore leads;
  private final Notifications notifications;
  private final ScoringCriteria criteria;
  private final DueDates dueDates;
  private final Clock clock;
  private final ObjectMapper json;
  private final MessageCatalogue catalogue;

  RoutingService(
      RosterStore roster,
      LeadActivities activities,
      LeadMetrics metrics,
      LeadStore leads,
      Notifications notifications,
      ScoringCriteria criteria,
      DueDates dueDates,
      Clock clock,
      ObjectMapper json,
      MessageCatalogue catalogue) {
    this.catalogue = catalogue;
    this.roster = roster;
    this.activities = activities;
    this.metrics = metrics;
    this.leads = leads;
    this.notifications = notifications;
    this.criteria = criteria;
    this.dueDates = dueDates;
    this.clock = clock;
    this.json = json;
  }

  /**
   * @param reroute true when the lead is taken from its owner (missed SLA, rep-specific rejection):
   *     nobody who had it for this role gets it again
   * @param temperature the lead's, for the SLA of the task; null counts as WARM
   * @param occurrence identifies this routing; a retry passes the same one
   */
  /**
   * The routing table's answer for a lead: the team that serves it and the rule (row) that said so;
   * {@code matched} is false when no row matched and the default team serves it.
   */
  public record TeamChoice(String team, String rule, boolean matched) {

    /** Everyone of the role, without a table (a routing asked for outside the models). */
    static final TeamChoice EVERYONE = new TeamChoice(RoutingPolicy.EVERYONE, null, true);

    /** From the table's result variable {@code {team, rule}}, or the default team for null. */
    public static TeamChoice of(java.util.Map<String, Object> result, String defaultTeam) {
      Object team = result == null ? null : result.get("team");
      if (team == null || team.toString().isBlank()) {
        return new TeamChoice(defaultTeam, null, false);
      }
      Object rule = result.get("rule");
      return new TeamChoice(team.toString().strip(), rule == null ? null : rule.toString(), true);
    }

    boolean everyone() {
      return RoutingPolicy.EVERYONE.equals(team);
    }

    /** The reason with what the table said: the rule, the team, or that no row matched. */
    Why explain(Why why) {
      Why said = everyone() ? why : why.with("group", team);
      return matched
          ? said.with("rule", rule)
          : said.with("noRule", everyone() ? "EVERYONE" : team);
    }
  }

  @Transactional
  public Routed route(
      UUID leadId, Role role, boolean reroute, Temperature temperature, String occurrence) {
    return route(leadId, role, reroute, temperature, TeamChoice.EVERYONE, occurrence);
  }

  /**
   * @param team which team serves the lead, as the routing table said
   */
  @Transactional
  public Routed route(
      UUID leadId,
      Role role,
      boolean reroute,
      Temperature temperature,
      TeamChoice team,
      String occurrence) {
    Instant now = clock.instant();
    var earlier = roster.decision(occurrence);
    if (earlier.isPresent()) {
      // A retry: the same decision, due as it is for that owner now.
      Rep owner =
          earlier.get().chosenRep() == null
              ? null
              : roster.find(earlier.get().chosenRep()).orElse(null);
      return new Routed(
          earlier.get().chosenRep(),
          earlier.get().outcome(),
          earlier.get().reason(),
          dueDates.of(role, temperature, now, owner));
    }
    Lead lead = lead(leadId);
    String rotation = rotation(role, team.team());
    Turns turns = roster.lockTurns(rotation);
    Set<String> excluded = reroute ? new HashSet<>(roster.previousOwners(leadId, role)) : Set.of();
    var previousOwner =
        reroute
            ? roster.openOwner(leadId, role).flatMap(roster::find)
            : java.util.Optional.<Rep>empty();
    // What the former owner's mail and the next owner's both say: read once.
    Reroute last = previousOwner.isPresent() ? lastReroute(leadId, role) : null;
    roster.closeAssignments(leadId, role);
    Decision decision =
        RoutingPolicy.choose(
            role,
            team.team(),
            lead.contact().country(),
            criteria.classification().segment(lead.contact().companySize()),
            roster.all(),
            roster.openLeads(),
            turns,
            excluded,
            now);
    String candidates = write(decision.candidates());
    Why why = team.explain(decision.why());
    String reason = words(why);
    if (decision.chosen() == null) {
      roster.record(
          leadId,
          role,
          null,
          Routed.NOBODY_AVAILABLE,
          reason,
          why,
          candidates,
          rotation,
          occurrence);
      log.info("Lead {} waits in the {} queue: {}", leadId, role, reason);
      // The former owner learns the lead has gone to the team queue, as they would of a colleague.
      tellFormerOwner(previousOwner, lead, last, null, occurrence);
      // Right after a "rerouted too often" escalation of the same miss, the manager has just been
      // told about this lead: one miss is one escalation (the dashboard counts them, the manager
      // got one mail); the routing decision recorded above says nobody is free.
      if (!lastActivityIsEscalation(leadId, role)) {
        escalate(lead, role, NOBODY_AVAILABLE_CODE, why, occurrence, true);
      }
      return new Routed(
          null, Routed.NOBODY_AVAILABLE, reason, dueDates.of(role, temperature, now, null));
    }
    String repId = decision.chosen().id();
    DueDates.Due due = dueDates.of(role, temperature, now, decision.chosen());
    roster.assign(leadId, repId, role, due.dueAt());
    roster.keepTurns(rotation, turns.took(decision.chosen()), repId, repId);
    roster.record(
        leadId, role, repId, Routed.ASSIGNED, reason, why, candidates, rotation, occurrence);
    tellFormerOwner(previousOwner, lead, last, decision.chosen().name(), occurrence);
    notifications.assigned(
        "assignment:" + leadId + ":" + occurrence,
        lead,
        recipient(decision.chosen()),
        task(role),
        due.dueAt(),
        why,
        previousOwner.map(previous -> cameFrom(previous, last)).orElse(null));
    log.info("Lead {} assigned to {} ({})", leadId, repId, role);
    return new Routed(repId, Routed.ASSIGNED, reason, due);
  }

  /**
   * Gives the lead's task to the person a hand-over names, or to the team queue, and records who
   * did it and why. A manager's choice is not a turn of the rotation: the cursor stays. Handed to a
   * person, the task is due after the role's full SLA from now (they need the time); returned to
   * the queue, it keeps its deadline (the lead has been waiting all along).
   *
   * @param current the task's deadline before the hand-over
   * @param occurrence identifies this routing; a retry passes the same one
   */
  @Transactional
  public Routed handOver(
      UUID leadId,
      Role role,
      HandOver handOver,
      Temperature temperature,
      DueDates.Due current,
      String occurrence) {
    Instant now = clock.instant();
    Rep target =
        handOver.to() == null ? null : roster.find(handOver.to()).filter(Rep::active).orElse(null);
    var earlier = roster.decision(occurrence);
    if (earlier.isPresent()) {
      return new Routed(
          earlier.get().chosenRep(),
          earlier.get().outcome(),
          earlier.get().reason(),
          target == null ? current : dueDates.of(role, temperature, now, target));
    }
    Lead lead = lead(leadId);
    var previous = roster.openOwner(leadId, role).flatMap(roster::find);
    String by = roster.find(handOver.by()).map(Rep::name).orElse(handOver.by());
    Why why;
    if (target != null) {
      why = Why.of("HANDED_OVER", "by", by);
    } else if (handOver.to() != null) {
      // The roster changed between the hand-over and now: the team takes it.
      why =
          Why.of("HANDED_OVER_NOT_ON_ROSTER", "by", by, "to", handOver.to(), "queue", role.name());
    } else {
      why = Why.of("RETURNED_TO_QUEUE", "queue", role.name(), "by", by);
    }
    why = why.with("note", handOver.why());
    String reason = words(why);
    DueDates.Due due = target == null ? current : dueDates.of(role, temperature, now, target);
    roster.closeAssignments(leadId, role);
    if (target != null) {
      roster.assign(leadId, target.id(), role, due.dueAt());
    }
    String chosen = target == null ? null : target.id();
    roster.record(leadId, role, chosen, Routed.HANDED_OVER, reason, why, "[]", null, occurrence);
    activities.record(
        leadId,
        ActivityKind.HAND_OVER,
        role.name(),
        handOver.by(),
        chosen == null ? "TEAM_QUEUE" : "PERSON",
        reason,
        why,
        null,
        "hand-over:" + occurrence);
    log.info("Lead {} {} ({})", leadId, reason, role);
    // The former owner learns it unless they gave it back themselves.
    previous
        .filter(p -> !p.id().equals(handOver.by()) && !p.id().equals(chosen))
        .ifPresent(
            p ->
                notifications.rerouted(
                    "rerouted:" + leadId + ":" + occurrence,
                    lead,
                    recipient(p),
                    target == null ? null : target.name(),
                    Why.of("HANDED_OVER", "by", by).with("note", handOver.why())));
    if (target != null && !target.id().equals(handOver.by())) {
      notifications.assigned(
          "assignment:" + leadId + ":" + occurrence,
          lead,
          recipient(target),
          task(role),
          due.dueAt(),
          why,
          null);
    }
    return new Routed(chosen, Routed.HANDED_OVER, reason, due);
  }

  /**
   * A reroute's former owner is told the lead was taken back, and who has it now (null: the queue).
   */
  private void tellFormerOwner(
      java.util.Optional<Rep> previousOwner,
      Lead lead,
      Reroute last,
      String newOwner,
      String occurrence) {
    previousOwner.ifPresent(
        previous ->
            notifications.rerouted(
                "rerouted:" + lead.id() + ":" + occurrence,
                lead,
                recipient(previous),
                newOwner,
                takenBecause(last)));
  }

  /**
   * The latest reroute of the lead for a role (its cause: SLA_MISSED or REP_REJECTED, else empty)
   * and the latest decision on it (a rejection's reason and notes).
   */
  private record Reroute(String cause, LeadActivity decision) {}

  private Reroute lastReroute(UUID leadId, Role role) {
    String cause = "";
    LeadActivity decision = null;
    for (LeadActivity a : activities.of(leadId)) {
      if (!role.name().equals(a.role())) {
        continue;
      }
      if (a.kind() == ActivityKind.REROUTE) {
        cause = a.code();
      } else if (a.kind() == ActivityKind.DECISION) {
        decision = a;
      }
    }
    return new Reroute(cause, decision);
  }

  /** Why the lead was taken from its owner, as the reroute recorded it: their own words' cause. */
  private static Why takenBecause(Reroute last) {
    return switch (last.cause()) {
      case "SLA_MISSED" -> Why.of("TAKEN_AT_DEADLINE");
      case "REP_REJECTED" -> Why.of("SENT_ON_AS_NOT_YOURS");
      default -> Why.of("TAKEN_BACK");
    };
  }

  /**
   * Why a rerouted lead comes to its next owner, for their mail: who had it, and whether they let
   * its deadline pass or handed it back as not theirs (with their reason and notes).
   */
  private static Why cameFrom(Rep previous, Reroute last) {
    return switch (last.cause()) {
      case "SLA_MISSED" -> Why.of("CAME_FROM_SLA_MISSED", "name", previous.name());
      case "REP_REJECTED" ->
          last.decision() == null
              ? Why.of("CAME_FROM_REP_REJECTED", "name", previous.name())
              : Why.of("CAME_FROM_REP_REJECTED", "name", previous.name())
                  .with("reason", last.decision().detail())
                  .with("note", Why.facts(last.decision().whyFacts()).get("note"));
      default -> Why.of("CAME_FROM", "name", previous.name());
    };
  }

  /** The rotation a team's leads take turns in: one per role, and one per named team of it. */
  static String rotation(Role role, String team) {
    return team == null || RoutingPolicy.EVERYONE.equals(team)
        ? role.name()
        : role.name() + "/" + team;
  }

  /** The lead's task for the role is done: its owner has one open lead less. */
  @Transactional
  public void release(UUID leadId, Role role) {
    roster.closeAssignments(leadId, role);
  }

  /** Tells the first active sales manager that the lead found no taker. */
  @Transactional
  public void escalate(UUID leadId, Role role, String code, Why reason, String occurrence) {
    escalate(lead(leadId), role, code, reason, occurrence, true);
  }

  /** Whether the latest reroute or escalation of the lead for the role was an escalation. */
  private boolean lastActivityIsEscalation(UUID leadId, Role role) {
    return activities.of(leadId).stream()
        .filter(a -> role.name().equals(a.role()))
        .filter(a -> a.kind() == ActivityKind.ESCALATION || a.kind() == ActivityKind.REROUTE)
        .reduce((first, second) -> second)
        .map(a -> a.kind() == ActivityKind.ESCALATION)
        .orElse(false);
  }

  private void escalate(
      Lead lead, Role role, String code, Why reason, String occurrence, boolean mail) {
    UUID leadId = lead.id();
    if (activities.record(
        leadId,
        ActivityKind.ESCALATION,
        role.name(),
        ESCALATION_RULE,
        code,
        words(reason),
        reason,
        null,
        "escalation:" + occurrence)) {
      metrics.escalated(role.name(), code);
    }
    if (!mail) {
      return;
    }
    roster.all().stream()
        .filter(r -> r.role() == Role.MANAGER && r.active())
        .findFirst()
        .ifPresentOrElse(
            manager ->
                notifications.escalated(
                    "escalation:" + leadId + ":" + occurrence,
                    lead,
                    recipient(manager),
                    task(role),
                    reason),
            () ->
                log.warn(
                    "Nobody to escalate lead {} to: the roster has no active manager", leadId));
  }

  /** How early a reminder's timer may fire by this application's clock (clocks of two machines). */
  static final java.time.Duration REMINDER_SKEW = java.time.Duration.ofMinutes(1);

  /** Reminds the lead's current owner for the role that the task is due. */
  @Transactional
  public void remind(UUID leadId, Role role, Instant due, Instant remindAt, String occurrence) {
    if (remindAt != null && clock.instant().isBefore(remindAt.minus(REMINDER_SKEW))) {
      // The reminder's timer fired for an earlier owner, and the lead was rerouted (its deadline
      // passed in the same moment) before this job read the variables: they are the new owner's,
      // whose reminder is not due yet (seen when a clock jumped past both timers at once).
      log.info("Lead {}: a {} reminder of an earlier assignment, not sent", leadId, role);
      return;
    }
    if (due != null && !clock.instant().isBefore(due)) {
      // The clock passed the deadline too (a machine asleep, a clock moved): the reroute at the
      // deadline is what the owner hears of, not a "due soon" for a deadline already gone.
      log.info("Lead {}: the {} deadline {} has passed, no reminder", leadId, role, due);
      return;
    }
    var assignment = roster.openAssignment(leadId, role);
    activities.record(
        leadId,
        ActivityKind.SLA_REMINDER,
        role.name(),
        assignment.map(RosterStore.OpenAssignment::repId).orElse(queue(role)),
        null,
        words(due == null ? Why.of("DUE_SOON") : Why.of("DUE", "due", due.toString())),
        due == null ? Why.of("DUE_SOON") : Why.of("DUE", "due", due.toString()),
        assignment.map(RosterStore.OpenAssignment::id).orElse(null),
        "reminder:" + occurrence);
    assignment
        .map(RosterStore.OpenAssignment::repId)
        .flatMap(roster::find)
        .ifPresentOrElse(
            owner ->
                notifications.reminder(
                    "reminder:" + leadId + ":" + occurrence,
                    lead(leadId),
                    recipient(owner),
                    task(role),
                    due),
            () -> log.info("Lead {} is in the {} team queue: no reminder to send", leadId, role));
  }

  private Lead lead(UUID leadId) {
    return leads.find(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
  }

  /** Who holds a lead that nobody owns: the role's team queue. */
  static String queue(Role role) {
    return role == Role.SALES_REP ? "sales team queue" : "qualifiers team queue";
  }

  /** A reason in English words, for the stores' text column and the log. */
  private String words(Why why) {
    return catalogue.explain(MessageCatalogue.LANGUAGES.getFirst(), why);
  }

  private static Notifications.Recipient recipient(Rep rep) {
    return new Notifications.Recipient(rep.id(), rep.name(), rep.email(), rep.timeZone());
  }

  /** What the person is to do, as the catalogue's key (task.QUALIFIER, task.SALES_REP). */
  private static String task(Role role) {
    return "task." + role.name();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
