package org.leadhandoff.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.leadhandoff.security.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Erasure requests, for the data protection officer (an admin). */
@RestController
@Tag(name = "Personal data")
class ErasureController {

  /**
   * Why the data goes, e.g. "GDPR art. 17 request, ticket 4711". It is kept with the anonymous
   * record, so it must not name the person: no email addresses.
   */
  record ErasureRequest(
      @NotBlank(message = "is required")
          @Size(max = 500, message = "must be at most 500 characters")
          @Pattern(
              regexp = "^[^@\\p{Cntrl}]*$",
              message = "must not contain an email address or control characters")
          String reason) {}

  private final ErasureService erasure;
  private final AuditLog audit;

  ErasureController(ErasureService erasure, AuditLog audit) {
    this.erasure = erasure;
    this.audit = audit;
  }

  @DeleteMapping("/api/leads/{leadId}")
  @Operation(
      summary = "Erase a lead's personal data",
      description =
          "Removes the contact data, ends the lifecycle, stops all mail about the lead and keeps"
              + " an anonymous record for the funnel. Repeating it changes nothing.")
  ErasureService.Erasure erase(
      @PathVariable UUID leadId,
      @Valid @RequestBody ErasureRequest request,
      Authentication authentication,
      HttpServletRequest http) {
    ErasureService.Erasure done =
        erasure.erase(leadId, request.reason().strip(), authentication.getName());
    audit.record(
        AuditLog.Action.LEAD_ERASED,
        authentication.getName(),
        leadId.toString(),
        (done.erasedNow() ? "erased: " : "already erased; asked again: ")
            + request.reason().strip(),
        http.getRemoteAddr());
    return done;
  }
}
