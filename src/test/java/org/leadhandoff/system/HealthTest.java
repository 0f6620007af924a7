package org.leadhandoff.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@EmbeddedEngineTest
class HealthTest {

  @Autowired MockMvc mvc;

  @Test
  @DisplayName("health reports the engine connection and the lead store")
  void healthReportsEngineAndDatabase() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"))
        .andExpect(jsonPath("$.components.engine.status").value("UP"))
        .andExpect(jsonPath("$.components.engine.details.mode").value("embedded"))
        .andExpect(jsonPath("$.components.engine.details.brokers").value(1))
        .andExpect(jsonPath("$.components.db.status").value("UP"))
        .andExpect(jsonPath("$.components.db.details.database").value("H2"));
  }
}
