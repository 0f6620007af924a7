package org.leadhandoff.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.JsonMapper;
import io.camunda.client.impl.CamundaObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP API refuses unknown JSON fields (a misspelt field must not be dropped silently), but
 * process variables are open: a worker reads the variables it needs and ignores the rest.
 */
@Configuration(proxyBeanMethods = false)
class EngineJsonConfiguration {

  @Bean("camundaJsonMapper")
  JsonMapper camundaJsonMapper(ObjectMapper objectMapper) {
    return new CamundaObjectMapper(
        objectMapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
  }
}
