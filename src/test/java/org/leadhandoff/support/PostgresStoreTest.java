package org.leadhandoff.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.flywaydb.core.Flyway;
import org.leadhandoff.support.PostgresAvailable.Database;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A lead-store test on PostgreSQL (where the machine has one, see {@link PostgresAvailable}), in
 * its own schema, emptied and migrated by the same Flyway scripts at each start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PostgresAvailable
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(PostgresStoreTest.CleanSchema.class)
@ContextConfiguration(initializers = PostgresStoreTest.Connection.class)
public @interface PostgresStoreTest {

  /** Points the data source and Flyway at the test schema. */
  class Connection implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      Database.dropAtExit();
      TestPropertyValues.of(Database.springProperties(Database.SCHEMA))
          .and("spring.flyway.clean-disabled=false")
          .applyTo(context);
    }
  }

  /** Every run starts from an empty schema, so an edited migration never meets an old one. */
  @TestConfiguration
  class CleanSchema {
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
      return (Flyway flyway) -> {
        flyway.clean();
        flyway.migrate();
      };
    }
  }
}
