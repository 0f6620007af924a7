package org.leadhandoff.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages people open: the inbox is the front door; managers open the dashboard, marketing the
 * dashboard and the imports.
 */
@Controller
class PagesController {

  /** After sign-in: people who work tasks get the inbox, marketing the dashboard. */
  @GetMapping("/")
  String home(org.springframework.security.core.Authentication authentication) {
    java.util.Set<AppRole> roles =
        authentication == null ? java.util.Set.of() : AppRole.of(authentication.getAuthorities());
    return roles.stream().anyMatch(AppRole.WORK_TASKS::contains)
        ? "redirect:/inbox/"
        : "redirect:/dashboard/";
  }

  /** Who opens the dashboard, and who the import page (the security rules use these too). */
  static final java.util.Set<AppRole> DASHBOARD =
      java.util.Collections.unmodifiableSet(
          java.util.EnumSet.of(AppRole.SALES_MANAGER, AppRole.MARKETING, AppRole.ADMIN));

  static final java.util.Set<AppRole> IMPORTS =
      java.util.Collections.unmodifiableSet(java.util.EnumSet.of(AppRole.MARKETING, AppRole.ADMIN));

  /** Whether a person of these roles may open the page at the path. */
  static boolean mayOpen(String path, java.util.Set<AppRole> roles) {
    java.util.Set<AppRole> allowed =
        path == null
            ? null
            : path.startsWith("/inbox")
                ? AppRole.WORK_TASKS
                : path.startsWith("/dashboard")
                    ? DASHBOARD
                    : path.startsWith("/imports") ? IMPORTS : null;
    return allowed == null || roles.stream().anyMatch(allowed::contains);
  }

  /** Browsers ask for /favicon.ico on pages that name no icon, such as the sign-in page. */
  @GetMapping("/favicon.ico")
  String favicon() {
    return "redirect:/favicon.svg";
  }

  @GetMapping("/login")
  String signIn() {
    return "forward:/signin.html";
  }

  @GetMapping("/inbox")
  String inbox() {
    return "redirect:/inbox/";
  }

  @GetMapping("/inbox/")
  String inboxIndex() {
    return "forward:/inbox/index.html";
  }

  @GetMapping("/imports")
  String imports() {
    return "redirect:/imports/";
  }

  @GetMapping("/imports/")
  String importsIndex() {
    return "forward:/imports/index.html";
  }

  /** Keeps the filters of a shared link such as /dashboard?from=2026-03-01&to=2026-03-31. */
  @GetMapping("/dashboard")
  String dashboard(jakarta.servlet.http.HttpServletRequest request) {
    String query = request.getQueryString();
    return "redirect:/dashboard/" + (query == null ? "" : "?" + query);
  }

  @GetMapping("/dashboard/")
  String dashboardIndex() {
    return "forward:/dashboard/index.html";
  }
}
