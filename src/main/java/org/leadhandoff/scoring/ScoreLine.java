package org.leadhandoff.scoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rule that fired and what it gave: the explanation shown wherever a score is shown.
 *
 * @param rule the rule's key in the criteria, e.g. {@code fit.industries}
 * @param detail what the rule saw, in English, e.g. {@code industry software}
 * @param code the same as a sentence of the catalogue ({@code score.<code>}), so each reader gets
 *     it in their language; null on lines stored before codes
 * @param facts what the sentence names (size, range, country, word, ...)
 */
public record ScoreLine(
    String rule, int points, String detail, String code, Map<String, Object> facts) {

  public ScoreLine {
    facts =
        facts == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  /** A line without a code (its detail is all there is). */
  public ScoreLine(String rule, int points, String detail) {
    this(rule, points, detail, null, Map.of());
  }

  /** The same line with its sentence's code and facts (name, value, name, value, ...). */
  public ScoreLine said(String sentence, Object... namesAndValues) {
    Map<String, Object> named = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      named.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
    }
    return new ScoreLine(rule, points, detail, sentence, named);
  }
}
