package org.leadhandoff.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection for the inbox and dashboard pages, which call the API with fetch: the token
 * travels in the XSRF-TOKEN cookie, the pages send it back in X-XSRF-TOKEN. The sign-in form keeps
 * Spring's masked token (BREACH), which a header cannot carry.
 */
final class SpaCsrf {

  private SpaCsrf() {}

  static final class RequestHandler implements CsrfTokenRequestHandler {
    private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(
        HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
      masked.handle(request, response, token);
    }

    /**
     * The header carries the cookie's token as it is; a form field carries either Spring's masked
     * token (the sign-in form) or, from the pages' sign-out forms, the cookie's token as it is
     * (what a page's script can read). Either way it must match the session's token.
     */
    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
      if (StringUtils.hasText(request.getHeader(token.getHeaderName()))) {
        return plain.resolveCsrfTokenValue(request, token);
      }
      String field = request.getParameter(token.getParameterName());
      if (field != null
          && MessageDigest.isEqual(
              field.getBytes(StandardCharsets.UTF_8),
              token.getToken().getBytes(StandardCharsets.UTF_8))) {
        return field;
      }
      return masked.resolveCsrfTokenValue(request, token);
    }
  }

  /** Loads the token on every page request, so the cookie is there before the first POST. */
  static final class CookieFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      if (token != null) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }
}
