package org.leadhandoff.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys of machine callers. A key is shown once, when it is issued; the store keeps its SHA-256
 * hash and a short prefix to find it. Rotating issues a new key and revokes the old one at once.
 */
@Component
public class ApiKeys {

  /** Keys look like {@code lh_<prefix>_<secret>}: recognisable in a leaked file or a scanner. */
  static final String SCHEME = "lh_";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";

  /** A key as the admin API lists it. */
  public record KeyInfo(
      UUID id,
      String name,
      String prefix,
      Set<AppRole> roles,
      Integer requestsPerMinute,
      Instant createdAt,
      Instant revokedAt,
      UUID replacedBy,
      Instant lastUsedAt) {}

  /** A key just issued: the only time its secret is seen. */
  public record Issued(KeyInfo info, String key) {}

  /** The caller a presented key belongs to. */
  public record Caller(UUID id, String name, Set<AppRole> roles, Integer requestsPerMinute) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final java.util.Map<UUID, Instant> lastNoted =
      new java.util.concurrent.ConcurrentHashMap<>();

  ApiKeys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public Issued issue(String name, Set<AppRole> roles, Integer requestsPerMinute) {
    UUID id = UUID.randomUUID();
    String prefix = prefix();
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key =
        SCHEME + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    jdbc.sql(
            "insert into api_key (id, name, key_prefix, key_hash, roles, rate_per_minute,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            name,
            prefix,
            hash(key),
            AppRole.format(roles),
            requestsPerMinute,
            Timestamps.utc(now))
        .update();
    return new Issued(find(id).orElseThrow(), key);
  }

  /** A new key with the same name, roles and rate; the old one stops working now. */
  @Transactional
  public Optional<Issued> rotate(UUID id) {
    Optional<KeyInfo> old = find(id).filter(k -> k.revokedAt() == null);
    if (old.isEmpty()) {
      return Optional.empty();
    }
    Issued fresh = issue(old.get().name(), old.get().roles(), old.get().requestsPerMinute());
    jdbc.sql("update api_key set revoked_at = ?, replaced_by = ? where id = ?")
        .params(Timestamps.utc(clock.instant()), fresh.info().id(), id)
        .update();
    return Optional.of(fresh);
  }

  public boolean revoke(UUID id) {
    return jdbc.sql("update api_key set revoked_at = ? where id = ? and revoked_at is null")
            .params(Timestamps.utc(clock.instant()), id)
            .update()
        > 0;
  }

  /** The caller of a presented key, if the key is one of ours and not revoked. */
  public Optional<Caller> authenticate(String presented) {
    if (presented == null || !presented.startsWith(SCHEME)) {
      return Optional.empty();
    }
    int end = presented.indexOf('_', SCHEME.length());
    if (end < 0) {
      return Optional.empty();
    }
    String prefix = presented.substring(SCHEME.length(), end);
    byte[] given = hash(presented).getBytes(StandardCharsets.US_ASCII);
    return jdbc
        .sql(
            "select id, name, key_hash, roles, rate_per_minute from api_key"
                + " where key_prefix = ? and revoked_at is null")
        .param(prefix)
        .query(
            (rs, n) ->
                // Constant-time, so that response times do not reveal how much of a hash matched.
                MessageDigest.isEqual(given, rs.getString(3).getBytes(StandardCharsets.US_ASCII))
                    ? new Caller(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        AppRole.parse(rs.getString(4)),
                        (Integer) rs.getObject(5))
                    : null)
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  /**
   * Notes that a key was used, at most once a minute per key: the minute is checked here in memory
   * first, so a busy key costs no statement per request; the statement's own condition keeps
   * several instances from writing more often.
   */
  public void used(UUID id) {
    Instant now = clock.instant();
    Instant noted = lastNoted.get(id);
    if (noted != null && noted.isAfter(now.minusSeconds(60))) {
      return;
    }
    lastNoted.put(id, now);
    jdbc.sql(
            "update api_key set last_used_at = ? where id = ?"
                + " and (last_used_at is null or last_used_at < ?)")
        .params(Timestamps.utc(now), id, Timestamps.utc(now.minusSeconds(60)))
        .update();
  }

  public Optional<KeyInfo> find(UUID id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(ApiKeys::info).optional();
  }

  public List<KeyInfo> all() {
    return jdbc.sql(SELECT + " order by created_at").query(ApiKeys::info).list();
  }

  private static final String SELECT =
      "select id, name, key_prefix, roles, rate_per_minute, created_at, revoked_at, replaced_by,"
          + " last_used_at from api_key";

  private static KeyInfo info(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new KeyInfo(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        AppRole.parse(rs.getString(4)),
        (Integer) rs.getObject(5),
        instant(rs, 6),
        instant(rs, 7),
        rs.getObject(8, UUID.class),
        instant(rs, 9));
  }

  private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
    return Timestamps.instant(rs.getObject(column, java.time.OffsetDateTime.class));
  }

  private static String prefix() {
    StringBuilder prefix = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      prefix.append(PREFIX_ALPHABET.charAt(RANDOM.nextInt(PREFIX_ALPHABET.length())));
    }
    return prefix.toString();
  }

  static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
