package org.leadhandoff.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
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
 * {@code marketing} get the same first password. On a remote engine the password is required.
 */
@Component
class InitialUsers implements SmartInitializingSingleton, InitializingBean {

  static final String ADMIN = "admin";
  static final String PASSWORD_PROPERTY = "lead-handoff.security.admin-password";
  static final String PASSWORD_VARIABLE = "LEAD_HANDOFF_ADMIN_PASSWORD";
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
  }

  /** Before the web server takes requests: nobody signs in to an application without users. */
  @Override
  public void afterSingletonsInstantiated() {
    if (users.any()) {
      return;
    }
    String password = properties.adminPassword();
    if (password == null || password.isBlank()) {
      password = generated();
      write(properties.initialPasswordFile(), password);
      log.info(
          "Created the first users; their password is in {} (readable by this user only)",
          properties.initialPasswordFile().toAbsolutePath().normalize());
    }
    // One bcrypt for all: they share the first password, and each hash takes ~0.1 s.
    String hash = passwords.encode(password);
    users.saveEncoded(ADMIN, EnumSet.of(AppRole.ADMIN), hash);
    if (properties.demoUsers()) {
      for (RosterSeed.Person person : roster.reps()) {
        users.saveEncoded(person.id(), Set.of(roleOf(person)), hash);
      }
      users.saveEncoded("manager", EnumSet.of(AppRole.SALES_MANAGER), hash);
      users.saveEncoded("marketing", EnumSet.of(AppRole.MARKETING), hash);
      log.info(
          "Created demo users for the {} roster people, manager and marketing",
          roster.reps().size());
    }
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

  private static void write(Path file, String password) {
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
      Files.writeString(file, password + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the first password to " + file, e);
    }
  }
}
