package org.leadhandoff.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The business counters and the workers' timings, as Prometheus scrapes them. */
@EmbeddedEngineTest
class MetricsTest {

  @Autowired MockMvc http;
  @Autowired MeterRegistry registry;

  private double count(String name, String... tags) {
    var counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  private String scrape() throws Exception {
    return http.perform(get("/actuator/prometheus"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  @DisplayName("a capture counts once, its stages count as they are reached, workers are timed")
  void captureAndStages() throws Exception {
    double captured = count("leadhandoff.leads.captured", "outcome", "created");
    double inProfile = count("leadhandoff.stage.transitions", "to", "IN_PROFILE");
    String email = LeadFixtures.unique("metrics", "bigco.example");
    String body =
        """
        {"email": "%s", "firstName": "Max", "company": "BigCo", "companySize": 500,
         "industry": "software", "title": "CTO", "country": "GB", "source": "web-form"}
        """
            .formatted(email);
    http.perform(post("/api/leads").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().is2xxSuccessful());
    http.perform(post("/api/leads").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().is2xxSuccessful());

    assertThat(count("leadhandoff.leads.captured", "outcome", "created")).isEqualTo(captured + 1);
    await()
        .atMost(ProcessTestSupport.WAIT)
        .until(() -> count("leadhandoff.stage.transitions", "to", "IN_PROFILE") == inProfile + 1);

    String scraped = scrape();
    assertThat(scraped)
        .contains("leadhandoff_leads_captured_total{outcome=\"created\"}")
        .contains("leadhandoff_leads_captured_total{outcome=\"merged\"}")
        .contains("leadhandoff_stage_transitions_total{to=\"IN_PROFILE\"}")
        .contains("camunda_job_invocations_total")
        .containsPattern(
            "leadhandoff_worker_latency_seconds_count\\{outcome=\"completed\",type=\"score-fit\"");
  }
}
