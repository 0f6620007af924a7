package org.leadhandoff.intake.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** A column mapping (header → field, {@code attr:<name>} or ignore) as the store keeps it. */
final class MappingJson {

  private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {};

  private MappingJson() {}

  static String write(ObjectMapper json, Map<String, String> mapping) {
    try {
      return json.writeValueAsString(mapping);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of strings is always JSON", e);
    }
  }

  /** An empty mapping for none. */
  static Map<String, String> read(ObjectMapper json, String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      return json.readValue(text, TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored mapping is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A mapping as the page or a script sends it.
   *
   * @throws IllegalArgumentException with a sentence when it is not a JSON object of strings
   */
  static Map<String, String> parse(ObjectMapper json, String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, String> mapping = json.readValue(text, TYPE);
      if (mapping.containsKey(null) || mapping.containsValue(null)) {
        throw new IllegalArgumentException("must name a target for every column it lists");
      }
      return mapping;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "must be a JSON object from column names to fields, like {\"Land\": \"country\","
              + " \"Notes\": \"ignore\"}");
    }
  }
}
