package org.leadhandoff.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reasons kept as a code and facts read as sentences in each shipped language. */
class ReasonWordsTest {

  private final MessageCatalogue catalogue = new MessageCatalogue();

  @Test
  @DisplayName("a stage reason's facts become words: codes, a list, a number and a date")
  void factsInWords() {
    Why sql = Why.of("QUALIFIED_BY_PHONE", "confirmed", List.of("BUDGET", "NEED"));
    Why won = Why.of("ACCEPTED_BY_SALES", "amount", 12000, "expectedClose", "2027-03-31");

    assertThat(catalogue.explain(Locale.ENGLISH, sql))
        .isEqualTo("qualified by phone, confirmed: budget, need");
    assertThat(catalogue.explain(Locale.GERMAN, sql))
        .isEqualTo("telefonisch qualifiziert, bestätigt: Budget, Bedarf");
    assertThat(catalogue.explain(Locale.ENGLISH, won))
        .isEqualTo("accepted by sales: amount 12,000, expected close Mar 31, 2027");
    assertThat(catalogue.explain(Locale.GERMAN, won))
        .isEqualTo("vom Vertrieb angenommen: Betrag 12.000, erwarteter Abschluss 31.03.2027");
  }

  @Test
  @DisplayName("facts that are not given leave their clause out; a person's note stays as written")
  void optionalFactsAndNotes() {
    assertThat(
            catalogue.explain(Locale.ENGLISH, Why.of("QUALIFIED_BY_PHONE", "confirmed", List.of())))
        .isEqualTo("qualified by phone");
    assertThat(catalogue.explain(Locale.ENGLISH, Why.of("HANDED_TO_QUALIFIERS")))
        .isEqualTo("handed to the qualifiers");
    assertThat(catalogue.explain(Locale.ENGLISH, Why.of("HANDED_TO_QUALIFIERS", "heat", "HOT")))
        .isEqualTo("handed to the qualifiers as a hot lead");
    Why rejected =
        Why.of("REJECTED_BY_SALES", "reason", "NO_BUDGET").with("note", "  Budget frei ab Q3 ");
    assertThat(catalogue.explain(Locale.ENGLISH, rejected))
        .isEqualTo("rejected by sales: no budget; notes: Budget frei ab Q3");
    assertThat(catalogue.explain(Locale.GERMAN, rejected))
        .isEqualTo("vom Vertrieb abgelehnt: kein Budget; Notiz: Budget frei ab Q3");
  }

  @Test
  @DisplayName("a count picks the singular or plural sentence; a country reads by its name")
  void countsAndCountries() {
    assertThat(catalogue.explain(Locale.ENGLISH, Why.of("NO_ANSWER", "count", 1)))
        .isEqualTo("no answer after 1 call attempt");
    assertThat(catalogue.explain(Locale.GERMAN, Why.of("NO_ANSWER", "count", 3)))
        .isEqualTo("keine Antwort nach 3 Anrufversuchen");
    Why routed = Why.of("ROUND_ROBIN", "team", "QUALIFIER", "country", "DE");
    assertThat(catalogue.explain(Locale.ENGLISH, routed))
        .isEqualTo("next in turn among the qualifiers covering Germany");
    assertThat(catalogue.explain(Locale.GERMAN, routed))
        .isEqualTo("der Reihe nach unter den Qualifizierern (Land: Deutschland)");
    // A country's name in German may need an article ("die Vereinigten Staaten"): never after
    // "für".
    assertThat(
            catalogue.explain(
                Locale.GERMAN, Why.of("ROUND_ROBIN", "team", "QUALIFIER", "country", "US")))
        .isEqualTo("der Reihe nach unter den Qualifizierern (Land: Vereinigte Staaten)");
    assertThat(
            catalogue.explain(
                Locale.GERMAN, Why.of("ROUND_ROBIN", "team", "SALES_REP", "country", "ANY")))
        .isEqualTo("der Reihe nach unter den Vertriebsmitarbeitern (Land: alle Länder)");
  }

