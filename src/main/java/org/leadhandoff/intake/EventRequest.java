package org.leadhandoff.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.leadhandoff.lead.Patterns;

/** An engagement event of a known lead. */
public record EventRequest(
    @Schema(
            description = "The sender's id of the event; the same id again is ignored",
            example = "web-7f3a91")
        @NotBlank(message = "is required")
        @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String eventId,
    @Schema(description = "An event type of criteria.yaml", example = "pricing-page")
        @NotBlank(message = "is required")
        @Size(max = 100, message = "must be at most 100 characters")
        String type,
    @Schema(
            description = "When it happened (ISO-8601); now if left out",
            example = "2026-11-22T09:30:00Z")
        Instant occurredAt,
    @Schema(description = "Free text, e.g. the page or the webinar")
        @Size(max = 2000, message = "must be at most 2000 characters")
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String detail) {}
