package org.leadhandoff.monitoring;

import java.util.Locale;
import java.util.Map;
import org.leadhandoff.routing.RosterStore;
import org.leadhandoff.system.MessageCatalogue;
import org.springframework.stereotype.Component;

/**
 * Who did something, as a person reads it: a rep's name from the roster, a model element
 * ("lead-lifecycle/Event_Sal") as the model it belongs to, the system's own parts ("routing-rules")
 * in words from the catalogue. The id itself stays in the API beside the name.
 */
@Component
public class ActorNames {

  private final RosterStore roster;
  private final MessageCatalogue catalogue;

  ActorNames(RosterStore roster, MessageCatalogue catalogue) {
    this.roster = roster;
    this.catalogue = catalogue;
  }

  public String name(String by, Locale language) {
    if (by == null || by.isBlank()) {
      return catalogue.text(language, "timeline.by.unknown");
    }
    var person = roster.find(by);
    if (person.isPresent()) {
      return person.get().name();
    }
    int slash = by.indexOf('/');
    if (slash > 0) {
      return catalogue.text(
          language,
          "timeline.byModel",
          Map.of("model", catalogue.code(language, "process", by.substring(0, slash))));
    }
    // A system part with a detail ("webhook:typeform", "csv-import:<id>"): its words with it.
    int colon = by.indexOf(':');
    if (colon > 0) {
      String part = "timeline.by." + by.substring(0, colon).replaceAll("[^A-Za-z0-9]+", "-");
      String words = catalogue.text(language, part, Map.of("detail", by.substring(colon + 1)));
      if (!words.equals(part)) {
        return words;
      }
    }
    String key = "timeline.by." + by.replaceAll("[^A-Za-z0-9]+", "-");
    String words = catalogue.text(language, key);
    return words.equals(key) ? by : words;
  }
}
