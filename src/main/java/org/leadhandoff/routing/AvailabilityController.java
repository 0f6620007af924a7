package org.leadhandoff.routing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import org.leadhandoff.web.ApiException;
import org.leadhandoff.web.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A qualifier's or rep's own "away now, back at": routing skips them from that moment, and gives
 * them leads again when they are back (at the time they gave, or when they say so). Tasks they
 * already hold stay theirs; the SLA ladder still applies to them.
 */
@RestController
@Validated
@Tag(name = "Account")
class AvailabilityController {

  private static final Logger log = LoggerFactory.getLogger(AvailabilityController.class);

  /** The furthest back-at a person may give; longer absences are the manager's roster change. */
  static final java.time.Duration LONGEST_AWAY = java.time.Duration.ofDays(366);

  private final RosterStore roster;
  private final Clock clock;

  AvailabilityController(RosterStore roster, Clock clock) {
    this.roster = roster;
    this.clock = clock;
  }

  /**
   * @param away true: away from now on; false: back now
   * @param backAt when away ends by itself (optional; without it, until the person says so)
   */
  record Change(
      @NotNull(message = "is required: true for away, false for back") Boolean away,
      Instant backAt) {}

  /**
   * @param availability whether routing gives this person leads now, and why not
   * @param awayFrom since when they are away (null: not away)
   * @param openLeads the leads they hold now
   */
  record Mine(
      Availability availability, Instant awayFrom, Instant backAt, int openLeads, int capacity) {}

  @GetMapping("/api/me/availability")
  @Operation(summary = "Whether routing gives the signed-in person leads now, and why not")
  Mine mine(Authentication authentication) {
    return view(person(authentication));
  }

  @PutMapping("/api/me/availability")
  @Operation(
      summary = "Away now (optionally until a time), or back now",
      description =
          "For people on the roster. Routing skips an away person at once; their open tasks stay"
              + " theirs.")
  Mine change(
      Authentication authentication,
      @jakarta.validation.Valid @RequestBody(required = false) Change change) {
    if (change == null || change.away() == null) {
      throw new InvalidFieldException("away", "is required: true for away, false for back");
    }
    Rep rep = person(authentication);
    Instant now = clock.instant();
    if (change.away()) {
      if (change.backAt() != null && !change.backAt().isAfter(now)) {
        throw new InvalidFieldException("backAt", "must be in the future");
      }
      if (change.backAt() != null && change.backAt().isAfter(now.plus(LONGEST_AWAY))) {
        throw new InvalidFieldException(
            "backAt", "must be within a year; without a time, away lasts until you are back");
      }
      roster.setAway(rep.id(), now, change.backAt());
      log.info(
          "{} is away from {} until {}",
          rep.id(),
          now,
          change.backAt() == null ? "they say they are back" : change.backAt());
    } else {
      if (change.backAt() != null) {
        throw new InvalidFieldException("backAt", "is only for away: true");
      }
      roster.setAway(rep.id(), null, null);
      log.info("{} is back at {}", rep.id(), now);
    }
    return view(person(authentication));
  }

  private Mine view(Rep rep) {
    int open = roster.openLeads().getOrDefault(rep.id(), 0);
    Instant now = clock.instant();
    boolean away = rep.outOfOffice(now);
    return new Mine(
        Availability.of(rep, open, now),
        away ? rep.outOfOfficeFrom() : null,
        away ? rep.outOfOfficeTo() : null,
        open,
        rep.capacity());
  }

  private Rep person(Authentication authentication) {
    return roster
        .find(authentication.getName())
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.NOT_FOUND,
                    "Not on the roster",
                    "You are not on the roster: only the qualifiers and sales reps who are given"
                        + " leads set whether they are away."));
  }
}
