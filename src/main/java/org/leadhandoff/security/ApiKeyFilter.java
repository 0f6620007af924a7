package org.leadhandoff.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.leadhandoff.web.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a machine caller by its API key header, and holds it to its rate. A key that is wrong,
 * revoked or rotated away is refused with 401, whatever else the request carries.
 */
class ApiKeyFilter extends OncePerRequestFilter {

  /** An authenticated API key; its name is {@code api-key:<name>}. */
  static final class ApiKeyAuthentication extends AbstractAuthenticationToken {
    private final ApiKeys.Caller caller;

    ApiKeyAuthentication(ApiKeys.Caller caller) {
      super(caller.roles().stream().map(AppRole::authority).toList());
      this.caller = caller;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return "";
    }

    @Override
    public Object getPrincipal() {
      return "api-key:" + caller.name();
    }

    ApiKeys.Caller caller() {
      return caller;
    }
  }

  private final ApiKeys keys;
  private final SecurityProperties properties;
  private final RateLimiter limiter;
  private final ObjectMapper json;

  ApiKeyFilter(
      ApiKeys keys, SecurityProperties properties, RateLimiter limiter, ObjectMapper json) {
    this.keys = keys;
    this.properties = properties;
    this.limiter = limiter;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = request.getHeader(properties.apiKeyHeader());
    if (presented == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiKeys.Caller> caller = keys.authenticate(presented.strip());
    if (caller.isEmpty()) {
      ApiErrors.write(
          response,
          json,
          HttpStatus.UNAUTHORIZED,
          "Unknown API key",
          "The API key in "
              + properties.apiKeyHeader()
              + " is not valid: mistyped, revoked or replaced by a rotation.");
      return;
    }
    SecurityProperties.RateLimit limit = properties.rateLimit();
    int perMinute =
        caller.get().requestsPerMinute() != null
            ? caller.get().requestsPerMinute()
            : limit.requestsPerMinute();
    RateLimiter.Decision decision =
        limiter.acquire(
            caller.get().id().toString(), perMinute, Math.min(limit.burst(), perMinute));
    if (!decision.allowed()) {
      long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
      response.setHeader("Retry-After", Long.toString(seconds));
      ApiErrors.write(
          response,
          json,
          HttpStatus.TOO_MANY_REQUESTS,
          "Too many requests",
          "This API key may make "
              + perMinute
              + " requests a minute; try again in "
              + seconds
              + " s.");
      return;
    }
    keys.used(caller.get().id());
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new ApiKeyAuthentication(caller.get()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
