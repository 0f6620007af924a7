package org.leadhandoff.intake.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Column mappings saved per source: the next file from the same tool (the same trade show's
 * scanner, the same CRM) is read the same way without mapping it again.
 */
@Repository
class ImportMappings {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectMapper json;

  ImportMappings(JdbcClient jdbc, Clock clock, ObjectMapper json) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = json;
  }

  /** The mapping saved for a source, compared without case. */
  Optional<Map<String, String>> find(String source) {
    return jdbc.sql("select mapping from import_mapping where source = ?")
        .param(key(source))
        .query(String.class)
        .optional()
        .map(text -> MappingJson.read(json, text));
  }

  /** Saves a source's mapping, replacing the one saved before. */
  void save(String source, Map<String, String> mapping, String by) {
    String text = MappingJson.write(json, mapping);
    int updated =
        jdbc.sql(
                "update import_mapping set mapping = ?, updated_by = ?, updated_at = ? where source = ?")
            .params(text, by, Timestamps.now(clock), key(source))
            .update();
    if (updated == 0) {
      try {
        jdbc.sql(
                "insert into import_mapping (source, mapping, updated_by, updated_at) values (?, ?, ?, ?)")
            .params(key(source), text, by, Timestamps.now(clock))
            .update();
      } catch (org.springframework.dao.DuplicateKeyException raceLost) {
        // Two saves at once: the later one wins, as if they had come one after the other.
        save(source, mapping, by);
      }
    }
  }

  private static String key(String source) {
    return source.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
