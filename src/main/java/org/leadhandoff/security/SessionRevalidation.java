package org.leadhandoff.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A signed-in session follows what the admin does to its account: when the account's roles or
 * password change or it is disabled, its open sessions end on their next request (the person signs
 * in again, with the new roles). The sign-in stamps the session with the account's last change;
 * each request compares the stamp with the user store (one indexed read). HTTP Basic and access
 * tokens are checked on every request anyway.
 */
final class SessionRevalidation extends OncePerRequestFilter {

  static final String STAMP = SessionRevalidation.class.getName() + ".stamp";

  private final UserStore users;
  private final AuditLog audit;

  SessionRevalidation(UserStore users, AuditLog audit) {
    this.users = users;
    this.audit = audit;
  }

  /** Stamps the new session at sign-in, then goes where the sign-in form would have gone. */
  static AuthenticationSuccessHandler stampOnSignIn(UserStore users) {
    SavedRequestAwareAuthenticationSuccessHandler next =
        new SavedRequestAwareAuthenticationSuccessHandler();
    next.setDefaultTargetUrl("/");
    var saved = new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
    return (request, response, authentication) -> {
      users
          .stamp(authentication.getName())
          .ifPresent(stamp -> request.getSession().setAttribute(STAMP, stamp));
      // A page asked for before sign-in that this person may not open (marketing following an
      // inbox link): their own start page instead of a refusal.
      var asked = saved.getRequest(request, response);
      if (asked != null) {
        saved.removeRequest(request, response);
        if (PagesController.mayOpen(
            java.net.URI.create(asked.getRedirectUrl()).getPath(),
            AppRole.of(authentication.getAuthorities()))) {
          // The page as asked, without the "continue" marker the request cache adds: the pages
          // are plain reads, so nothing of the saved request needs restoring, and the address
          // the person sees (and bookmarks) stays the one they followed.
          request.getSession().removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
          response.sendRedirect(
              UriComponentsBuilder.fromUriString(asked.getRedirectUrl())
                  .replaceQueryParam("continue")
                  .build()
                  .toUriString());
          return;
        }
      }
      next.onAuthenticationSuccess(request, response, authentication);
    };
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Object stamp = session == null ? null : session.getAttribute(STAMP);
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (stamp != null && signedIn != null) {
      Optional<String> now = users.stamp(signedIn.getName());
      if (now.isEmpty() || !now.get().equals(stamp)) {
        session.invalidate();
        SecurityContextHolder.clearContext();
        audit.record(
            AuditLog.Action.SESSION_ENDED,
            signedIn.getName(),
            signedIn.getName(),
            now.isEmpty()
                ? "the account was disabled or removed"
                : "the account's roles or password changed",
            request.getRemoteAddr());
      }
    }
    chain.doFilter(request, response);
  }
}
