package org.leadhandoff.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.leadhandoff.scoring.Temperature;
import org.springframework.stereotype.Component;

/**
 * When a human task is due and when its owner is reminded: the SLA of the role for the lead's
 * temperature, in calendar time or, where business-hours is set, in the owner's working time.
 */
@Component
public class DueDates {

  /** A task's deadline and its reminder. */
  public record Due(Instant dueAt, Instant remindAt) {}

  private final SlaSettings settings;
  private final RosterStore roster;

  DueDates(SlaSettings settings, RosterStore roster) {
    this.settings = settings;
    this.roster = roster;
  }

  /**
   * @param temperature the lead's; a lead not classified yet counts as WARM
   * @param owner who works the task, or null when it waits in the team's queue
   */
  public Due of(Role role, Temperature temperature, Instant from, Rep owner) {
    Temperature t = temperature == null ? Temperature.WARM : temperature;
    Duration sla = role == Role.SALES_REP ? settings.acceptance(t) : settings.firstTouch(t);
    Duration remindAfter = Duration.ofMillis((long) (sla.toMillis() * settings.reminderAt()));
    return new Due(add(from, sla, owner), add(from, remindAfter, owner));
  }

  /** The same, for the lead's current owner of the role. */
  public Due forCurrentOwner(UUID leadId, Role role, Temperature temperature, Instant from) {
    Rep owner = roster.openOwner(leadId, role).flatMap(roster::find).orElse(null);
    return of(role, temperature, from, owner);
  }

  private Instant add(Instant from, Duration amount, Rep owner) {
    return settings.businessHours() ? BusinessTime.add(from, amount, owner) : from.plus(amount);
  }
}