  @Test
  @DisplayName(
      "names the criteria and the routing table keep read in the reader's words; an operator's own"
          + " name reads as written")
  void namesOfCriteriaAndRules() {
    Why routed =
        Why.of("ROUND_ROBIN", "team", "SALES_REP", "country", "DE")
            .with("rule", "everyone of the role");
    assertThat(catalogue.explain(Locale.GERMAN, routed))
        .isEqualTo(
            "der Reihe nach unter den Vertriebsmitarbeitern (Land: Deutschland), nach der"
                + " Routing-Regel „alle in dieser Rolle“");
    assertThat(catalogue.explain(Locale.ENGLISH, routed))
        .endsWith("by the routing rule “everyone of the role”");
    // A rule a designer wrote into the table without words in the catalogue: as written.
    assertThat(catalogue.explain(Locale.GERMAN, routed.with("rule", "Enterprise EMEA")))
        .endsWith("„Enterprise EMEA“");
    assertThat(catalogue.name(Locale.GERMAN, "source", "trade-show")).isEqualTo("Messe");
    assertThat(catalogue.name(Locale.GERMAN, "industry", "financial-services"))
        .isEqualTo("Finanzdienstleistungen");
    assertThat(catalogue.name(Locale.GERMAN, "criteriaLabel", "senior decision maker"))
        .isEqualTo("leitende Entscheider");
    assertThat(catalogue.name(Locale.GERMAN, "source", "messe-koeln-2026"))
        .isEqualTo("messe-koeln-2026");
    assertThat(catalogue.name(Locale.ENGLISH, "source", "Expo 2026")).isEqualTo("Expo 2026");
  }

  @Test
  @DisplayName(
      "a code without a sentence reads as its reason's words; a designer's own code keeps the"
          + " words the model gave")
  void codesWithoutSentences() {
    assertThat(catalogue.explain(Locale.GERMAN, Why.of("SPAM"))).isEqualTo("Spam");
    assertThat(catalogue.explain(Locale.GERMAN, "SPAM", null, "SPAM")).isEqualTo("Spam");
    assertThat(catalogue.explain(Locale.GERMAN, "OUR_OWN_RULE", null, "our own words"))
        .isEqualTo("our own words");
    assertThat(catalogue.explain(Locale.GERMAN, null, null, "captured from web"))
        .isEqualTo("captured from web");
    // A capture says where from in each reader's words.
    Why captured = Why.of("CAPTURED").with("source", "web-form");
    assertThat(catalogue.explain(Locale.ENGLISH, captured)).isEqualTo("captured from web form");
    assertThat(catalogue.explain(Locale.GERMAN, captured)).isEqualTo("erfasst aus Webformular");
  }

  @Test
  @DisplayName("every reason code the models give a milestone has words in every language")
  void everyModelReasonHasWords() throws IOException {
    Pattern literal =
        Pattern.compile(
            "source=['\"]=(?:&quot;|\")([A-Z_]+)(?:&quot;|\")['\"] target=\"stageReasonCode\"");
    List<String> codes;
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      codes =
          models
              .filter(p -> p.toString().endsWith(".bpmn"))
              .flatMap(
                  p -> {
                    try {
                      Matcher m = literal.matcher(Files.readString(p));
                      return m.results().map(r -> r.group(1)).toList().stream();
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .distinct()
              .toList();
    }
    assertThat(codes).contains("FIT_SCORED", "QUALIFIED_BY_PHONE", "MIS_SCORED");
    for (Locale language : MessageCatalogue.LANGUAGES) {
      for (String code : codes) {
        assertThat(
                Stream.of("why." + code, "why." + code + "_other", "reason." + code)
                    .anyMatch(key -> !catalogue.text(language, key).equals(key)))
            .as("words for %s in %s", code, language)
            .isTrue();
      }
    }
  }
}
