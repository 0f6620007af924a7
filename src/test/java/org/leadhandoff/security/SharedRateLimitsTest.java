package org.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.support.PostgresStoreTest;
import org.leadhandoff.system.ClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two instances of a cluster on one PostgreSQL draw from the same buckets: an API key gets its rate
 * once, not once per instance, and wrong passwords count against an account wherever they are
 * tried. Each instance here is its own {@link RateBuckets} on the shared store.
 */
// First: its choice of database (PostgreSQL, not an embedded one) wins over @JdbcTest's.
@PostgresStoreTest
@JdbcTest
// Bucket4j commits each draw on a connection of its own, as in the running application.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@EnableConfigurationProperties(SecurityProperties.class)
@Import({AuditLog.class, ClockConfiguration.class})
class SharedRateLimitsTest {

  @Autowired DataSource dataSource;
  @Autowired SecurityProperties properties;
  @Autowired AuditLog audit;

  @Test
  @DisplayName(
      "an API key's burst of 4 is 4 across two instances, both refuse the fifth with a wait, and"
          + " another key is not held back")
  void aKeysRateHoldsAcrossInstances() {
    RateBuckets first = new RateBuckets(dataSource);
    RateBuckets second = new RateBuckets(dataSource);
    assertThat(first.shared()).isTrue();
    RateLimiter one = new RateLimiter(first);
    RateLimiter two = new RateLimiter(second);
    String key = "key-" + System.nanoTime();

    assertThat(one.acquire(key, 10, 4).allowed()).isTrue();
    assertThat(two.acquire(key, 10, 4).allowed()).isTrue();
    assertThat(one.acquire(key, 10, 4).allowed()).isTrue();
    assertThat(two.acquire(key, 10, 4).allowed()).isTrue();

    RateLimiter.Decision refused = one.acquire(key, 10, 4);
    assertThat(refused.allowed()).isFalse();
    // 10 a minute: the next token comes within 6 seconds.
    assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(6));
    assertThat(two.acquire(key, 10, 4).allowed()).isFalse();
    assertThat(two.acquire("other-" + key, 10, 4).allowed()).isTrue();
  }

  @Test
  @DisplayName(
      "wrong passwords tried on two instances lock the account on both after five, and a right"
          + " password on either starts the count afresh")
  void wrongPasswordsCountAcrossInstances() {
    SignInThrottle one = new SignInThrottle(properties, audit, new RateBuckets(dataSource));
    SignInThrottle two = new SignInThrottle(properties, audit, new RateBuckets(dataSource));
    String account = "guessed-" + System.nanoTime();

    one.failed(account, "203.0.113.7", "wrong password");
    two.failed(account, "203.0.113.8", "wrong password");
    one.succeeded(account);
    for (int i = 0; i < properties.signIn().maxFailures() - 1; i++) {
      (i % 2 == 0 ? one : two).failed(account, "203.0.113." + (10 + i), "wrong password");
    }
    assertThat(one.lockedFor(account, "198.51.100.1")).isEmpty();
    assertThat(two.lockedFor(account, "198.51.100.1")).isEmpty();

    two.failed(account, "203.0.113.99", "wrong password");
    assertThat(one.lockedFor(account, "198.51.100.1")).isPresent();
    assertThat(two.lockedFor(account, "198.51.100.2"))
        .hasValueSatisfying(wait -> assertThat(wait).isPositive());
  }
}
