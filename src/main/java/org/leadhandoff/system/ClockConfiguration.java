package org.leadhandoff.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for every timestamp the application writes, in UTC. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

  @Bean
  ApplicationClock clock() {
    return new ApplicationClock();
  }
}
