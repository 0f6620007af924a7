package org.leadhandoff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.lead.ActivityKind;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.monitoring.Metric;
import org.leadhandoff.process.Outcomes;
import org.leadhandoff.routing.Role;
import org.leadhandoff.scoring.Grade;
import org.leadhandoff.scoring.SourceCategory;
import org.leadhandoff.scoring.Temperature;
import org.leadhandoff.security.AppRole;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.system.MessageCatalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** One catalogue for every text a person reads, in English and German. */
@EmbeddedEngineTest
class MessageCatalogueTest {

  @Autowired MessageCatalogue catalogue;
  @Autowired MockMvc mvc;

  @Test
  @DisplayName("every English text of the catalogue has its German translation")
  void germanIsComplete() {
    assertThat(catalogue.untranslated(Locale.GERMAN)).isEmpty();
  }

  @Test
  @DisplayName("no key is written twice in a catalogue file (the later one would silently win)")
  void noKeyTwice() throws Exception {
    for (String bundle : MessageCatalogue.BUNDLES) {
      for (String suffix : List.of("", "_de")) {
        String name = "/i18n/" + bundle + suffix + ".properties";
        List<String> keys;
        try (var in = getClass().getResourceAsStream(name)) {
          keys =
              new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                  .lines()
                  .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                  .map(line -> line.substring(0, line.indexOf('=')).strip())
                  .toList();
        }
        assertThat(keys).as(name).doesNotHaveDuplicates();
      }
    }
  }

  @Test
  @DisplayName("every code a page or mail shows has words in the catalogue")
  void everyCodeHasWords() {
    List<String> missing =
        Stream.of(
                codes("stage", Stage.values()),
                codes("temperature", Temperature.values()),
                codes("grade", Grade.values()),
                codes("sourceCategory", SourceCategory.values()),
                codes("role", Role.values()),
                codes("role", AppRole.values()),
                codes("activity", ActivityKind.values()),
                codes("metric", Metric.values()),
                codes("outcome", Outcomes.QualificationOutcome.values()),
                codes("outcome", Outcomes.SalesDecision.values()))
            .flatMap(List::stream)
            .filter(key -> catalogue.text(Locale.ENGLISH, key).equals(key))
            .toList();
    assertThat(missing).isEmpty();
  }

  private static List<String> codes(String kind, Enum<?>[] values) {
    return Arrays.stream(values).map(v -> kind + "." + v.name()).toList();
  }

  @Test
  @DisplayName(
      "the pages read the catalogue without signing in, in the language asked for, else the browser's, else English")
  void catalogueApi() throws Exception {
    mvc.perform(get("/api/messages").param("lang", "de").with(anonymous()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.language").value("de"))
        .andExpect(jsonPath("$.messages['stage.OPPORTUNITY']").value("Verkaufschance"))
        .andExpect(jsonPath("$.languages[1].name").value("Deutsch"));
    mvc.perform(
            get("/api/messages")
                .header("Accept-Language", "de-AT,de;q=0.9,en;q=0.5")
                .with(anonymous()))
        .andExpect(jsonPath("$.language").value("de"));
    mvc.perform(get("/api/messages").header("Accept-Language", "fr-FR,fr;q=0.9").with(anonymous()))
        .andExpect(jsonPath("$.language").value("en"))
        .andExpect(jsonPath("$.messages['stage.OPPORTUNITY']").value("Opportunity"));
    mvc.perform(get("/api/messages").param("lang", "not a language!").with(anonymous()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.language").value("en"));
  }

  @Test
  @DisplayName(
      "placeholders are filled; a key the catalogue lacks shows as itself, a code as words")
  void placeholdersAndMissingKeys() {
    assertThat(
            catalogue.text(
                Locale.GERMAN,
                "activity.ESCALATION",
                java.util.Map.of("role", "Lead-Qualifizierer", "code", "zu oft umgeleitet")))
        .isEqualTo("Lead-Qualifizierer: an die Vertriebsleitung eskaliert (zu oft umgeleitet)");
    assertThat(catalogue.text(Locale.ENGLISH, "no.such.key")).isEqualTo("no.such.key");
    assertThat(catalogue.code(Locale.ENGLISH, "reason", "SOMETHING_NEW"))
        .isEqualTo("something new");
    assertThat(catalogue.code(Locale.GERMAN, "reason", "NO_BUDGET")).isEqualTo("kein Budget");
  }
}
