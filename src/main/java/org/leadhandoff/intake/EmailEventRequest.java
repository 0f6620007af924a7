package org.leadhandoff.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.leadhandoff.lead.Patterns;

/** An engagement event known by the person's email (a marketing tool's webhook). */
public record EmailEventRequest(
    @Schema(example = "ada@bigco.example")
        @NotBlank(message = "is required")
        @Email(message = "must be an email address like name@company.com")
        @Size(max = 320, message = "must be at most 320 characters")
        // Invisible characters would make a second lead of the same person.
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String email,
    @NotBlank(message = "is required")
        @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String eventId,
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String type,
    Instant occurredAt,
    @Size(max = 2000, message = "must be at most 2000 characters")
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String detail) {

  public EmailEventRequest {
    // Spaces around an email are a copy-and-paste slip, as for a capture.
    email = email == null ? null : email.strip();
  }
}
