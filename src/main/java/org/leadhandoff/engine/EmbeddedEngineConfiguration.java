package org.leadhandoff.engine;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the in-memory Zeebe engine inside the application (the default "embedded" mode). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    prefix = EngineProperties.PREFIX,
    name = "mode",
    havingValue = "embedded",
    matchIfMissing = true)
class EmbeddedEngineConfiguration {

  static final String ENGINE_BEAN = "embeddedZeebeEngine";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineConfiguration.class);

  @Bean(name = ENGINE_BEAN, destroyMethod = "stop")
  ZeebeTestEngine embeddedZeebeEngine(EngineProperties properties) {
    int port = properties.embedded().port();
    ZeebeTestEngine engine =
        EmbeddedEngineFactory.create(
            port, properties.embedded().secret(), properties.embedded().keepLog());
    engine.start();
    log.warn(
        "Embedded Zeebe engine started on 127.0.0.1:{}, for this application's client only. It"
            + " keeps process state only while it runs: a restart loses every running lead process"
            + " (the lead store keeps its data). This mode is for evaluation and development; run"
            + " production on the Camunda 8 platform (lead-handoff.engine.mode=remote).",
        port);
    return engine;
  }

  /** The client must not be created, and workers must not poll, before the engine listens. */
  @Bean
  static BeanFactoryPostProcessor camundaClientDependsOnEmbeddedEngine() {
    return beanFactory -> dependOnEngine(beanFactory);
  }

  private static void dependOnEngine(ConfigurableListableBeanFactory beanFactory) {
    for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
      BeanDefinition definition = beanFactory.getBeanDefinition(name);
      Set<String> dependsOn = new LinkedHashSet<>();
      if (definition.getDependsOn() != null) {
        dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
      }
      dependsOn.add(ENGINE_BEAN);
      definition.setDependsOn(dependsOn.toArray(String[]::new));
    }
  }
}
