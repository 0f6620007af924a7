package org.leadhandoff.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.leadhandoff.LeadHandoffApplication;
import org.leadhandoff.engine.StandaloneEngine;
import org.leadhandoff.support.PostgresAvailable.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Instances of the application as a cluster runs them: each a JVM of its own, all on one PostgreSQL
 * schema and one engine in a process of its own (the standalone engine), talking to it over
 * loopback with its secret, mailing to the test's SMTP server. An instance can be killed (SIGKILL,
 * as a crash) or stopped and started again while the others and the engine go on.
 */
public final class LocalCluster implements AutoCloseable {

  /** Made up for these tests, not a secret of any real system. */
  static final String ENGINE_SECRET = "local-cluster-test-engine-secret";

  private static final Duration START_UP = Duration.ofMinutes(3);

  /** An application instance: its HTTP port, its process and its log. */
  public record Instance(String name, int port, Process process, Path log) {
    public URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }
  }

  private final Path dir;
  private final String schema;
  private final int smtpPort;
  private final List<String> settings;
  private final int enginePort = freePort();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Map<String, Instance> instances = new LinkedHashMap<>();
  private Process engine;
  private int started;

  /**
   * @param settings more of the application's settings ({@code --name=value}) for every instance
   */
  public LocalCluster(Path dir, String purpose, int smtpPort, List<String> settings) {
    this.dir = dir;
    this.schema = Database.schemaOfItsOwn(purpose);
    this.smtpPort = smtpPort;
    this.settings = List.copyOf(settings);
  }

  /** Starts the engine and waits until it listens. */
  public void startEngine() throws IOException {
    Path log = dir.resolve("engine.log");
    ProcessBuilder builder = java(StandaloneEngine.class.getName(), List.of());
    builder.environment().put("LEAD_HANDOFF_ENGINE_SECRET", ENGINE_SECRET);
    builder.environment().put("LEAD_HANDOFF_ENGINE_PORT", Integer.toString(enginePort));
    engine = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      await()
          .atMost(START_UP)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !engine.isAlive() || Files.readString(log).contains("engine listening on"));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("The engine did not start; its log:\n" + tail(log), e);
    }
    if (!engine.isAlive()) {
      throw new AssertionError("The engine stopped at start-up; its log:\n" + tail(log));
    }
  }

  /** Starts an instance and waits until it is ready (it reaches the store and the engine). */
  public Instance start(String name) throws IOException {
    int port = freePort();
    Path home = Files.createDirectories(dir.resolve(name));
    Path log = home.resolve("run-" + (++started) + ".log");
    List<String> arguments = new ArrayList<>();
    Database.springProperties(schema).forEach(setting -> arguments.add("--" + setting));
    arguments.addAll(
        List.of(
            "--spring.profiles.active=remote,standalone-engine",
            "--server.port=" + port,
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtpPort,
            "--lead-handoff.imports.directory=" + home.resolve("imports"),
            "--lead-handoff.security.admin-password=" + TestIdentity.PASSWORD,
            "--lead-handoff.security.initial-password-file=" + home.resolve("initial-password"),
            // Jobs a killed instance had activated come back to the others this soon.
            "--camunda.client.worker.defaults.timeout=PT20S"));
    arguments.addAll(settings);
    ProcessBuilder builder = java(LeadHandoffApplication.class.getName(), arguments);
    builder.environment().put("LEAD_HANDOFF_ENGINE_SECRET", ENGINE_SECRET);
    builder.environment().put("LEAD_HANDOFF_ENGINE_PORT", Integer.toString(enginePort));
    Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Instance instance = new Instance(name, port, process, log);
    instances.put(name, instance);
    try {
      await()
          .atMost(START_UP)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(() -> !process.isAlive() || ready(instance));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "Instance " + name + " did not get ready; its log:\n" + tail(log), e);
    }
    if (!process.isAlive()) {
      throw new AssertionError("Instance " + name + " stopped at start-up; its log:\n" + tail(log));
    }
    return instance;
  }

  private boolean ready(Instance instance) throws IOException, InterruptedException {
    return http.send(
                HttpRequest.newBuilder(instance.uri("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode()
        == 200;
  }

  /** The instance of this name as last started. */
  public Instance instance(String name) {
    return instances.get(name);
  }

  /** SIGKILL: no shutdown hook, no graceful stop; whatever it held is left as a crash leaves it. */
  public void kill(Instance instance) throws InterruptedException {
    instance.process().destroyForcibly();
    instance.process().waitFor();
  }

  /** SIGTERM: the instance finishes what it can and stops, as in a rolling restart. */
  public void stop(Instance instance) throws InterruptedException {
    instance.process().destroy();
    if (!instance.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      instance.process().destroyForcibly().waitFor();
    }
  }

  /** The lead store of the cluster, for what the test counts. */
  public JdbcClient store() {
    String url =
        Database.URL + (Database.URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return JdbcClient.create(new DriverManagerDataSource(url, Database.USER, Database.PASSWORD));
  }

  /** The last lines of every log, for a failure message. */
  public String logs() {
    StringBuilder out = new StringBuilder();
    try {
      out.append("== engine\n").append(tail(dir.resolve("engine.log")));
      for (Instance instance : instances.values()) {
        out.append("\n== ").append(instance.name()).append('\n').append(tail(instance.log()));
      }
    } catch (IOException e) {
      out.append("(logs unreadable: ").append(e.getMessage()).append(')');
    }
    return out.toString();
  }

  @Override
  public void close() {
    for (Instance instance : instances.values()) {
      instance.process().destroyForcibly();
    }
    if (engine != null) {
      engine.destroyForcibly();
    }
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }

  /** A JVM of the test's own Java on the test's class path, running the main class. */
  private static ProcessBuilder java(String mainClass, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx768m");
    command.add("-cp");
    // Surefire lists some entries twice; the application would find its models twice.
    command.add(
        String.join(
            java.io.File.pathSeparator,
            new LinkedHashSet<>(
                List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)))));
    command.add(mainClass);
    command.addAll(arguments);
    return new ProcessBuilder(command);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port", e);
    }
  }
}
