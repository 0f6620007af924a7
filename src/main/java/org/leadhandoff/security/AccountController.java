package org.leadhandoff.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.UUID;
import org.leadhandoff.routing.Rep;
import org.leadhandoff.routing.RosterStore;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in: the pages greet them by name and show the queue of their role. */
@RestController
@Tag(name = "Account")
class AccountController {

  private final RosterStore roster;
  private final LeadReadPolicy leads;

  AccountController(RosterStore roster, LeadReadPolicy leads) {
    this.roster = roster;
    this.leads = leads;
  }

  /**
   * @param name the person's name as the roster gives it (null for someone not on it, such as a
   *     manager or an API key: the pages show the username then)
   */
  record Me(String username, String name, Set<AppRole> roles) {}

  @GetMapping("/api/me")
  @Operation(summary = "The signed-in person or API key, their name and roles")
  Me me(Authentication authentication) {
    String username = authentication.getName();
    return new Me(
        username,
        roster.find(username).map(Rep::name).orElse(null),
        AppRole.of(authentication.getAuthorities()));
  }

  /** Whether the signed-in person may open a lead's page (its contact data, history, routing). */
  record LeadAccess(boolean open) {}

  @GetMapping("/api/me/leads/{leadId}")
  @Operation(
      summary = "Whether the signed-in person may open a lead",
      description =
          "A page asks before it reads the lead: a mail's link to a lead that has moved on to"
              + " someone else then says so in a sentence rather than ending in a refusal.")
  LeadAccess mayOpen(@PathVariable UUID leadId, Authentication authentication) {
    return new LeadAccess(
        leads.mayRead(
            authentication.getName(), AppRole.of(authentication.getAuthorities()), leadId));
  }
}
