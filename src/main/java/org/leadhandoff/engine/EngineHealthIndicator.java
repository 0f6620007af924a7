package org.leadhandoff.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Reports whether the Zeebe gateway answers and has a broker, with a short timeout so that a dead
 * gateway makes health DOWN quickly instead of hanging the probe.
 */
@Component("engineHealthIndicator")
class EngineHealthIndicator extends AbstractHealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final CamundaClient client;
  private final EngineProperties properties;

  EngineHealthIndicator(CamundaClient client, EngineProperties properties) {
    super("The Zeebe gateway did not answer");
    this.client = client;
    this.properties = properties;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("mode", properties.mode().name().toLowerCase());
    if (properties.mode() == EngineProperties.Mode.EMBEDDED) {
      builder.withDetail("persistence", "in memory only: running instances are lost on restart");
    }
    Topology topology = client.newTopologyRequest().requestTimeout(TIMEOUT).send().join();
    builder
        .withDetail("gatewayVersion", topology.getGatewayVersion())
        .withDetail("brokers", topology.getBrokers().size())
        .withDetail("partitions", topology.getPartitionsCount());
    if (topology.getBrokers().isEmpty()) {
      builder.down();
    } else {
      builder.up();
    }
  }
}
