package org.leadhandoff.security;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and API keys.
 *
 * @param adminPassword the password of the {@code admin} user, created at the first start-up when
 *     no user exists (LEAD_HANDOFF_ADMIN_PASSWORD). Required in the remote profile; on the embedded
 *     default, when unset, a random one is written to {@code initialPasswordFile}.
 * @param initialPasswordFile where generated first passwords are written, a line {@code user
 *     password} each (readable by the application's user only)
 * @param demoUsers also create a sign-in for each roster person, {@code manager} and {@code
 *     marketing}, each with a password of its own: for trying the product, never in production
 * @param demoPassword one password for all demo users instead (LEAD_HANDOFF_DEMO_PASSWORD, for
 *     demos and tests); never the admin's
 * @param apiKeyHeader the header machine callers send their API key in
 * @param rateLimit requests an API key may make
 * @param signIn how many wrong passwords lock an account or a source address out, and how long
 * @param oidc how access tokens of an identity provider map to users and roles
 */
@ConfigurationProperties("lead-handoff.security")
public record SecurityProperties(
    String adminPassword,
    @DefaultValue("./data/initial-password") Path initialPasswordFile,
    @DefaultValue("false") boolean demoUsers,
    String demoPassword,
    @DefaultValue("X-API-Key") String apiKeyHeader,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue SignIn signIn,
    @DefaultValue Oidc oidc) {

  /**
   * A token bucket per API key.
   *
   * @param requestsPerMinute the sustained rate (a key may set its own)
   * @param burst how many requests may come at once
   */
  public record RateLimit(
      @DefaultValue("600") int requestsPerMinute, @DefaultValue("100") int burst) {}

  /**
   * Sign-in throttling, against password guessing and against bcrypt eating the CPU.
   *
   * @param maxFailures wrong passwords for one account before it is locked
   * @param lockout how long an account stays locked (its failures are forgotten then)
   * @param maxFailuresPerAddressPerMinute wrong passwords from one source address, any account
   */
  public record SignIn(
      @DefaultValue("5") int maxFailures,
      @DefaultValue("PT15M") java.time.Duration lockout,
      @DefaultValue("30") int maxFailuresPerAddressPerMinute) {}

  /**
   * OIDC access tokens (enabled by spring.security.oauth2.resourceserver.jwt.*).
   *
   * @param usernameClaim the claim that names the person; for qualifiers and reps it must be their
   *     roster id
   * @param rolesClaim the claim holding role names (QUALIFIER, SALES_REP, ...)
   */
  public record Oidc(
      @DefaultValue("preferred_username") String usernameClaim,
      @DefaultValue("roles") String rolesClaim) {}
}
