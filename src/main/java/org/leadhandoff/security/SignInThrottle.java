package org.leadhandoff.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.leadhandoff.web.ApiErrors;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Password guessing meets a wall: after {@code max-failures} wrong passwords an account is locked
 * for {@code lockout}, and a source address that keeps failing is refused for any account. A locked
 * sign-in is refused before the password is checked (429, Retry-After), so guesses cost no bcrypt
 * either. Buckets are {@link RateBuckets}' (shared by the instances of a cluster on PostgreSQL).
 * Every failure and lockout goes to the audit log.
 */
@Component
public class SignInThrottle {

  private final SecurityProperties.SignIn settings;
  private final AuditLog audit;
  private final RateBuckets buckets;

  SignInThrottle(SecurityProperties properties, AuditLog audit, RateBuckets buckets) {
    this.settings = properties.signIn();
    this.audit = audit;
    this.buckets = buckets;
  }

  /** How long the sign-in must wait, if the account or the address is locked now. */
  public Optional<Duration> lockedFor(String username, String address) {
    Duration wait = Duration.ZERO;
    for (Bucket bucket : new Bucket[] {account(username), address(address)}) {
      if (bucket == null) {
        continue;
      }
      // One look at the bucket (a locked row on PostgreSQL): whether a try is left, and if not,
      // when the next one comes.
      var estimate = bucket.estimateAbilityToConsume(1);
      if (!estimate.canBeConsumed()) {
        Duration refill = Duration.ofNanos(estimate.getNanosToWaitForRefill());
        wait = refill.compareTo(wait) > 0 ? refill : wait;
      }
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  void failed(String username, String address, String why) {
    // Each draw answers what is left, in the same look at the bucket.
    long accountLeft = account(username).tryConsumeAndReturnRemaining(1).getRemainingTokens();
    Bucket source = address(address);
    long sourceLeft =
        source == null ? 1 : source.tryConsumeAndReturnRemaining(1).getRemainingTokens();
    audit.record(AuditLog.Action.SIGN_IN_FAILED, username, username, why, address);
    if (accountLeft <= 0) {
      audit.record(
          AuditLog.Action.LOCKED_OUT,
          username,
          username,
          settings.maxFailures() + " wrong passwords: locked for " + settings.lockout(),
          address);
    } else if (sourceLeft <= 0) {
      audit.record(
          AuditLog.Action.LOCKED_OUT,
          username,
          address,
          "too many wrong passwords from this address: refused for a minute",
          address);
    }
  }

  /**
   * Where the sign-in form goes after a wrong password: the page says so, warns when the next wrong
   * passwords lock the account, and says how long once they have.
   */
  String afterFailure(String username, String address) {
    Optional<Duration> locked = lockedFor(username, address);
    if (locked.isPresent()) {
      return "/login?locked=" + (Math.max(1, locked.get().toSeconds()) + 59) / 60;
    }
    long left = account(username).getAvailableTokens();
    return left <= WARN_FROM
        ? "/login?error&left="
            + left
            + "&lockMinutes="
            + Math.max(1, settings.lockout().toMinutes())
        : "/login?error";
  }

  /** From how many wrong passwords left the sign-in page warns of the lock. */
  private static final int WARN_FROM = 2;

  void succeeded(String username) {
    buckets.forget(accountKey(username));
  }

  /** Wrong passwords left to the account: full until the first (the buckets of all instances). */
  private Bucket account(String username) {
    return buckets.of(
        accountKey(username),
        () ->
            BucketConfiguration.builder()
                .addLimit(
                    Bandwidth.builder()
                        .capacity(settings.maxFailures())
                        .refillIntervally(settings.maxFailures(), settings.lockout())
                        .build())
                .build());
  }

  private Bucket address(String address) {
    if (address == null) {
      return null;
    }
    int perMinute = settings.maxFailuresPerAddressPerMinute();
    return buckets.of(
        "sign-in-address:" + address,
        () ->
            BucketConfiguration.builder()
                .addLimit(
                    Bandwidth.builder()
                        .capacity(perMinute)
                        .refillIntervally(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
  }

  private static String accountKey(String username) {
    return "sign-in-account:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    Authentication attempt = event.getAuthentication();
    if (attempt instanceof UsernamePasswordAuthenticationToken) {
      failed(
          attempt.getName(),
          address(attempt),
          event instanceof AuthenticationFailureBadCredentialsEvent
              ? "wrong password"
              : event.getException().getMessage());
    }
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
      succeeded(event.getAuthentication().getName());
    }
  }

  /** A sign-in on the form (HTTP Basic authenticates every request: not worth a line each). */
  @EventListener
  void onSignIn(InteractiveAuthenticationSuccessEvent event) {
    audit.record(
        AuditLog.Action.SIGN_IN,
        event.getAuthentication().getName(),
        event.getAuthentication().getName(),
        "signed in",
        address(event.getAuthentication()));
  }

  @EventListener
  void onSignOut(LogoutSuccessEvent event) {
    audit.record(
        AuditLog.Action.SIGN_OUT,
        event.getAuthentication().getName(),
        event.getAuthentication().getName(),
        "signed out",
        address(event.getAuthentication()));
  }

  private static String address(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
  }

  /** Refuses a sign-in (form or HTTP Basic) of a locked account or address before it is tried. */
  static final class Gate extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final ObjectMapper json;

    Gate(SignInThrottle throttle, ObjectMapper json) {
      this.throttle = throttle;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String username = attemptedUser(request);
      if (username != null) {
        Optional<Duration> locked = throttle.lockedFor(username, request.getRemoteAddr());
        if (locked.isPresent()) {
          long seconds = Math.max(1, locked.get().toSeconds());
          response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
          String accept = request.getHeader(HttpHeaders.ACCEPT);
          if (!"Basic".equals(scheme(request)) && accept != null && accept.contains("text/html")) {
            // A person on the sign-in page: the page says it, not a JSON document.
            response.sendRedirect("/login?locked=" + (seconds + 59) / 60);
            return;
          }
          ApiErrors.write(
              response,
              json,
              HttpStatus.TOO_MANY_REQUESTS,
              "Too many failed sign-ins",
              "Too many wrong passwords: signing in is refused for "
                  + (seconds >= 60 ? (seconds + 59) / 60 + " minutes" : seconds + " seconds")
                  + ". Ask an admin if you have forgotten the password.");
          return;
        }
      }
      chain.doFilter(request, response);
    }

    private static String scheme(HttpServletRequest request) {
      String header = request.getHeader(HttpHeaders.AUTHORIZATION);
      return header != null && header.regionMatches(true, 0, "Basic ", 0, 6) ? "Basic" : "form";
    }

    private static String attemptedUser(HttpServletRequest request) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if ("POST".equals(request.getMethod()) && "/login".equals(path)) {
        return request.getParameter("username");
      }
      String header = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
        try {
          String decoded =
              new String(
                  Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
          int colon = decoded.indexOf(':');
          return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
          return null;
        }
      }
      return null;
    }
  }
}
