package org.leadhandoff.security;

import static org.leadhandoff.security.AppRole.ADMIN;
import static org.leadhandoff.security.AppRole.INTAKE;
import static org.leadhandoff.security.AppRole.MARKETING;
import static org.leadhandoff.security.AppRole.METRICS;
import static org.leadhandoff.security.AppRole.QUALIFIER;
import static org.leadhandoff.security.AppRole.SALES_MANAGER;
import static org.leadhandoff.security.AppRole.SALES_REP;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.leadhandoff.web.ApiErrors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Health is open and webhooks prove themselves by signature; everything else
 * needs a signed-in person (form or HTTP Basic), an API key, or, where configured, an access token
 * of the company's identity provider. Anything this file does not name under /api is refused.
 */
@Configuration
class SecurityConfiguration {

  private static final AppRole[] STAFF = AppRole.WORK_TASKS.toArray(AppRole[]::new);
  private static final AppRole[] FEEDERS = {INTAKE, MARKETING, ADMIN};
  private static final AppRole[] ANALYSTS = PagesController.DASHBOARD.toArray(AppRole[]::new);

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      ApiKeys keys,
      SecurityProperties properties,
      RateLimiter limiter,
      ObjectMapper json,
      ObjectProvider<JwtDecoder> jwtDecoder,
      SignInThrottle throttle,
      UserStore users,
      AuditLog audit,
      LeadReadPolicy leads)
      throws Exception {
    AuthenticationEntryPoint problem =
        (request, response, e) ->
            ApiErrors.write(
                response,
                json,
                HttpStatus.UNAUTHORIZED,
                "Sign-in required",
                "Send an API key in "
                    + properties.apiKeyHeader()
                    + ", sign in, or send an access token.");
    AccessDeniedHandler denied =
        (request, response, e) -> {
          String accept = request.getHeader("Accept");
          if (!(e instanceof CsrfException)
              && !path(request).startsWith("/api/")
              && accept != null
              && accept.contains("text/html")) {
            // A person opened a page their role does not open: a page that says so and where to
            // go, not a JSON document.
            response.setStatus(HttpStatus.FORBIDDEN.value());
            request.getRequestDispatcher("/denied.html").forward(request, response);
            return;
          }
          if (e instanceof CsrfException) {
            // Not a question of role: the change came without the page's CSRF token.
            ApiErrors.write(
                response,
                json,
                HttpStatus.FORBIDDEN,
                "CSRF token missing or wrong",
                request.getMethod()
                    + " "
                    + request.getRequestURI()
                    + " needs the CSRF token of your signed-in page: reload the page and try"
                    + " again (scripts send the XSRF-TOKEN cookie's value in X-XSRF-TOKEN).");
            return;
          }
          ApiErrors.write(
              response,
              json,
              HttpStatus.FORBIDDEN,
              "Not allowed",
              "Your role does not allow "
                  + request.getMethod()
                  + " "
                  + request.getRequestURI()
                  + ".");
        };
    RequestMatcher api =
        request -> path(request).startsWith("/api/") || path(request).startsWith("/actuator/");
    // CSRF rides on a session cookie. A request that carries its own credentials, or no session
    // at all (it is refused as unauthenticated anyway: 401, not a CSRF 403), needs no token; the
    // sign-in form always does.
    RequestMatcher noSessionToRide =
        request ->
            request.getHeader(properties.apiKeyHeader()) != null
                || request.getHeader("Authorization") != null
                || (request.getSession(false) == null && !"/login".equals(path(request)));

    http.authorizeHttpRequests(
            auth ->
                auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/login",
                        "/favicon.*",
                        "/signin.*",
                        "/messages.js",
                        "/denied.html")
                    .permitAll()
                    // The pages' texts, the sign-in page's among them.
                    .requestMatchers(HttpMethod.GET, "/api/messages")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/webhooks/*")
                    .permitAll()
                    .requestMatchers("/actuator/prometheus")
                    .hasAnyRole(names(METRICS, ADMIN))
                    .requestMatchers("/actuator/**", "/api/admin/**")
                    .hasRole(ADMIN.name())
                    // Intake: web forms, marketing tools, imports.
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/leads",
                        "/api/leads/*/events",
                        "/api/events",
                        "/api/leads/import",
                        "/api/imports/preview",
                        "/api/imports/*/cancel")
                    .hasAnyRole(names(FEEDERS))
                    .requestMatchers(HttpMethod.GET, "/api/imports/**", "/api/imports")
                    .hasAnyRole(names(FEEDERS))
                    // The import page is marketing's (and the admin's); API keys have no pages.
                    .requestMatchers("/imports/**", "/imports")
                    .hasAnyRole(names(PagesController.IMPORTS.toArray(AppRole[]::new)))
                    // Erasure requests are the data protection officer's (an admin).
                    .requestMatchers(HttpMethod.DELETE, "/api/leads/*")
                    .hasRole(ADMIN.name())
                    .requestMatchers(
                        "/api/reports/**", "/api/leads/*/timeline", "/dashboard/**", "/dashboard")
                    .hasAnyRole(names(ANALYSTS))
                    // Row level: reps and qualifiers read the leads of their queues only;
                    // the whole list is the analysts'.
                    .requestMatchers(HttpMethod.GET, "/api/leads")
                    .hasAnyRole(names(ANALYSTS))
                    .requestMatchers(HttpMethod.GET, "/api/leads/{leadId}")
                    .access(readers(leads, QUALIFIER, SALES_REP, SALES_MANAGER, MARKETING, ADMIN))
                    .requestMatchers(HttpMethod.GET, "/api/leads/{leadId}/routing")
                    .access(readers(leads, STAFF))
                    .requestMatchers(HttpMethod.PUT, "/api/reps/**")
                    .hasAnyRole(names(SALES_MANAGER, ADMIN))
                    .requestMatchers(HttpMethod.GET, "/api/reps/**", "/api/leads/*/routing")
                    .hasAnyRole(names(STAFF))
                    .requestMatchers("/api/tasks/**", "/api/tasks", "/inbox/**", "/inbox")
                    .hasAnyRole(names(STAFF))
                    .requestMatchers(HttpMethod.GET, "/api/leads/**")
                    .hasAnyRole(names(QUALIFIER, SALES_REP, SALES_MANAGER, MARKETING, ADMIN))
                    .requestMatchers(
                        HttpMethod.GET, "/api/engine/clock", "/api/me", "/api/me/leads/*")
                    .authenticated()
                    // Everyone signed in chooses their own language (pages and mails).
                    .requestMatchers("/api/me/language")
                    .authenticated()
                    // Qualifiers and reps say when they are away (the controller checks the
                    // roster).
                    .requestMatchers("/api/me/availability")
                    .hasAnyRole(names(QUALIFIER, SALES_REP))
                    .requestMatchers(HttpMethod.POST, "/api/engine/clock")
                    .hasRole(ADMIN.name())
                    .requestMatchers("/api/**")
                    .denyAll()
                    .anyRequest()
                    .authenticated())
        .addFilterBefore(
            new ApiKeyFilter(keys, properties, limiter, json), BasicAuthenticationFilter.class)
        .addFilterAfter(new SpaCsrf.CookieFilter(), BasicAuthenticationFilter.class)
        .addFilterBefore(
            new SignInThrottle.Gate(throttle, json), UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(new SessionRevalidation(users, audit), BasicAuthenticationFilter.class)
        // The pages load only their own scripts (no inline script); styles may be inline (form-js,
        // the sign-in page); nothing may frame them.
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                                + " img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
                                + " object-src 'none'; base-uri 'self'; form-action 'self';"
                                + " frame-ancestors 'none'")))
        .httpBasic(basic -> basic.authenticationEntryPoint(problem))
        // The product's own sign-in page (static/signin.html, served at /login).
        .formLogin(
            form ->
                form.loginPage("/login")
                    .permitAll()
                    .successHandler(SessionRevalidation.stampOnSignIn(users))
                    .failureHandler(
                        (request, response, exception) ->
                            response.sendRedirect(
                                throttle.afterFailure(
                                    request.getParameter("username"), request.getRemoteAddr()))))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                    .csrfTokenRequestHandler(new SpaCsrf.RequestHandler())
                    .ignoringRequestMatchers(noSessionToRide)
                    .ignoringRequestMatchers("/api/webhooks/*"))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(problem, api)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                    .defaultAccessDeniedHandlerFor(denied, api)
                    .defaultAccessDeniedHandlerFor(denied, request -> true));
    JwtDecoder decoder = jwtDecoder.getIfAvailable();
    if (decoder != null) {
      http.oauth2ResourceServer(
          oauth ->
              oauth
                  .authenticationEntryPoint(problem)
                  .jwt(
                      jwt ->
                          jwt.decoder(decoder)
                              .jwtAuthenticationConverter(tokens(properties.oidc()))));
    }
    return http.build();
  }

  /** A lead's data for those the lead read policy lets read it (an unreadable id: its 400). */
  private static AuthorizationManager<RequestAuthorizationContext> readers(
      LeadReadPolicy leads, AppRole... allowed) {
    List<AppRole> roles = List.of(allowed);
    return (authentication, context) -> {
      Authentication who = authentication.get();
      if (who == null
          || !who.isAuthenticated()
          || who instanceof AnonymousAuthenticationToken
          || AppRole.of(who.getAuthorities()).stream().noneMatch(roles::contains)) {
        return new AuthorizationDecision(false);
      }
      UUID leadId;
      try {
        leadId = UUID.fromString(context.getVariables().get("leadId"));
      } catch (IllegalArgumentException notAnId) {
        return new AuthorizationDecision(true);
      }
      return new AuthorizationDecision(
          leads.mayRead(who.getName(), AppRole.of(who.getAuthorities()), leadId));
    };
  }

  /** An access token's user and roles, from the claims the company's identity provider fills. */
  static Converter<Jwt, AbstractAuthenticationToken> tokens(SecurityProperties.Oidc oidc) {
    return jwt -> {
      Object claim = jwt.getClaims().get(oidc.rolesClaim());
      Collection<String> names =
          claim instanceof Collection<?> list
              ? list.stream().map(String::valueOf).toList()
              : claim == null ? List.of() : Arrays.asList(String.valueOf(claim).split("[,\\s]+"));
      List<GrantedAuthority> authorities =
          names.stream()
              .map(AppRole::lenient)
              .flatMap(java.util.Optional::stream)
              .map(AppRole::authority)
              .toList();
      String username = jwt.getClaimAsString(oidc.usernameClaim());
      return new JwtAuthenticationToken(
          jwt, authorities, username != null ? username : jwt.getSubject());
    };
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static String[] names(AppRole... roles) {
    return Arrays.stream(roles).map(Enum::name).toArray(String[]::new);
  }
}
