package org.leadhandoff.routing;

import java.util.Set;
import java.util.UUID;
import org.leadhandoff.lead.ActivityKind;
import org.leadhandoff.lead.LeadActivities;
import org.leadhandoff.metrics.LeadMetrics;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Why;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the SLA record of the human tasks: who acted on a task and when (the first action is the
 * one the SLA measures), and why a lead was taken from its owner. The reports and the lead timeline
 * read what this records.
 */
@Service
public class SlaService {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SlaService.class);

  /** Why a lead was rerouted. */
  public enum RerouteCause {
    /** The deadline passed before the owner acted. */
    SLA_MISSED,
    /** The rep rejected it for a reason that concerns them, not the lead. */
    REP_REJECTED
  }

  private final RosterStore roster;
  private final LeadActivities activities;
  private final LeadMetrics metrics;

  private final MessageCatalogue catalogue;
  private final SlaSettings settings;

  SlaService(
      RosterStore roster,
      LeadActivities activities,
      LeadMetrics metrics,
      MessageCatalogue catalogue,
      SlaSettings settings) {
    this.catalogue = catalogue;
    this.settings = settings;
    this.roster = roster;
    this.activities = activities;
    this.metrics = metrics;
  }

  /**
   * Records a person's decision on the lead's task of the role.
   *
   * @param code the outcome (QUALIFIED, NO_ANSWER, ACCEPT, REJECT, ...)
   * @param reason the reason given with it, if any
   * @param completedBy who completed it, where known (the inbox tells); else the owner
   * @param occurrence identifies the task instance; a retry passes the same one
   */
  @Transactional
  public void decided(
      UUID leadId, Role role, String code, String reason, String completedBy, String occurrence) {
    decided(leadId, role, code, reason, null, completedBy, occurrence);
  }

  /**
   * @param why the reason as a code and facts, where it has more than a code (an acceptance's
   *     deal); null: the reason is the text or a code itself
   */
  @Transactional
  public void decided(
      UUID leadId,
      Role role,
      String code,
      String reason,
      Why why,
      String completedBy,
      String occurrence) {
    var assignment = roster.openAssignment(leadId, role);
    String actor =
        present(completedBy)
            ? completedBy
            : assignment.map(RosterStore.OpenAssignment::repId).orElse(RoutingService.queue(role));
    assignment.ifPresent(a -> roster.acted(a.id()));
    // Lost through no fault of theirs (not their territory, a spam lead): the owner who said so
    // gets the turn back in the rotation.
    assignment
        .filter(a -> settings.turnBack(reason) && NO_FAULT_LOSSES.contains(code))
        .filter(a -> !present(completedBy) || completedBy.equals(a.repId()))
        .flatMap(a -> roster.find(a.repId()))
        .ifPresent(owner -> turnBack(leadId, role, owner, reason, "turn-back:" + occurrence));
    activities.record(
        leadId,
        ActivityKind.DECISION,
        role.name(),
        actor,
        code,
        reason,
        why,
        assignment.map(RosterStore.OpenAssignment::id).orElse(null),
        "decision:" + occurrence);
  }

  /** Decisions that lose the owner the lead: a rejection, a disqualification. */
  private static final Set<String> NO_FAULT_LOSSES =
      Set.of(
          org.leadhandoff.process.Outcomes.SalesDecision.REJECT.name(),
          org.leadhandoff.process.Outcomes.QualificationOutcome.DISQUALIFIED.name());

  private void turnBack(UUID leadId, Role role, Rep owner, String reason, String occasion) {
    String rotation = roster.rotationOf(leadId, role);
    Turns turns = roster.lockTurns(rotation);
    if (roster.recordCredit(occasion, rotation, owner.id(), reason, leadId)) {
      roster.keepTurns(rotation, turns.creditedBack(owner), owner.id(), null);
      log.info("{} gets the turn back for lead {} ({}: {})", owner.id(), leadId, role, reason);
    }
  }

  /**
   * Records that the lead is taken from its owner. A qualification task has no rejection, so its
   * reroute is always a missed SLA; an acceptance task whose owner acted was rejected as "not
   * mine".
   */
  @Transactional
  public RerouteCause rerouting(UUID leadId, Role role, String occurrence) {
    var assignment = roster.openAssignment(leadId, role);
    RerouteCause cause =
        role == Role.SALES_REP && assignment.map(a -> a.actedAt() != null).orElse(false)
            ? RerouteCause.REP_REJECTED
            : RerouteCause.SLA_MISSED;
    if (cause == RerouteCause.SLA_MISSED) {
      assignment.ifPresent(a -> roster.missed(a.id()));
    }
    Why why =
        cause == RerouteCause.SLA_MISSED
            ? assignment
                .map(
                    a ->
                        Why.of(
                            "SLA_MISSED", "due", a.dueAt() == null ? null : a.dueAt().toString()))
                .orElse(Why.of("QUEUE_SLA_MISSED"))
            : Why.of("REP_REJECTED");
    boolean recorded =
        activities.record(
            leadId,
            ActivityKind.REROUTE,
            role.name(),
            assignment.map(RosterStore.OpenAssignment::repId).orElse(RoutingService.queue(role)),
            cause.name(),
            catalogue.explain(MessageCatalogue.LANGUAGES.getFirst(), why),
            why,
            assignment.map(RosterStore.OpenAssignment::id).orElse(null),
            "reroute:" + occurrence);
    if (recorded) {
      metrics.rerouted(role.name(), cause.name());
      if (cause == RerouteCause.SLA_MISSED) {
        metrics.slaMissed(role.name());
      }
    }
    return cause;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
