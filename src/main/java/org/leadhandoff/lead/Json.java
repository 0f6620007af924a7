package org.leadhandoff.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.leadhandoff.scoring.ScoreLine;

/** The JSON columns of the lead store: attributes and score explanations. */
final class Json {

  private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};
  private static final TypeReference<List<ScoreLine>> LINES = new TypeReference<>() {};

  private final ObjectMapper mapper;

  /** Over the application's one mapper, so the columns read and write as the API does. */
  Json(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  Map<String, String> attributes(String json) {
    return json == null ? Map.of() : read(json, ATTRIBUTES);
  }

  List<ScoreLine> lines(String json) {
    return read(json, LINES);
  }

  private <T> T read(String json, TypeReference<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Unreadable JSON in the lead store: " + e.getOriginalMessage(), e);
    }
  }
}
