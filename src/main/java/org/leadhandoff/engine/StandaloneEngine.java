package org.leadhandoff.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.util.concurrent.CountDownLatch;

/**
 * The in-memory engine of the embedded mode in a process of its own, for running several instances
 * of the application (profiles {@code remote,standalone-engine}) on a machine without Docker. It
 * stands in for the Camunda 8 platform, which stays the production runtime: it keeps its state only
 * while it runs (a restart of this process loses every running lifecycle, the lead store keeps its
 * data) and its jars are under the Camunda License (non-production).
 *
 * <p>Started by {@code ./mvnw -Pengine spring-boot:run}. It listens on 127.0.0.1 only, at {@code
 * LEAD_HANDOFF_ENGINE_PORT} (26500), and answers only callers that present {@code
 * LEAD_HANDOFF_ENGINE_SECRET} (16 characters or more, required), as the applications of profile
 * {@code standalone-engine} do.
 */
public final class StandaloneEngine {

  static final String PORT = "LEAD_HANDOFF_ENGINE_PORT";
  static final String SECRET = "LEAD_HANDOFF_ENGINE_SECRET";
  static final int DEFAULT_PORT = 26500;

  private StandaloneEngine() {}

  public static void main(String[] args) throws InterruptedException {
    String secret = System.getenv(SECRET);
    if (secret == null || secret.length() < 16) {
      System.err.println(
          SECRET
              + " must be set to a secret of 16 characters or more: the engine answers only"
              + " callers that present it (set the same value for the applications).");
      System.exit(2);
    }
    int port = port(System.getenv(PORT));
    ZeebeTestEngine engine = EmbeddedEngineFactory.create(port, secret, false);
    engine.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  engine.stop();
                  stopped.countDown();
                },
                "stop-engine"));
    // A line a script or a test can wait for.
    System.out.println(
        "Lead Handoff engine listening on 127.0.0.1:"
            + port
            + " (state kept only while it runs: stopping it loses every running lifecycle)");
    System.out.flush();
    stopped.await();
  }

  static int port(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value.strip());
      if (port < 1 || port > 65_535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      System.err.println(PORT + " must be a port number (1-65535), not '" + value + "'");
      System.exit(2);
      return -1;
    }
  }
}
