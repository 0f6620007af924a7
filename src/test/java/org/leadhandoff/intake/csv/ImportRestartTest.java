package org.leadhandoff.intake.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadhandoff.LeadHandoffApplication;
import org.leadhandoff.support.OwnEngine;
import org.leadhandoff.support.PostgresAvailable;
import org.leadhandoff.support.PostgresAvailable.Database;
import org.leadhandoff.support.TestIdentity;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import whose application is killed resumes where it stopped and imports no row twice. It runs
 * on PostgreSQL, the production store: what a SIGKILL leaves of a committed transaction is the
 * database's crash recovery, and a loaded run on the embedded H2 file once came back with a lead of
 * the interrupted batch but not its checkpoint (created 399, merged 1).
 */
@OwnEngine
@PostgresAvailable
class ImportRestartTest {

  private static final int ROWS = 400;

  private static final String SCHEMA = Database.schemaOfItsOwn("import_restart");

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

  private String[] arguments(int port) {
    return Stream.concat(
            Database.springProperties(SCHEMA).stream().map(setting -> "--" + setting),
            Stream.of(
                "--server.port=" + port,
                "--lead-handoff.engine.embedded.port=0",
                "--lead-handoff.imports.directory=" + dir.resolve("imports"),
                "--lead-handoff.imports.batch-size=20",
                "--lead-handoff.imports.pause-between-batches=PT0.05S",
                // The killed run's lease on the import runs out this soon after the kill.
                "--lead-handoff.imports.lease-for=PT3S",
                "--lead-handoff.security.admin-password=" + TestIdentity.PASSWORD,
                "--lead-handoff.security.demo-password=" + TestIdentity.DEMO_PASSWORD))
        .toArray(String[]::new);
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(LeadHandoffApplication.class).run(arguments(0));
  }

  /** The application in a JVM of its own, so that it can be killed as a crash would. */
  private Process startKillable(int port) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    // Surefire lists some entries twice; the application would find its models twice.
    command.add(
        String.join(
            java.io.File.pathSeparator,
            new java.util.LinkedHashSet<>(
                List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)))));
    command.add(LeadHandoffApplication.class.getName());
    command.addAll(List.of(arguments(port)));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("killed-run.log").toFile())
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private ImportStatus status(ConfigurableApplicationContext app, UUID id) throws Exception {
    return status(app.getEnvironment().getProperty("local.server.port"), id);
  }

  private ImportStatus status(String port, UUID id) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/imports/" + id))
                .header("Authorization", TestIdentity.basic("marketing"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readValue(response.body(), ImportStatus.class);
  }

  @Test
  @DisplayName(
      "an import whose application is killed (SIGKILL) resumes on restart without duplicates")
  void resumesAfterRestart() throws Exception {
    String csv =
        "email,company\n"
            + IntStream.range(0, ROWS)
                .mapToObj(i -> "lead" + i + "@restart.example,Co " + i)
                .collect(Collectors.joining("\n"))
            + "\n";
    UUID importId;
    String port = Integer.toString(freePort());
    Process first = startKillable(Integer.parseInt(port));
    try {
      await()
          .ignoreExceptions()
          .until(
              () ->
                  http.send(
                              HttpRequest.newBuilder(
                                      URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                  .build(),
                              HttpResponse.BodyHandlers.ofString())
                          .statusCode()
                      == 200);
      HttpResponse<String> accepted =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://127.0.0.1:" + port + "/api/leads/import?source=trade-show"))
                  .header("Content-Type", "text/csv")
                  .header("Authorization", TestIdentity.basic("marketing"))
                  .POST(HttpRequest.BodyPublishers.ofString(csv))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(accepted.statusCode()).isEqualTo(202);
      importId = UUID.fromString(json.readTree(accepted.body()).get("importId").asText());
      await().until(() -> status(port, importId).rowsProcessed() >= 60);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "The killable application did not get there; its log:\n"
              + java.nio.file.Files.readString(dir.resolve("killed-run.log")),
          e);
    } finally {
      // SIGKILL: no shutdown hook, no graceful stop, a batch may be half-way.
      first.destroyForcibly();
      first.waitFor();
    }

    try (ConfigurableApplicationContext second = start()) {
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      ImportStatus stopped =
          jdbc.sql("select state, rows_processed from lead_import where id = ?")
              .param(importId)
              .query(
                  (rs, n) ->
                      new ImportStatus(
                          importId,
                          null,
                          null,
                          null,
                          ImportState.valueOf(rs.getString(1)),
                          null,
                          rs.getInt(2),
                          0,
                          0,
                          0,
                          0,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null))
              .single();
      assertThat(stopped.rowsProcessed()).as("stopped part-way").isLessThan(ROWS);

      ImportStatus done =
          await()
              .atMost(java.time.Duration.ofSeconds(60))
              .until(() -> status(second, importId), s -> s.state() == ImportState.DONE);

      // All four at once, so that a failure tells where a row went (created, merged or rejected).
      assertThat(List.of(done.rowsProcessed(), done.created(), done.merged(), done.rejected()))
          .as(
              "rows processed, created, merged, rejected (resumed after row %d)",
              stopped.rowsProcessed())
          .containsExactly(ROWS, ROWS, 0, 0);
      assertThat(
              jdbc.sql("select count(*) from lead where email like '%@restart.example'")
                  .query(Long.class)
                  .single())
          .isEqualTo(ROWS);
      assertThat(
              jdbc.sql(
                      "select count(*) from lead_stage_change c join lead l on l.id = c.lead_id where l.email like '%@restart.example' and c.to_stage = 'NAME'")
                  .query(Long.class)
                  .single())
          .isEqualTo(ROWS);
      assertThat(
              jdbc.sql("select count(*) from outbox where kind = 'LEAD_CAPTURED'")
                  .query(Long.class)
                  .single())
          .as("one lifecycle start per lead")
          .isEqualTo(ROWS);
    }
  }
}
