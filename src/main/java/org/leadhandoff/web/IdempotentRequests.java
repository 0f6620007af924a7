package org.leadhandoff.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.leadhandoff.system.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes a request with an {@code Idempotency-Key} header harmless to retry: the first request with
 * a key does the work and its answer is kept; the same key with the same body gets that answer
 * again and does nothing; the same key with another body is refused (422).
 */
@Component
public class IdempotentRequests {

  public static final String HEADER = "Idempotency-Key";

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  private final Duration abandonedAfter;

  IdempotentRequests(JdbcClient jdbc, ObjectMapper json, Clock clock, ApiProperties properties) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.abandonedAfter = properties.abandonedAfter();
  }

  private record Stored(String hash, Integer status, String body, Instant createdAt) {}

  private static String caller() {
    var authentication =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication();
    return authentication == null ? "anonymous" : authentication.getName();
  }

  public <T> ResponseEntity<T> handle(
      String key,
      String endpoint,
      Object request,
      Class<T> type,
      Supplier<ResponseEntity<T>> work) {
    if (key == null) {
      return work.get();
    }
    if (key.isBlank() || key.length() > 200) {
      throw new InvalidFieldException(HEADER, "must be 1 to 200 characters");
    }
    // A key is the caller's own: another caller's same key is another request.
    key = caller() + " " + key;
    String hash = hash(endpoint, request);
    // A second round only after a first request of the key was found abandoned and cleared.
    for (int round = 0; ; round++) {
      try {
        jdbc.sql(
                "insert into idempotent_request (idempotency_key, endpoint, request_hash,"
                    + " created_at) values (?, ?, ?, ?)")
            .params(key, endpoint, hash, Timestamps.utc(clock.instant()))
            .update();
        break;
      } catch (DuplicateKeyException seenBefore) {
        Optional<ResponseEntity<T>> replayed = replay(key, hash, type, round == 0);
        if (replayed.isPresent()) {
          return replayed.get();
        }
      }
    }
    ResponseEntity<T> response;
    try {
      response = work.get();
    } catch (RuntimeException e) {
      // Nothing was done, so a retry with the same key may try again.
      jdbc.sql("delete from idempotent_request where idempotency_key = ?").param(key).update();
      throw e;
    }
    jdbc.sql(
            "update idempotent_request set response_status = ?, response_body = ? where idempotency_key = ?")
        .params(response.getStatusCode().value(), write(response.getBody()), key)
        .update();
    return response;
  }

  /**
   * The answer kept for the key, or empty when the first request of the key was abandoned (its
   * instance died half-way, {@code abandonedAfter} ago) and its record is cleared for this one.
   */
  private <T> Optional<ResponseEntity<T>> replay(
      String key, String hash, Class<T> type, boolean mayTakeOver) {
    Optional<Stored> stored =
        jdbc.sql(
                "select request_hash, response_status, response_body, created_at from"
                    + " idempotent_request where idempotency_key = ?")
            .param(key)
            .query(
                (rs, n) ->
                    new Stored(
                        rs.getString(1),
                        (Integer) rs.getObject(2),
                        rs.getString(3),
                        Timestamps.instant(rs.getObject(4, OffsetDateTime.class))))
            .optional();
    if (stored.isEmpty()) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Request in progress",
          "A request with this Idempotency-Key was just abandoned; send it again.");
    }
    if (!stored.get().hash().equals(hash)) {
      throw new ApiException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "Idempotency-Key reused",
          "This Idempotency-Key was used for a different request; use a new key for a new request.");
    }
    if (stored.get().status() == null) {
      if (mayTakeOver
          && stored.get().createdAt().isBefore(clock.instant().minus(abandonedAfter))
          && jdbc.sql(
                      "delete from idempotent_request where idempotency_key = ?"
                          + " and response_status is null and created_at = ?")
                  .params(key, Timestamps.utc(stored.get().createdAt()))
                  .update()
              == 1) {
        // The work is idempotent itself (a capture merges by email): doing it again is safe.
        return Optional.empty();
      }
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Request in progress",
          "A request with this Idempotency-Key is still being processed; retry in a moment.");
    }
    return Optional.of(
        ResponseEntity.status(stored.get().status()).body(read(stored.get().body(), type)));
  }

  private String hash(String endpoint, Object request) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(endpoint.getBytes(StandardCharsets.UTF_8));
      digest.update(json.writeValueAsBytes(request));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("Cannot fingerprint the request", e);
    }
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot keep the response", e);
    }
  }

  private <T> T read(String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot replay the kept response", e);
    }
  }
}
