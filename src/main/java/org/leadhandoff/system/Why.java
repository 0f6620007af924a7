package org.leadhandoff.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why something happened, kept as a code and the facts behind it ("QUALIFIED_BY_PHONE" with
 * confirmed = [BUDGET, NEED]) rather than as a sentence, so that each reader gets it in their own
 * language: {@link MessageCatalogue#explain} on the server, {@code explain} in the pages, both from
 * the catalogue's {@code why.<code>} text. A person's own words go in as a fact ({@code note}) and
 * stay as written.
 *
 * @param code the kind of reason, a key of the catalogue under {@code why.}
 * @param facts the numbers, codes, dates and names the sentence needs; no lead's personal data
 */
public record Why(String code, Map<String, Object> facts) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Why {
    facts = facts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  /** A reason with facts given as name, value pairs; pairs whose value is null are left out. */
  public static Why of(String code, Object... pairs) {
    Map<String, Object> facts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        facts.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return new Why(code, facts);
  }

  /** The same reason with one more fact (a person's note, say); a null value adds nothing. */
  public Why with(String fact, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return this;
    }
    Map<String, Object> more = new LinkedHashMap<>(facts);
    more.put(fact, value instanceof String s ? s.strip() : value);
    return new Why(code, more);
  }

  /** The facts as JSON, as the stores keep them beside the code. */
  public String factsJson() {
    try {
      return JSON.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The facts of " + code + " cannot be written as JSON", e);
    }
  }

  /** Facts as stored; none when the column is empty (rows written before facts were kept). */
  public static Map<String, Object> facts(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }
}
