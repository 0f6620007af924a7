package org.leadhandoff.intake.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.leadhandoff.intake.CaptureResult;
import org.leadhandoff.intake.LeadCaptureService;
import org.leadhandoff.intake.LeadRules;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.security.MissingSecretException;
import org.leadhandoff.system.Timestamps;
import org.leadhandoff.web.ApiErrors;
import org.leadhandoff.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a form provider's delivery: checks its signature and age, refuses a replay, maps the
 * provider's fields onto a lead, validates it like the API and captures it. The delivery is
 * remembered in the same transaction as the capture, so a refused lead can be sent again.
 */
@Service
public class WebhookService {

  /** At least 128 bits of secret: shorter keys can be guessed offline from one delivery. */
  static final int MIN_SECRET_LENGTH = 16;

  private static final Set<String> LEAD_FIELDS =
      Arrays.stream(LeadContact.class.getRecordComponents())
          .map(RecordComponent::getName)
          .collect(Collectors.toUnmodifiableSet());

  private final WebhookProperties properties;
  private final LeadCaptureService capture;
  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  WebhookService(
      WebhookProperties properties,
      LeadCaptureService capture,
      JdbcClient jdbc,
      ObjectMapper json,
      Clock clock) {
    this.properties = properties;
    this.capture = capture;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    properties
        .providers()
        .forEach(
            (name, provider) -> {
              if (provider.secret() == null || provider.secret().length() < MIN_SECRET_LENGTH) {
                String variable =
                    "LEAD_HANDOFF_WEBHOOKS_PROVIDERS_"
                        + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_')
                        + "_SECRET";
                throw new MissingSecretException(
                    "lead-handoff.webhooks.providers." + name + ".secret",
                    variable,
                    "The webhook provider '"
                        + name
                        + "' needs a shared secret of at least "
                        + MIN_SECRET_LENGTH
                        + " characters.");
              }
            });
  }

  @Transactional
  public CaptureResult receive(
      String providerName, String timestamp, String signature, byte[] body) {
    WebhookProperties.Provider provider = properties.providers().get(providerName);
    if (provider == null) {
      // The same answer as a wrong signature: which providers exist is nobody's business.
      throw unauthorized("The signature does not match the body and timestamp.");
    }
    switch (WebhookSignatures.verify(
        provider.secret(), timestamp, signature, body, clock.instant(), properties.tolerance())) {
      case VALID -> {}
      case MISSING ->
          throw unauthorized(
              "Send X-Webhook-Timestamp (Unix seconds) and X-Webhook-Signature (sha256=<hex HMAC>).");
      case BAD_TIMESTAMP -> throw unauthorized("X-Webhook-Timestamp must be Unix seconds.");
      case STALE ->
          throw unauthorized(
              "The delivery's timestamp is more than "
                  + properties.tolerance().toSeconds()
                  + " s from now: too old to trust (or the sender's clock is off).");
      case MISMATCH -> throw unauthorized("The signature does not match the body and timestamp.");
    }
    try {
      jdbc.sql("insert into webhook_delivery (provider, signature, received_at) values (?, ?, ?)")
          .params(
              providerName,
              signature.strip().toLowerCase(java.util.Locale.ROOT),
              Timestamps.utc(clock.instant()))
          .update();
    } catch (DuplicateKeyException e) {
      throw new ApiException(
          HttpStatus.CONFLICT, "Replayed delivery", "This delivery was received before.");
    }
    LeadContact request = lead(provider, body);
    List<LeadRules.Violation> violations = LeadRules.check(request);
    if (!violations.isEmpty()) {
      throw new InvalidLeadException(
          violations.stream().map(v -> new ApiErrors.FieldError(v.field(), v.message())).toList());
    }
    String source = provider.source() != null ? provider.source() : providerName;
    return capture.capture(request.normalized(source), "webhook:" + providerName);
  }

  /** The provider's fields renamed to the API's; fields of other names are left out. */
  private LeadContact lead(WebhookProperties.Provider provider, byte[] body) {
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (IOException e) {
      throw badRequest("The body is not JSON.");
    }
    if (tree == null || !tree.isObject()) {
      throw badRequest("The body must be a JSON object.");
    }
    ObjectNode lead = json.createObjectNode();
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      String name = provider.fields().getOrDefault(field.getKey(), field.getKey());
      if (LEAD_FIELDS.contains(name)) {
        lead.set(name, field.getValue());
      }
    }
    try {
      return json.treeToValue(lead, LeadContact.class);
    } catch (IOException | IllegalArgumentException e) {
      throw badRequest("A field has the wrong type: " + e.getMessage().split("\n")[0]);
    }
  }

  /**
   * Deliveries older than the tolerance fail the timestamp check anyway: no need to keep them. Once
   * an hour in a cluster: the instance that runs it holds the lock for 50 minutes.
   */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  @SchedulerLock(
      name = "forget-old-webhook-deliveries",
      lockAtLeastFor = "PT50M",
      lockAtMostFor = "PT55M")
  void forgetOldDeliveries() {
    Duration keep = properties.tolerance().multipliedBy(2);
    jdbc.sql("delete from webhook_delivery where received_at < ?")
        .param(Timestamps.utc(clock.instant().minus(keep)))
        .update();
  }

  private static ApiException unauthorized(String detail) {
    return new ApiException(HttpStatus.UNAUTHORIZED, "Webhook not verified", detail);
  }

  private static ApiException badRequest(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", detail);
  }

  /** A delivered lead that breaks the API's rules: 400 with each field. */
  static class InvalidLeadException extends RuntimeException {
    private final List<ApiErrors.FieldError> errors;

    InvalidLeadException(List<ApiErrors.FieldError> errors) {
      super("invalid lead");
      this.errors = errors;
    }

    List<ApiErrors.FieldError> errors() {
      return errors;
    }
  }
}
