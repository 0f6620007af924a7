package org.leadhandoff.routing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.routing.RosterStore.RoutingRecord;
import org.leadhandoff.web.ApiException;
import org.leadhandoff.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The roster, changeable without a restart, and each lead's routing history. */
@RestController
@Tag(name = "Roster and routing", description = "Who works leads, and why each lead went to whom")
class RosterController {

  private final RosterStore roster;
  private final java.time.Clock clock;

  RosterController(RosterStore roster, java.time.Clock clock) {
    this.roster = roster;
    this.clock = clock;
  }

  /**
   * A person with how many leads they work now, and whether routing would give them one now (the
   * managers' view of the team).
   */
  record RepView(Rep rep, int openLeads, Availability availability) {}

  private RepView view(Rep rep, Map<String, Integer> open) {
    int leads = open.getOrDefault(rep.id(), 0);
    return new RepView(rep, leads, Availability.of(rep, leads, clock.instant()));
  }

  /**
   * What can change without a restart: capacity, active, and an out-of-office period (both ends
   * empty: in the office).
   */
  record RepUpdate(
      @NotNull(message = "is required")
          @Min(value = 0, message = "must be 0 or more")
          @Max(value = 10000, message = "must be at most 10000")
          Integer capacity,
      @NotNull(message = "is required") Boolean active,
      Instant outOfOfficeFrom,
      Instant outOfOfficeTo) {}

  @GetMapping("/api/reps")
  @Operation(summary = "Everyone on the roster, with their open leads")
  List<RepView> reps() {
    Map<String, Integer> open = roster.openLeads();
    return roster.all().stream().map(r -> view(r, open)).toList();
  }

  @GetMapping("/api/reps/{repId}")
  RepView rep(@PathVariable String repId) {
    Rep rep = roster.find(repId).orElseThrow(() -> unknown(repId));
    return view(rep, roster.openLeads());
  }

  @PutMapping("/api/reps/{repId}")
  @Operation(summary = "Change capacity, active, or out of office; routing uses it at once")
  RepView update(@PathVariable String repId, @Valid @RequestBody RepUpdate update) {
    roster.find(repId).orElseThrow(() -> unknown(repId));
    if (update.outOfOfficeFrom() != null
        && update.outOfOfficeTo() != null
        && !update.outOfOfficeTo().isAfter(update.outOfOfficeFrom())) {
      throw new InvalidFieldException("outOfOfficeTo", "must be after outOfOfficeFrom");
    }
    if (update.outOfOfficeFrom() == null && update.outOfOfficeTo() != null) {
      throw new InvalidFieldException("outOfOfficeFrom", "is required when outOfOfficeTo is given");
    }
    roster.update(
        repId,
        update.capacity(),
        update.active(),
        update.outOfOfficeFrom(),
        update.outOfOfficeTo());
    return rep(repId);
  }

  @GetMapping("/api/leads/{leadId}/routing")
  @Operation(
      summary = "Every routing decision for the lead, with the candidates and why each was skipped")
  List<RoutingRecord> routing(@PathVariable UUID leadId) {
    return roster.history(leadId);
  }

  private static ApiException unknown(String repId) {
    return new ApiException(
        HttpStatus.NOT_FOUND, "Unknown person", "Nobody with id '" + repId + "' is on the roster.");
  }
}
