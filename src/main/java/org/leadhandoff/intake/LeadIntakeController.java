package org.leadhandoff.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.leadhandoff.intake.IntakeResponses.Captured;
import org.leadhandoff.intake.IntakeResponses.EventRecorded;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.web.IdempotentRequests;
import org.leadhandoff.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Single leads and engagement events, from web forms, form providers and marketing tools. */
@RestController
@RequestMapping("/api")
@Tag(name = "Intake", description = "Feed leads and engagement events in")
class LeadIntakeController {

  /** Clocks differ; an event a little in the future is still believable. */
  static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

  private final LeadCaptureService capture;
  private final EngagementService engagement;
  private final IdempotentRequests idempotent;
  private final LeadStore store;
  private final Clock clock;

  LeadIntakeController(
      LeadCaptureService capture,
      EngagementService engagement,
      IdempotentRequests idempotent,
      LeadStore store,
      Clock clock) {
    this.capture = capture;
    this.engagement = engagement;
    this.idempotent = idempotent;
    this.store = store;
    this.clock = clock;
  }

  @PostMapping("/leads")
  @Operation(
      summary = "Capture a lead",
      description =
          "Answers 202 with the lead id and CREATED, or MERGED when the email (case and spaces"
              + " ignored) is a lead already: its profile is updated and it is scored again; a"
              + " second lifecycle is never started.")
  ResponseEntity<Captured> captureLead(
      @Valid @RequestBody LeadContact request,
      @Parameter(description = "Makes a retried request harmless")
          @RequestHeader(name = IdempotentRequests.HEADER, required = false)
          String idempotencyKey) {
    return idempotent.handle(
        idempotencyKey,
        "POST /api/leads",
        request,
        Captured.class,
        () -> {
          CaptureResult result = capture.capture(request.normalized("api"), "intake-api");
          return ResponseEntity.status(HttpStatus.ACCEPTED)
              .body(
                  new Captured(
                      result.leadId(),
                      result.created() ? Captured.Outcome.CREATED : Captured.Outcome.MERGED));
        });
  }

  @PostMapping("/leads/{leadId}/events")
  @Operation(
      summary = "Record an engagement event of a lead",
      description = "An eventId seen before for the lead is ignored (DUPLICATE).")
  ResponseEntity<EventRecorded> leadEvent(
      @PathVariable UUID leadId, @Valid @RequestBody EventRequest request) {
    Instant occurredAt = occurredAt(request.occurredAt());
    EngagementService.Recorded outcome;
    try {
      outcome =
          engagement.record(
              leadId, request.eventId().strip(), request.type(), occurredAt, request.detail());
    } catch (UnknownEventTypeException e) {
      throw new InvalidFieldException(
          "type", e.getMessage().substring(e.getMessage().indexOf("is not")));
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new EventRecorded(leadId, outcome));
  }

  @PostMapping("/events")
  @Operation(
      summary = "Record an engagement event by email",
      description =
          "For senders that know the email, not the lead id. An event for an email that is not a"
              + " lead yet is kept (PENDING_CAPTURE) and counts once the person is captured.")
  ResponseEntity<EventRecorded> emailEvent(@Valid @RequestBody EmailEventRequest request) {
    Instant occurredAt = occurredAt(request.occurredAt());
    EngagementService.Recorded outcome;
    try {
      outcome =
          engagement.recordByEmail(
              request.email().strip(),
              request.eventId().strip(),
              request.type(),
              occurredAt,
              request.detail());
    } catch (UnknownEventTypeException e) {
      throw new InvalidFieldException(
          "type", e.getMessage().substring(e.getMessage().indexOf("is not")));
    }
    UUID leadId = store.findByEmail(request.email()).map(lead -> lead.id()).orElse(null);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new EventRecorded(leadId, outcome));
  }

  private Instant occurredAt(Instant given) {
    Instant now = clock.instant();
    if (given == null) {
      return now;
    }
    if (given.isAfter(now.plus(FUTURE_TOLERANCE))) {
      throw new InvalidFieldException("occurredAt", "must not be in the future");
    }
    return given;
  }
}
