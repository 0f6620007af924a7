package org.leadhandoff.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets by key (Bucket4j). Where the lead store is PostgreSQL they are rows of it, locked
 * for each draw, so every instance of a cluster draws from the same bucket and a key gets its limit
 * once, not once per instance. The embedded H2 store belongs to one instance: there they stay in
 * memory, in a bounded cache that forgets idle ones. Time is each instance's clock (kept in step by
 * NTP), as Bucket4j's database buckets do.
 */
@Component
public class RateBuckets {

  private static final Logger log = LoggerFactory.getLogger(RateBuckets.class);

  /** A bucket full again may go after this long (it would be created full on its next use). */
  private static final Duration KEEP_FULL = Duration.ofMinutes(1);

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
  private final Cache<String, Bucket> local;

  RateBuckets(DataSource dataSource) {
    if (isPostgres(dataSource)) {
      this.shared =
          Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
              .primaryKeyMapper(PrimaryKeyMapper.STRING)
              .table("rate_limit_bucket")
              .idColumn("id")
              .stateColumn("state")
              .expiresAtColumn("expires_at")
              .expirationAfterWrite(
                  ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
              .build();
      this.local = null;
    } else {
      this.shared = null;
      this.local =
          Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();
    }
  }

  /** Whether the buckets are shared with the other instances (the store is PostgreSQL). */
  public boolean shared() {
    return shared != null;
  }

  /** The bucket of this key, created with the configuration on its first use. */
  public Bucket of(String key, Supplier<BucketConfiguration> configuration) {
    return shared != null
        ? shared.builder().build(key, configuration)
        : local.get(key, k -> inMemory(configuration.get()));
  }

  private static Bucket inMemory(BucketConfiguration configuration) {
    var builder = Bucket.builder();
    for (var limit : configuration.getBandwidths()) {
      builder.addLimit(limit);
    }
    return builder.build();
  }

  /** Starts the key afresh (a full bucket on its next use). */
  public void forget(String key) {
    if (shared != null) {
      shared.removeProxy(key);
    } else {
      local.invalidate(key);
    }
  }

  /** Buckets that are full again are rows nobody needs: one instance clears them now and then. */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
  @SchedulerLock(name = "forget-full-rate-buckets", lockAtLeastFor = "PT5M")
  void forgetFullBuckets() {
    if (shared == null) {
      return;
    }
    int removed;
    int total = 0;
    do {
      removed = shared.removeExpired(1000);
      total += removed;
    } while (removed == 1000);
    if (total > 0) {
      log.debug("Forgot {} full rate-limit buckets", total);
    }
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      // The store is away at start-up: the application does not start without it anyway.
      throw new IllegalStateException("Cannot reach the lead store: " + e.getMessage(), e);
    }
  }
}
