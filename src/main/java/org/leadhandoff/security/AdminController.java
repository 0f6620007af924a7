package org.leadhandoff.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.leadhandoff.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users and API keys, for admins. */
@RestController
@RequestMapping("/api/admin")
@org.springframework.validation.annotation.Validated
@Tag(name = "Admin", description = "Users and API keys")
class AdminController {

  record NewKey(
      @NotBlank(message = "is required")
          @Size(max = 100, message = "must be at most 100 characters")
          @Pattern(
              regexp = "^[A-Za-z0-9 ._-]+$",
              message = "must be letters, digits, spaces, . _ -")
          String name,
      @NotEmpty(message = "must name at least one role") Set<AppRole> roles,
      @Positive(message = "must be 1 or more")
          @Max(value = 100_000, message = "must be at most 100000")
          Integer requestsPerMinute) {}

  record NewUser(
      @NotEmpty(message = "must name at least one role") Set<AppRole> roles,
      @NotBlank(message = "is required")
          @Size(min = InitialUsers.MIN_LENGTH, max = 200, message = "must be 12 to 200 characters")
          String password) {}

  private final ApiKeys keys;
  private final UserStore users;
  private final AuditLog audit;
  private final SignInThrottle throttle;

  AdminController(ApiKeys keys, UserStore users, AuditLog audit, SignInThrottle throttle) {
    this.keys = keys;
    this.users = users;
    this.audit = audit;
    this.throttle = throttle;
  }

  private void audit(
      AuditLog.Action action,
      Authentication admin,
      String target,
      String detail,
      HttpServletRequest request) {
    audit.record(action, admin.getName(), target, detail, request.getRemoteAddr());
  }

  @PostMapping("/api-keys")
  @Operation(summary = "Issue an API key; the key is in this answer only")
  ResponseEntity<ApiKeys.Issued> issue(
      @Valid @RequestBody NewKey request, Authentication admin, HttpServletRequest http) {
    ApiKeys.Issued issued =
        keys.issue(request.name().strip(), request.roles(), request.requestsPerMinute());
    audit(
        AuditLog.Action.API_KEY_ISSUED,
        admin,
        issued.info().id().toString(),
        "'" + issued.info().name() + "' with roles " + AppRole.format(request.roles()),
        http);
    return ResponseEntity.status(HttpStatus.CREATED).body(issued);
  }

  @GetMapping("/api-keys")
  @Operation(summary = "All keys, revoked ones too, without their secrets")
  List<ApiKeys.KeyInfo> keys() {
    return keys.all();
  }

  @PostMapping("/api-keys/{id}/rotate")
  @Operation(summary = "Replace a key: a new one is issued and the old one stops working now")
  ResponseEntity<ApiKeys.Issued> rotate(
      @PathVariable UUID id, Authentication admin, HttpServletRequest http) {
    ApiKeys.Issued issued =
        keys.rotate(id).orElseThrow(() -> notFound("No active API key " + id + "."));
    audit(
        AuditLog.Action.API_KEY_ROTATED,
        admin,
        id.toString(),
        "replaced by " + issued.info().id(),
        http);
    return ResponseEntity.status(HttpStatus.CREATED).body(issued);
  }

  @DeleteMapping("/api-keys/{id}")
  @Operation(summary = "Revoke a key")
  ResponseEntity<Void> revoke(
      @PathVariable UUID id, Authentication admin, HttpServletRequest http) {
    if (!keys.revoke(id)) {
      throw notFound("No active API key " + id + ".");
    }
    audit(AuditLog.Action.API_KEY_REVOKED, admin, id.toString(), "revoked", http);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/users")
  List<UserStore.Account> users() {
    return users.all();
  }

  @PutMapping("/users/{username}")
  @Operation(summary = "Create a user or set their roles and password")
  UserStore.Account saveUser(
      @PathVariable
          @Pattern(
              regexp = "^[A-Za-z0-9._@-]{1,100}$",
              message = "must be 1 to 100 letters, digits or . _ @ -")
          String username,
      @Valid @RequestBody NewUser request,
      Authentication admin,
      HttpServletRequest http) {
    UserStore.Account saved = users.save(username, request.roles(), request.password());
    // A new password is how an admin lets a locked-out person in again.
    throttle.succeeded(username);
    audit(
        AuditLog.Action.USER_SAVED,
        admin,
        username,
        "roles " + AppRole.format(request.roles()) + ", password set; open sessions end",
        http);
    return saved;
  }

  @DeleteMapping("/users/{username}")
  @Operation(summary = "Disable a user: they can no longer sign in")
  ResponseEntity<Void> disable(
      @PathVariable String username, Authentication admin, HttpServletRequest http) {
    if (!users.disable(username)) {
      throw notFound("No user " + username + ".");
    }
    audit(AuditLog.Action.USER_DISABLED, admin, username, "disabled; open sessions end", http);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/audit")
  @Operation(
      summary = "The security audit trail, newest first",
      description =
          "Sign-ins and failures, lockouts, ended sessions, user changes, API keys issued, rotated"
              + " and revoked, erasure requests. Page back with before=<id of the last entry>.")
  List<AuditLog.Entry> audit(
      @RequestParam(defaultValue = "100")
          @Positive(message = "must be 1 or more")
          @Max(value = 1000, message = "must be at most 1000")
          int limit,
      @RequestParam(required = false) Long before) {
    return audit.latest(limit, before);
  }

  private static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail);
  }
}
