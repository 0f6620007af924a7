package org.leadhandoff.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.leadhandoff.engine.EngineProperties;
import org.leadhandoff.routing.RosterSeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first sign-ins. On an empty user table: {@code admin}, with the password from
 * LEAD_HANDOFF_ADMIN_PASSWORD, or on the embedded default a random one written to a file only the
 * owner can read (never to the log). With demo users on, every roster person, {@code manager} and
 * {@code marketing} get a random password of their own, written to the same file, or
 * LEAD_HANDOFF_DEMO_PASSWORD. On a remote engine the admin password is required.
 */
@Component
class InitialUsers implements SmartInitializingSingleton, InitializingBean {

  static final String ADMIN = "admin";
  static final String PASSWORD_PROPERTY = "lead-handoff.security.admin-password";
  static final String PASSWORD_VARIABLE = "LEAD_HANDOFF_ADMIN_PASSWORD";
  static final String DEMO_PASSWORD_PROPERTY = "lead-handoff.security.demo-password";
  static final String DEMO_PASSWORD_VARIABLE = "LEAD_HANDOFF_DEMO_PASSWORD";
  static final int MIN_LENGTH = 12;

  private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);

  private final UserStore users;
  private final SecurityProperties properties;
  private final EngineProperties engine;
  private final RosterSeed roster;
  private final PasswordEncoder passwords;

  InitialUsers(
      UserStore users,
      SecurityProperties properties,
      EngineProperties engine,
      RosterSeed roster,
      PasswordEncoder passwords) {
    this.passwords = passwords;
    this.users = users;
    this.properties = properties;
    this.engine = engine;
    this.roster = roster;
  }

  /** Checked while the context starts, so a production start without the secret fails at once. */
  @Override
  public void afterPropertiesSet() {
    String given = properties.adminPassword();
    if (engine.mode() == EngineProperties.Mode.REMOTE && (given == null || given.isBlank())) {
      throw new MissingSecretException(
          PASSWORD_PROPERTY,
          PASSWORD_VARIABLE,
          "Against a remote engine (production) the first admin password must be given; the"
              + " application does not make one up there.");
    }
    if (given != null && !given.isBlank() && given.length() < MIN_LENGTH) {
      throw new MissingSecretException(
          PASSWORD_PROPERTY,
          PASSWORD_VARIABLE,
          "The admin password must be at least " + MIN_LENGTH + " characters long.");
    }
    String demo = properties.demoPassword();
    if (demo != null && !demo.isBlank() && demo.equals(given)) {
      throw new MissingSecretException(
          DEMO_PASSWORD_PROPERTY,
          DEMO_PASSWORD_VARIABLE,
          "The demo users' password must not be the admin's: a qualifier could sign in as admin.");
    }
  }

  /** Before the web server takes requests: nobody signs in to an application without users. */
  @Override
  public void afterSingletonsInstantiated() {
    if (users.any()) {
      return;
    }
    Map<String, String> generated = new LinkedHashMap<>();
    String adminPassword = given(properties.adminPassword());
    if (adminPassword == null) {
      adminPassword = generated();
      generated.put(ADMIN, adminPassword);
    }
    users.saveEncoded(ADMIN, EnumSet.of(AppRole.ADMIN), passwords.encode(adminPassword));
    if (properties.demoUsers()) {
      // Each demo user has a password of its own, or the one demo password: never the admin's,
      // or a qualifier could sign in as admin.
      String shared = given(properties.demoPassword());
      String sharedHash = shared == null ? null : passwords.encode(shared);
      Map<String, Set<AppRole>> demo = new LinkedHashMap<>();
      for (RosterSeed.Person person : roster.reps()) {
        demo.put(person.id(), Set.of(roleOf(person)));
      }
      demo.put("manager", EnumSet.of(AppRole.SALES_MANAGER));
      demo.put("marketing", EnumSet.of(AppRole.MARKETING));
      demo.forEach(
          (username, roles) -> {
            String hash = sharedHash;
            if (hash == null) {
              String password = generated();
              generated.put(username, password);
              hash = passwords.encode(password);
            }
            users.saveEncoded(username, roles, hash);
          });
      log.info(
          "Created demo users for the {} roster people, manager and marketing",
          roster.reps().size());
    }
    if (!generated.isEmpty()) {
      write(properties.initialPasswordFile(), generated);
      log.info(
          "Created the first users; the passwords made up for {} are in {} (readable by this user"
              + " only)",
          String.join(", ", generated.keySet()),
          properties.initialPasswordFile().toAbsolutePath().normalize());
    }
  }

  private static String given(String password) {
    return password == null || password.isBlank() ? null : password;
  }

  private static AppRole roleOf(RosterSeed.Person person) {
    return switch (person.role()) {
      case QUALIFIER -> AppRole.QUALIFIER;
      case SALES_REP -> AppRole.SALES_REP;
      case MANAGER -> AppRole.SALES_MANAGER;
    };
  }

  private static String generated() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void write(Path file, Map<String, String> passwords) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.deleteIfExists(file);
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(
            file); // Not a POSIX file system (Windows): the user's profile protects it.
      }
      StringBuilder lines = new StringBuilder();
      passwords.forEach(
          (user, password) ->
              lines.append(user).append(' ').append(password).append(System.lineSeparator()));
      Files.writeString(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the first password to " + file, e);
    }
  }
}
