package org.leadhandoff.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.leadhandoff.system.ApplicationClock;
import org.leadhandoff.web.ApiException;
import org.leadhandoff.web.InvalidFieldException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves the embedded engine's clock forward ("two days pass") for demos and acceptance runs, and
 * the application's clock with it. Refused on a real platform, where time is real.
 */
@RestController
@RequestMapping("/api/engine/clock")
@Tag(name = "Engine clock", description = "Let time pass on the embedded engine")
class EngineClockController {

  record Advance(
      @NotNull(message = "is required, as an ISO-8601 duration like P2D or PT4H")
          Duration advanceBy) {}

  record ClockState(Instant now, Duration offset, String mode) {}

  private final Optional<ZeebeTestEngine> engine;
  private final ApplicationClock clock;
  private final EngineProperties properties;

  EngineClockController(
      ObjectProvider<ZeebeTestEngine> engine, ApplicationClock clock, EngineProperties properties) {
    this.engine = Optional.ofNullable(engine.getIfAvailable());
    this.clock = clock;
    this.properties = properties;
  }

  @GetMapping
  @Operation(summary = "The application's time, and how far it has been moved forward")
  ClockState now() {
    return new ClockState(clock.instant(), clock.offset(), properties.mode().name().toLowerCase());
  }

  @PostMapping
  @Operation(
      summary = "Move time forward on the embedded engine: due timers fire",
      description = "Refused (409) in remote mode.")
  ClockState advance(@Valid @RequestBody Advance request) {
    ZeebeTestEngine embedded =
        engine.orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.CONFLICT,
                    "Not the embedded engine",
                    "The clock can only be moved on the embedded engine; this application runs against a Camunda 8 platform, where time is real."));
    if (request.advanceBy().isNegative() || request.advanceBy().isZero()) {
      throw new InvalidFieldException("advanceBy", "must be a positive duration, like P2D");
    }
    clock.advance(request.advanceBy());
    embedded.increaseTime(request.advanceBy());
    return now();
  }
}
