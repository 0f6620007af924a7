package org.leadhandoff.engine;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.system.ClockConfiguration;
import org.leadhandoff.web.ApiProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The engine clock's HTTP contract as a web slice: the controller, the API's error answers and the
 * JSON mapping, with no engine and no lead store. Against a Camunda 8 platform (no embedded engine)
 * time is real, so moving it is refused; who may call it is {@code SecurityTest}'s.
 */
@WebMvcTest(
    controllers = EngineClockController.class,
    properties = "lead-handoff.engine.mode=remote")
@Import(ClockConfiguration.class)
@EnableConfigurationProperties({EngineProperties.class, ApiProperties.class})
@WithMockUser(roles = "ADMIN")
class EngineClockControllerTest {

  @Autowired MockMvc mvc;

  @Test
  @DisplayName("the clock reads the application's time, no offset, and the remote mode")
  void readsTheClock() throws Exception {
    mvc.perform(get("/api/engine/clock"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.mode").value("remote"))
        .andExpect(jsonPath("$.offset").value("PT0S"))
        .andExpect(jsonPath("$.now").isNotEmpty());
  }

  @Test
  @DisplayName("moving time on a real platform is refused with 409 and the reason")
  void refusedOnThePlatform() throws Exception {
    mvc.perform(
            post("/api/engine/clock")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"advanceBy\":\"P2D\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.title").value("Not the embedded engine"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "The clock can only be moved on the embedded engine; this application runs"
                        + " against a Camunda 8 platform, where time is real."));
  }

  @Test
  @DisplayName("a request without advanceBy, or with a duration that is not one, names the field")
  void badRequestNamesTheField() throws Exception {
    mvc.perform(
            post("/api/engine/clock")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("advanceBy"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("is required, as an ISO-8601 duration like P2D or PT4H"));
    mvc.perform(
            post("/api/engine/clock")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"advanceBy\":\"two days\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("advanceBy"));
  }
}
