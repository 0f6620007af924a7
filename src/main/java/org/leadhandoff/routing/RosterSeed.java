package org.leadhandoff.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The roster as {@code roster.yaml} gives it, validated at start-up. */
@Validated
@ConfigurationProperties("lead-handoff.roster")
public record RosterSeed(@DefaultValue @Valid List<Person> reps) {

  /**
   * @param team the team the person belongs to, for the reports' team filter
   * @param weeklyCapacity the leads the person can take on in a week, for the supply check;
   *     defaults to capacity
   * @param weight the person's share of the rotation against a colleague's 1 (0.1 to 10)
   */
  public record Person(
      @NotBlank String id,
      @NotBlank String name,
      @NotBlank @Email String email,
      @NotNull Role role,
      @NotEmpty List<String> territories,
      @DefaultValue("*") List<String> segments,
      @Positive int capacity,
      @NotEmpty Set<DayOfWeek> workDays,
      @NotNull LocalTime workFrom,
      @NotNull LocalTime workTo,
      @NotNull ZoneId timeZone,
      @DefaultValue("true") boolean active,
      @DefaultValue("default") @NotBlank String team,
      @Positive Integer weeklyCapacity,
      @DefaultValue("1")
          @jakarta.validation.constraints.DecimalMin(
              value = "0.1",
              message = "must be at least 0.1")
          @jakarta.validation.constraints.DecimalMax(value = "10", message = "must be at most 10")
          double weight) {

    int weeklyCapacityOrDefault() {
      return weeklyCapacity == null ? capacity : weeklyCapacity;
    }

    Rep toRep() {
      return new Rep(
          id,
          name,
          email,
          role,
          territories,
          segments,
          capacity,
          workDays,
          workFrom,
          workTo,
          timeZone,
          null,
          null,
          active,
          team,
          weight);
    }
  }
}
