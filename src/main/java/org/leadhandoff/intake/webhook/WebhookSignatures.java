package org.leadhandoff.intake.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code sha256=} and the hex HMAC-SHA256, under the
 * provider's secret, of the timestamp (Unix seconds), a dot and the raw body. Signing the timestamp
 * with the body is what makes the tolerance window hold: it cannot be changed alone.
 */
public final class WebhookSignatures {

  public static final String PREFIX = "sha256=";

  /** Whether a delivery passed, or why not. */
  public enum Verdict {
    VALID,
    MISSING,
    BAD_TIMESTAMP,
    STALE,
    MISMATCH
  }

  private WebhookSignatures() {}

  public static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Every JDK has HmacSHA256", e);
    }
  }

  public static Verdict verify(
      String secret,
      String timestamp,
      String signature,
      byte[] body,
      Instant now,
      Duration tolerance) {
    if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
      return Verdict.MISSING;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Verdict.BAD_TIMESTAMP;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
      return Verdict.STALE;
    }
    byte[] expected = sign(secret, timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
    byte[] given =
        signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    // Constant-time: how long a refusal takes must not tell how much of a guess was right.
    return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.MISMATCH;
  }
}
