package org.leadhandoff.routing;

import org.flywaydb.core.Flyway;
import org.leadhandoff.support.PostgresAvailable;
import org.leadhandoff.support.PostgresAvailable.Database;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Routing on PostgreSQL, where row locks are real. */
@PostgresAvailable
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(PostgresRoutingServiceTest.CleanSchema.class)
class PostgresRoutingServiceTest extends RoutingServiceContract {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> Database.URL);
    registry.add("spring.datasource.username", () -> Database.USER);
    registry.add("spring.datasource.password", () -> Database.PASSWORD);
    registry.add("spring.flyway.schemas", () -> Database.SCHEMA);
    registry.add("spring.flyway.default-schema", () -> Database.SCHEMA);
    registry.add("spring.flyway.clean-disabled", () -> "false");
    registry.add(
        "spring.datasource.hikari.connection-init-sql",
        () -> "set search_path to " + Database.SCHEMA);
  }

  /** Every run starts from an empty schema, so an edited migration never meets an old one. */
  @TestConfiguration
  static class CleanSchema {
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
      return (Flyway flyway) -> {
        flyway.clean();
        flyway.migrate();
      };
    }
  }
}
