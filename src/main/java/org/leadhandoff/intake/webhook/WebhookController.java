package org.leadhandoff.intake.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.leadhandoff.intake.CaptureResult;
import org.leadhandoff.intake.IntakeResponses.Captured;
import org.leadhandoff.web.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Leads from form providers, proven by signature instead of an API key. */
@RestController
@Tag(name = "Intake")
class WebhookController {

  static final String TIMESTAMP = "X-Webhook-Timestamp";
  static final String SIGNATURE = "X-Webhook-Signature";

  private final WebhookService webhooks;

  WebhookController(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @PostMapping("/api/webhooks/{provider}")
  @Operation(
      summary = "A lead from a form provider",
      description =
          "Signed with the provider's secret: X-Webhook-Signature is sha256= and the hex"
              + " HMAC-SHA256 of X-Webhook-Timestamp (Unix seconds), '.', and the raw body. Refused"
              + " with 401 when unsigned, mis-signed or older than the tolerance, 409 when replayed.")
  ResponseEntity<Captured> receive(
      @PathVariable String provider,
      @RequestHeader(name = TIMESTAMP, required = false) String timestamp,
      @RequestHeader(name = SIGNATURE, required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    CaptureResult result =
        webhooks.receive(provider, timestamp, signature, body == null ? new byte[0] : body);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            new Captured(
                result.leadId(),
                result.created() ? Captured.Outcome.CREATED : Captured.Outcome.MERGED));
  }

  @ExceptionHandler(WebhookService.InvalidLeadException.class)
  ResponseEntity<ProblemDetail> invalid(WebhookService.InvalidLeadException e) {
    return ResponseEntity.badRequest().body(ApiErrors.invalid(e.errors()));
  }
}
