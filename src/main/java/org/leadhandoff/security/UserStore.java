package org.leadhandoff.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in. Qualifiers and sales reps sign in with their roster id, which is how
 * tasks name their owner.
 */
@Component
public class UserStore implements UserDetailsService {

  /** A user as the admin API shows it: never the password. */
  public record Account(String username, Set<AppRole> roles, boolean enabled) {}

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Clock clock;

  UserStore(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.clock = clock;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return jdbc.sql(
            "select username, password_hash, roles, enabled from app_user where username = ?")
        .param(username)
        .query(
            (rs, n) ->
                User.withUsername(rs.getString(1))
                    .password(rs.getString(2))
                    .authorities(
                        AppRole.parse(rs.getString(3)).stream().map(AppRole::authority).toList())
                    .disabled(!rs.getBoolean(4))
                    .build())
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("No such user"));
  }

  /**
   * What an open session must still match: when the account was last changed, or empty when it is
   * gone or disabled. A change of roles or password, or disabling, ends its sessions.
   */
  public java.util.Optional<String> stamp(String username) {
    return jdbc.sql("select updated_at, enabled from app_user where username = ?")
        .param(username)
        .query(
            (rs, n) ->
                rs.getBoolean(2)
                    ? String.valueOf(
                        Timestamps.instant(rs.getObject(1, java.time.OffsetDateTime.class)))
                    : null)
        .optional();
  }

  public boolean any() {
    return jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0;
  }

  public boolean exists(String username) {
    return jdbc.sql("select count(*) from app_user where username = ?")
            .param(username)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Creates the user, or replaces the roles and password of one that exists. */
  @Transactional
  public Account save(String username, Set<AppRole> roles, String password) {
    return saveEncoded(username, roles, passwords.encode(password));
  }

  /** The same with the password already encoded: the first users share one (bcrypt is slow). */
  @Transactional
  Account saveEncoded(String username, Set<AppRole> roles, String hash) {
    var now = Timestamps.utc(clock.instant());
    int updated =
        jdbc.sql(
                "update app_user set password_hash = ?, roles = ?, enabled = true, updated_at = ?"
                    + " where username = ?")
            .params(hash, AppRole.format(roles), now, username)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into app_user (username, password_hash, roles, enabled, created_at,"
                  + " updated_at) values (?, ?, ?, true, ?, ?)")
          .params(username, hash, AppRole.format(roles), now, now)
          .update();
    }
    return new Account(username, roles, true);
  }

  /** Signing in is refused from now on (a session already open lasts until it ends). */
  public boolean disable(String username) {
    return jdbc.sql("update app_user set enabled = false, updated_at = ? where username = ?")
            .params(Timestamps.utc(clock.instant()), username)
            .update()
        > 0;
  }

  public List<Account> all() {
    return jdbc.sql("select username, roles, enabled from app_user order by username")
        .query(
            (rs, n) ->
                new Account(rs.getString(1), AppRole.parse(rs.getString(2)), rs.getBoolean(3)))
        .list();
  }
}
