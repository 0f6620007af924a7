package org.leadhandoff.system;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.support.TaskUtils;
import org.springframework.util.ErrorHandler;

/**
 * Background work: the outbox and mail dispatchers, import runners, clean-ups. The dispatchers and
 * runners share the work between instances by claiming rows; a clean-up marked
 * {@code @SchedulerLock} runs on one instance of a cluster at a time (ShedLock, its lock a row of
 * the lead store, timed by the database's clock so the instances' clocks need not agree).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

  @Bean
  LockProvider clusterLocks(DataSource dataSource) {
    return new JdbcTemplateLockProvider(
        JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            .usingDbTime()
            .build());
  }

  private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

  /** While the lead store is unreachable, one line every so often, not a stack trace per poll. */
  static final Duration OUTAGE_LOG_INTERVAL = Duration.ofSeconds(30);

  @Bean
  ThreadPoolTaskSchedulerCustomizer quietDuringStoreOutages() {
    AtomicReference<Instant> lastLogged = new AtomicReference<>(Instant.EPOCH);
    ErrorHandler others = TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER;
    ErrorHandler handler =
        failure -> {
          if (!StoreOutages.isOutage(failure)) {
            others.handleError(failure);
            return;
          }
          Instant now = Instant.now();
          Instant last = lastLogged.get();
          if (now.isAfter(last.plus(OUTAGE_LOG_INTERVAL)) && lastLogged.compareAndSet(last, now)) {
            log.warn(
                "The lead store is unreachable; background work (outbox, mail, imports) waits and"
                    + " retries: {}",
                failure.getMessage());
          }
        };
    return scheduler -> scheduler.setErrorHandler(handler);
  }
}
