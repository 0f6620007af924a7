package org.leadhandoff.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deploys the models again when the engine comes back after it could not be reached. An engine that
 * kept its state takes the same models as a no-op (same resources, no new version); an in-memory
 * engine that was restarted (the standalone engine, a test platform) has lost them, and without
 * them every lead captured afterwards would be published to no process. Each instance watches for
 * itself, every {@code lead-handoff.engine.check-every}.
 */
@Component
public class EngineReturn {

  private static final Logger log = LoggerFactory.getLogger(EngineReturn.class);

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final CamundaClient client;
  private final ModelDeployment deployment;
  private volatile boolean away;

  EngineReturn(CamundaClient client, ModelDeployment deployment) {
    this.client = client;
    this.deployment = deployment;
  }

  @Scheduled(
      fixedDelayString = "${lead-handoff.engine.check-every:PT10S}",
      initialDelayString = "${lead-handoff.engine.check-every:PT10S}")
  public void check() {
    boolean reachable;
    try {
      client.newTopologyRequest().requestTimeout(TIMEOUT).send().join();
      reachable = true;
    } catch (RuntimeException e) {
      reachable = false;
    }
    if (!reachable) {
      if (!away) {
        log.warn("The engine cannot be reached; the models are deployed again once it is back");
      }
      away = true;
      return;
    }
    if (away) {
      try {
        deployment.deploy();
        away = false;
        log.info("The engine is back; the models are deployed");
      } catch (RuntimeException e) {
        log.warn("The engine is back but the models could not be deployed yet: {}", e.getMessage());
      }
    }
  }
}
