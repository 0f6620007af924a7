package org.leadhandoff.routing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.leadhandoff.scoring.Temperature;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Follow-up SLAs: how long each human task may take, per temperature. Part of the criteria file
 * ({@code lead-handoff.criteria.sla} in {@code criteria.yaml}), read by routing and its SLA ladder.
 *
 * @param firstTouch the phone qualification
 * @param acceptance the acceptance by a sales rep
 * @param reminderAt the share of the time after which the owner is reminded
 * @param maxReroutes reroutes after which each further miss is escalated to the sales manager
 * @param repSpecificRejections rejection reasons that send the lead to another rep
 * @param businessHours count SLAs in the owner's working hours instead of calendar time
 * @param turnBackOn reasons a person loses a lead through no fault of theirs (a rejection as not
 *     their territory, a disqualification as spam): they get the turn back in the rotation
 */
@Validated
@ConfigurationProperties("lead-handoff.criteria.sla")
public record SlaSettings(
    @NotNull Map<Temperature, Duration> firstTouch,
    @NotNull Map<Temperature, Duration> acceptance,
    @DefaultValue("0.75") @DecimalMin("0.0") @DecimalMax("1.0") double reminderAt,
    @DefaultValue("2") @PositiveOrZero int maxReroutes,
    @DefaultValue Set<String> repSpecificRejections,
    @DefaultValue("false") boolean businessHours,
    @DefaultValue Set<String> turnBackOn) {

  /** Whether losing a lead for this reason gives the person the turn back. */
  public boolean turnBack(String reason) {
    return reason != null && turnBackOn.contains(reason.strip());
  }

  public Duration firstTouch(Temperature temperature) {
    return of(firstTouch, temperature, "first-touch");
  }

  public Duration acceptance(Temperature temperature) {
    return of(acceptance, temperature, "acceptance");
  }

  private static Duration of(
      Map<Temperature, Duration> durations, Temperature temperature, String name) {
    Duration duration = durations.get(temperature);
    if (duration == null) {
      throw new IllegalStateException(
          "lead-handoff.criteria.sla."
              + name
              + " has no duration for "
              + temperature.name().toLowerCase());
    }
    return duration;
  }
}
