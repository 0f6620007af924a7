package org.leadhandoff.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which Zeebe engine the application talks to.
 *
 * @param mode {@code embedded} starts an in-memory engine inside the application; {@code remote}
 *     connects to a Camunda 8 gateway configured through the standard {@code camunda.client.*}
 *     properties or their environment variables.
 * @param embedded settings of the in-memory engine
 */
@ConfigurationProperties("lead-handoff.engine")
public record EngineProperties(
    @DefaultValue("embedded") Mode mode, @DefaultValue Embedded embedded) {

  public static final String PREFIX = "lead-handoff.engine";

  public enum Mode {
    EMBEDDED,
    REMOTE
  }

  /**
   * @param port the gRPC port of the in-memory engine on 127.0.0.1; 0 (the default) picks a free
   *     one at each start
   * @param secret the credentials the engine asks of every call: made up at each start
   * @param keepLog whether the engine keeps every record it wrote: tests read them; an application
   *     lets the engine drop what it has processed, or its memory grows with every lead
   */
  public record Embedded(
      @DefaultValue("0") int port, String secret, @DefaultValue("false") boolean keepLog) {
    @Override
    public String toString() {
      return "Embedded[port=" + port + ", keepLog=" + keepLog + "]";
    }
  }
}
