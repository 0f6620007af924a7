package org.leadhandoff.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in: the inbox shows the queue of this person's role. */
@RestController
@Tag(name = "Account")
class AccountController {

  record Me(String username, Set<AppRole> roles) {}

  @GetMapping("/api/me")
  @Operation(summary = "The signed-in person or API key, and its roles")
  Me me(Authentication authentication) {
    return new Me(authentication.getName(), AppRole.of(authentication.getAuthorities()));
  }
}
