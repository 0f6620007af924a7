package org.leadhandoff.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In embedded mode, points the Camunda client at the in-memory engine, whatever else is configured:
 * plaintext gRPC on the loopback interface (the engine serves no REST API), on a free port unless
 * one is set, with credentials made up for this start that the engine checks on every call.
 */
public class EmbeddedEngineEnvironment implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY_SOURCE = "leadHandoffEmbeddedEngine";
  static final String PORT_PROPERTY = EngineProperties.PREFIX + ".embedded.port";
  static final String SECRET_PROPERTY = EngineProperties.PREFIX + ".embedded.secret";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!isEmbedded(environment)) {
      return;
    }
    int port = environment.getProperty(PORT_PROPERTY, Integer.class, 0);
    if (port == 0) {
      port = freePort();
    }
    String address = "http://127.0.0.1:" + port;
    // The engine refuses calls without it (EmbeddedEngineFactory); made up at each start, never
    // stored.
    String secret = secret();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(PORT_PROPERTY, port);
    properties.put(SECRET_PROPERTY, secret);
    properties.put("camunda.client.mode", "self-managed");
    properties.put("camunda.client.grpc-address", address);
    properties.put("camunda.client.rest-address", address);
    properties.put("camunda.client.prefer-rest-over-grpc", false);
    properties.put("camunda.client.auth.method", "basic");
    properties.put("camunda.client.auth.username", EmbeddedEngineFactory.CLIENT);
    properties.put("camunda.client.auth.password", secret);
    // Plaintext is right for a loopback-only engine; the client warns about it on every call.
    properties.put("logging.level.io.camunda.client.impl.CamundaCallCredentials", "ERROR");
    environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
  }

  static boolean isEmbedded(ConfigurableEnvironment environment) {
    String mode = environment.getProperty(EngineProperties.PREFIX + ".mode", "embedded");
    return EngineProperties.Mode.EMBEDDED.name().equals(mode.trim().toUpperCase(Locale.ROOT));
  }

  private static String secret() {
    byte[] bytes = new byte[24];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded engine", e);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
