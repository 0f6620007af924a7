package org.leadhandoff.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leadhandoff.scoring.Keys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The spellings CRMs and people use for a source or an industry, and the name the criteria know it
 * by ({@code lead-handoff.criteria.aliases} in {@code criteria.yaml}, where marketing operations
 * edits them). Every channel stores the criteria's name: "Trade Show", "trade show" and "Tradeshow"
 * are one source in the reports, and "Computer Software" scores as software.
 *
 * @param sources the criteria's source name → other spellings of it
 * @param industries the criteria's industry name → other spellings of it (the shipped list covers
 *     the LinkedIn/HubSpot industries and Salesforce's picklist)
 */
@ConfigurationProperties("lead-handoff.criteria.aliases")
public record ValueAliases(
    @DefaultValue Map<String, List<String>> sources,
    @DefaultValue Map<String, List<String>> industries) {

  public ValueAliases {
    sources = index(sources);
    industries = index(industries);
  }

  /** The criteria's name of a source: its alias target, else the value in the criteria's form. */
  public String source(String value) {
    return canonical(sources, value);
  }

  public String industry(String value) {
    return canonical(industries, value);
  }

  private static String canonical(Map<String, List<String>> index, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String key = Keys.normalise(value);
    List<String> target = index.get(key);
    if (target == null) {
      // "Information Technology & Services" is "... and Services".
      target = index.get(withoutAnd(key));
    }
    return target == null ? key : target.getFirst();
  }

  private static String withoutAnd(String key) {
    return key.replace("-and-", "-");
  }

  /** Spelling (in the criteria's form) → [name]; the name maps to itself. */
  private static Map<String, List<String>> index(Map<String, List<String>> aliases) {
    Map<String, List<String>> index = new HashMap<>();
    if (aliases == null) {
      return Map.of();
    }
    aliases.forEach(
        (name, spellings) -> {
          String target = Keys.normalise(name);
          for (String spelling : spellings) {
            index.putIfAbsent(Keys.normalise(spelling), List.of(target));
            index.putIfAbsent(withoutAnd(Keys.normalise(spelling)), List.of(target));
          }
        });
    return Map.copyOf(index);
  }
}
