package org.leadhandoff.intake.webhook;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Form providers that may post leads to {@code /api/webhooks/{provider}}.
 *
 * @param tolerance how far a delivery's timestamp may be from now; older deliveries are refused, so
 *     a captured request cannot be replayed later, and deliveries are remembered this long
 * @param providers by the name in the URL
 */
@ConfigurationProperties("lead-handoff.webhooks")
public record WebhookProperties(
    @DefaultValue("PT5M") Duration tolerance, @DefaultValue Map<String, Provider> providers) {

  /**
   * @param secret the shared HMAC key (from the environment, never from git)
   * @param source the lead source of this provider's leads
   * @param fields the provider's field names that differ from the API's, e.g. {@code email_address:
   *     email}; other fields of the API's names are taken as they are, the rest ignored
   */
  public record Provider(String secret, String source, @DefaultValue Map<String, String> fields) {}
}
