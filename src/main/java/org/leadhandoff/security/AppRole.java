package org.leadhandoff.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a person or a machine caller may do. People have the first five; keys usually the last. */
public enum AppRole {
  /** Works phone qualification tasks. */
  QUALIFIER,
  /** Accepts or rejects the leads handed to them. */
  SALES_REP,
  /** Sees the team's tasks and the reports; manages the roster. */
  SALES_MANAGER,
  /** Feeds leads in (API, imports) and reads the reports. */
  MARKETING,
  /** Everything, including users, API keys and erasure requests. */
  ADMIN,
  /** A machine caller that captures leads and events (web forms, marketing tools). */
  INTAKE,
  /** A metrics scraper: /actuator/prometheus. */
  METRICS;

  /** The roles that work tasks in the inbox (a manager's and an admin's queue is everyone's). */
  public static final Set<AppRole> WORK_TASKS =
      java.util.Collections.unmodifiableSet(EnumSet.of(QUALIFIER, SALES_REP, SALES_MANAGER, ADMIN));

  public GrantedAuthority authority() {
    return new SimpleGrantedAuthority("ROLE_" + name());
  }

  /** Parses "QUALIFIER,SALES_REP" (case and spaces ignored); an unknown name is an error. */
  public static Set<AppRole> parse(String roles) {
    if (roles == null || roles.isBlank()) {
      return EnumSet.noneOf(AppRole.class);
    }
    return Arrays.stream(roles.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> valueOf(key(s)))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(AppRole.class)));
  }

  /** A role name from outside (an identity provider's claim), or empty if it is not ours. */
  public static java.util.Optional<AppRole> lenient(String name) {
    try {
      return java.util.Optional.of(valueOf(key(name)));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  public static String format(Set<AppRole> roles) {
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  /** The roles an authenticated caller holds, from its ROLE_ authorities. */
  public static Set<AppRole> of(java.util.Collection<? extends GrantedAuthority> authorities) {
    Set<AppRole> roles = EnumSet.noneOf(AppRole.class);
    for (GrantedAuthority authority : authorities) {
      String name = authority.getAuthority();
      // A role from an identity provider this application does not know is ignored.
      if (name != null && name.startsWith("ROLE_")) {
        lenient(name.substring(5)).ifPresent(roles::add);
      }
    }
    return roles;
  }

  /** "sales-rep", " Sales_Rep " and "SALES_REP" name the same role. */
  private static String key(String name) {
    return name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
