package org.leadhandoff.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A qualifier says "away now, back at" in the inbox: routing skips them at once and says why,
 * managers see it on the roster, and they get leads again when they are back.
 */
@EmbeddedEngineTest
class AvailabilityTest {

  @Autowired MockMvc mvc;
  @Autowired RosterStore roster;
  @Autowired LeadFixtures leads;
  @Autowired ProcessTestSupport process;
  @Autowired Clock clock;

  private static RequestPostProcessor as(String name, String role) {
    return user(name).roles(role);
  }

  private static RequestPostProcessor riley() {
    return as("riley", "QUALIFIER");
  }

  private void away(RequestPostProcessor who, String body, int status) throws Exception {
    mvc.perform(
            put("/api/me/availability")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().is(status));
  }

  @AfterEach
  void everyoneBack() {
    roster.all().forEach(rep -> roster.setAway(rep.id(), null, null));
  }

  @Test
  @DisplayName(
      "a qualifier away until tomorrow is skipped by routing with the reason, shown away to the"
          + " manager, and given leads again once back")
  void awayThenBack() throws Exception {
    Instant backAt =
        clock.instant().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    away(riley(), "{\"away\":true,\"backAt\":\"" + backAt + "\"}", 200);
    mvc.perform(get("/api/me/availability").with(riley()))
        .andExpect(jsonPath("$.availability.code").value("OUT_OF_OFFICE"))
        .andExpect(jsonPath("$.backAt").value(backAt.toString()));
    mvc.perform(get("/api/reps").with(as("manager", "SALES_MANAGER")))
        .andExpect(jsonPath("$[?(@.rep.id == 'riley')].availability.code").value("OUT_OF_OFFICE"))
        .andExpect(
            jsonPath("$[?(@.rep.id == 'riley')].availability.backAt").value(backAt.toString()));

    UUID whileAway = process.hotLeadInQualification(leads);
    RosterStore.RoutingRecord routed = roster.history(whileAway).getFirst();
    assertThat(routed.chosenRep()).isNotEqualTo("riley");
    assertThat(routed.candidates()).contains("\"repId\":\"riley\"").contains("OUT_OF_OFFICE");

    away(riley(), "{\"away\":false}", 200);
    mvc.perform(get("/api/me/availability").with(riley()))
        .andExpect(jsonPath("$.availability.code").value("AVAILABLE"))
        .andExpect(jsonPath("$.awayFrom").isEmpty());
    UUID afterReturn = process.hotLeadInQualification(leads);
    assertThat(roster.history(afterReturn).getFirst().candidates())
        .as("riley is a candidate again")
        .doesNotContain("OUT_OF_OFFICE");
  }

  @Test
  @DisplayName("an away that ends at a time ends by itself when the clock gets there")
  void awayEndsByItself() throws Exception {
    away(
        riley(),
        "{\"away\":true,\"backAt\":\"" + clock.instant().plus(Duration.ofHours(1)) + "\"}",
        200);
    mvc.perform(get("/api/me/availability").with(riley()))
        .andExpect(jsonPath("$.availability.code").value("OUT_OF_OFFICE"));
    process.advance(Duration.ofHours(2));
    mvc.perform(get("/api/me/availability").with(riley()))
        .andExpect(jsonPath("$.availability.code").value("AVAILABLE"));
  }

  @Test
  @DisplayName(
      "a back-at in the past, a missing answer and a back-at with 'back' are 400s naming the"
          + " field; managers and marketing set nobody's availability here; someone not on the"
          + " roster is told so")
  void refusals() throws Exception {
    away(
        riley(),
        "{\"away\":true,\"backAt\":\"" + clock.instant().minus(Duration.ofHours(1)) + "\"}",
        400);
    mvc.perform(
            put("/api/me/availability")
                .with(riley())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("away"));
    away(riley(), "{\"away\":false,\"backAt\":\"2030-01-01T00:00:00Z\"}", 400);
    // A back-at years ahead (or at the end of time) is refused, not a 500.
    away(riley(), "{\"away\":true,\"backAt\":\"+1000000000-12-31T23:59:59Z\"}", 400);
    away(
        riley(),
        "{\"away\":true,\"backAt\":\"" + clock.instant().plus(Duration.ofDays(400)) + "\"}",
        400);
    away(as("manager", "SALES_MANAGER"), "{\"away\":true}", 403);
    away(as("marketing", "MARKETING"), "{\"away\":true}", 403);
    mvc.perform(get("/api/me/availability").with(as("newcomer", "QUALIFIER")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("You are not")));
    assertThat(roster.find("riley").orElseThrow().outOfOfficeFrom())
        .as("nothing refused changed anything")
        .isNull();
  }
}
