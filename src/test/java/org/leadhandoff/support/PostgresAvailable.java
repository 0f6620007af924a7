package org.leadhandoff.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test against PostgreSQL where the machine has one: {@code LEAD_HANDOFF_TEST_POSTGRES_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}), user {@code
 * LEAD_HANDOFF_TEST_POSTGRES_USER} (default {@code postgres}), password {@code
 * LEAD_HANDOFF_TEST_POSTGRES_PASSWORD}. Without one the test is skipped and says why, unless {@code
 * LEAD_HANDOFF_REQUIRE_POSTGRES=true} (CI sets it), which makes a missing database a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PostgresAvailable.Condition.class)
public @interface PostgresAvailable {

  /** Where the PostgreSQL for tests is, from the environment. */
  final class Database {
    public static final String URL =
        env("LEAD_HANDOFF_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("LEAD_HANDOFF_TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = env("LEAD_HANDOFF_TEST_POSTGRES_PASSWORD", "");

    /**
     * Each test JVM works in a schema of its own (two runs on one machine or one server, or the
     * suite's two test JVMs, never drop each other's tables), built by Flyway and dropped when the
     * JVM's tests end.
     */
    public static final String SCHEMA =
        "lead_handoff_test_"
            + ProcessHandle.current().pid()
            + "_"
            + Integer.toHexString(
                java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 16));

    private static final java.util.concurrent.atomic.AtomicBoolean DROP_AT_EXIT =
        new java.util.concurrent.atomic.AtomicBoolean();

    private Database() {}

    /** Drops the schema when the JVM's tests end (on a connection of its own: pools close too). */
    public static void dropAtExit() {
      if (DROP_AT_EXIT.compareAndSet(false, true)) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(SCHEMA), "drop-test-schema"));
      }
    }

    /**
     * A second schema of this JVM's (as unique as {@link #SCHEMA}), for a test whose application
     * runs in a process of its own and cannot share the suite's pool; dropped when the JVM's tests
     * end.
     */
    public static String schemaOfItsOwn(String purpose) {
      String schema = SCHEMA + "_" + purpose;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(schema), "drop-" + schema));
      return schema;
    }

    /** The application's settings (name=value) that put its store and Flyway in this schema. */
    public static java.util.List<String> springProperties(String schema) {
      return java.util.List.of(
          "spring.datasource.url=" + URL,
          "spring.datasource.username=" + USER,
          "spring.datasource.password=" + PASSWORD,
          "spring.flyway.schemas=" + schema,
          "spring.flyway.default-schema=" + schema,
          "spring.datasource.hikari.connection-init-sql=set search_path to " + schema);
    }

    private static void drop(String schema) {
      try (Connection connection = connect();
          var statement = connection.createStatement()) {
        statement.execute("drop schema if exists " + schema + " cascade");
      } catch (SQLException e) {
        System.err.println("Test schema " + schema + " not dropped: " + e.getMessage());
      }
    }

    /** A connection of its own to the test server, given up after 3 s. */
    static Connection connect() throws SQLException {
      Properties props = new Properties();
      props.setProperty("user", USER);
      props.setProperty("password", PASSWORD);
      props.setProperty("connectTimeout", "3");
      return DriverManager.getConnection(URL, props);
    }

    private static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }
  }

  class Condition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      try (Connection ignored = Database.connect()) {
        return ConditionEvaluationResult.enabled("PostgreSQL answers at " + Database.URL);
      } catch (SQLException e) {
        String why = "PostgreSQL is not reachable at " + Database.URL + " (" + e.getMessage() + ")";
        if ("true".equalsIgnoreCase(System.getenv("LEAD_HANDOFF_REQUIRE_POSTGRES"))) {
          throw new IllegalStateException(why + ", and LEAD_HANDOFF_REQUIRE_POSTGRES=true");
        }
        return ConditionEvaluationResult.disabled(why + "; PostgreSQL store tests skipped");
      }
    }
  }
}
