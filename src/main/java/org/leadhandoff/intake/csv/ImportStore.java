package org.leadhandoff.intake.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Timestamps;
import org.leadhandoff.system.Why;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Imports and their per-row reports in the lead store. */
@Repository
class ImportStore {

  record Import(
      UUID id,
      String fileName,
      String storedPath,
      String source,
      ImportState state,
      Integer rowsTotal,
      int rowsProcessed,
      int attempts,
      Map<String, String> mapping,
      Boolean defaultConsent) {}

  /** How an import reads its file: the person's column mapping and the consent default. */
  record Settings(Map<String, String> mapping, Boolean defaultConsent, String createdBy) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectMapper json;

  ImportStore(JdbcClient jdbc, Clock clock, ObjectMapper json) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = json;
  }

  void create(UUID id, String fileName, String storedPath, String source) {
    create(id, fileName, storedPath, source, new Settings(Map.of(), null, null));
  }

  void create(UUID id, String fileName, String storedPath, String source, Settings settings) {
    jdbc.sql(
            """
            insert into lead_import (id, file_name, stored_path, source, state, mapping,
                                     default_consent, created_by, created_at, updated_at)
            values (?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            fileName,
            storedPath,
            source,
            settings.mapping().isEmpty() ? null : MappingJson.write(json, settings.mapping()),
            settings.defaultConsent(),
            settings.createdBy(),
            Timestamps.now(clock),
            Timestamps.now(clock))
        .update();
  }

  /**
   * The import that has waited longest (not finished, not waiting after a problem): a queued one
   * before a running one whose last batch came after it, so imports take turns by batch and a small
   * file is not stuck behind a big one.
   */
  Optional<Import> next() {
    return jdbc.sql(
            """
            select * from lead_import where state in ('RUNNING', 'QUEUED')
              and (next_attempt_at is null or next_attempt_at <= ?)
            order by updated_at, created_at
            fetch first 1 rows only
            """)
        .param(Timestamps.now(clock))
        .query(
            (rs, n) ->
                new Import(
                    rs.getObject("id", UUID.class),
                    rs.getString("file_name"),
                    rs.getString("stored_path"),
                    rs.getString("source"),
                    ImportState.valueOf(rs.getString("state")),
                    (Integer) rs.getObject("rows_total"),
                    rs.getInt("rows_processed"),
                    rs.getInt("attempts"),
                    MappingJson.read(json, rs.getString("mapping")),
                    (Boolean) rs.getObject("default_consent")))
        .optional();
  }

  /** Whether another import waits for its turn now. */
  boolean othersWaiting(UUID id) {
    return jdbc.sql(
                """
                select count(*) from lead_import where state in ('RUNNING', 'QUEUED') and id <> ?
                  and (next_attempt_at is null or next_attempt_at <= ?)
                """)
            .params(id, Timestamps.now(clock))
            .query(Long.class)
            .single()
        > 0;
  }

  /** Imports that will not read their file again: what is left of it on disk can go. */
  boolean isOver(String storedPath) {
    return jdbc.sql(
                "select count(*) from lead_import where stored_path = ? and state in ('QUEUED', 'RUNNING')")
            .param(storedPath)
            .query(Long.class)
            .single()
        == 0;
  }

  Optional<String> storedPath(UUID id) {
    return jdbc.sql("select stored_path from lead_import where id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  Optional<ImportState> state(UUID id) {
    return jdbc.sql("select state from lead_import where id = ?")
        .param(id)
        .query((rs, n) -> ImportState.valueOf(rs.getString(1)))
        .optional();
  }

  /**
   * @return false if the import is no longer queued (it was cancelled)
   */
  boolean started(UUID id, int rowsTotal, List<String> ignoredColumns, List<Why> notes) {
    return jdbc.sql(
                """
                update lead_import set state = 'RUNNING', rows_total = ?, ignored_columns = ?,
                                       notes = ?, notes_why = ?, updated_at = ?
                where id = ? and state = 'QUEUED'
                """)
            .params(
                rowsTotal,
                truncate(String.join("\n", ignoredColumns), 2000),
                truncate(
                    String.join("\n", notes.stream().map(MessageCatalogue::english).toList()),
                    2000),
                fitting(notes),
                Timestamps.now(clock),
                id)
            .update()
        == 1;
  }

  /**
   * Adds a batch's counts and moves the checkpoint, in the batch's transaction.
   *
   * @return false if the import is no longer running (it was cancelled): the batch must not count
   */
  boolean checkpoint(UUID id, int rowsProcessed, int created, int merged, int rejected) {
    return jdbc.sql(
                """
                update lead_import set rows_processed = ?, created = created + ?,
                                       merged = merged + ?, rejected = rejected + ?, error = null,
                                       attempts = 0, next_attempt_at = null, updated_at = ?
                where id = ? and state = 'RUNNING'
                """)
            .params(rowsProcessed, created, merged, rejected, Timestamps.now(clock), id)
            .update()
        == 1;
  }

  /** Stops a queued or running import; what it imported so far stays. */
  boolean cancel(UUID id) {
    return jdbc.sql(
                """
                update lead_import set state = 'CANCELLED', finished_at = ?, updated_at = ?,
                                       next_attempt_at = null
                where id = ? and state in ('QUEUED', 'RUNNING')
                """)
            .params(Timestamps.now(clock), Timestamps.now(clock), id)
            .update()
        == 1;
  }

  void rejectRow(UUID id, long line, CsvRow.RowError error) {
    report(id, line, error, "ERROR");
  }

  void warnRow(UUID id, long line, CsvRow.RowError warning) {
    report(id, line, warning, "WARNING");
  }

  private void report(UUID id, long line, CsvRow.RowError problem, String severity) {
    String facts = problem.why().factsJson();
    jdbc.sql(
            """
            insert into lead_import_error (import_id, line, field, reason, severity, why_code,
                                           why_facts)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            line,
            truncate(problem.field(), 100),
            truncate(problem.reason(), 500),
            severity,
            problem.why().code(),
            // Facts too long to keep (a huge cell quoted): the English words stand in for them.
            facts.length() <= 2000 ? facts : null)
        .update();
  }

  void finished(UUID id) {
    jdbc.sql(
            "update lead_import set state = 'DONE', finished_at = ?, updated_at = ? where id = ? and state = 'RUNNING'")
        .params(Timestamps.now(clock), Timestamps.now(clock), id)
        .update();
  }

  void failed(UUID id, Why error) {
    jdbc.sql(
            """
            update lead_import set state = 'FAILED', error = ?, error_why = ?, finished_at = ?,
                                   updated_at = ?, next_attempt_at = null
            where id = ? and state in ('QUEUED', 'RUNNING')
            """)
        .params(
            truncate(MessageCatalogue.english(error), 1000),
            fitting(List.of(error)),
            Timestamps.now(clock),
            Timestamps.now(clock),
            id)
        .update();
  }

  /** A problem that may pass (the database, the disk): the import waits, other imports go on. */
  void problem(UUID id, Why error, Instant retryAt) {
    jdbc.sql(
            """
            update lead_import set error = ?, error_why = ?, attempts = attempts + 1,
                                   next_attempt_at = ?, updated_at = ?
            where id = ? and state in ('QUEUED', 'RUNNING')
            """)
        .params(
            truncate(MessageCatalogue.english(error), 1000),
            fitting(List.of(error)),
            Timestamps.utc(retryAt),
            Timestamps.now(clock),
            id)
        .update();
  }

  /**
   * An import's status with its reasons in the reader's words ({@code words}: a code and facts as a
   * sentence); what was written before reasons were kept as codes reads as it was written.
   */
  Optional<ImportStatus> status(UUID id, int maxErrors, Function<Why, String> words) {
    List<ImportStatus.RejectedRow> errors = rows(id, "ERROR", maxErrors, words);
    List<ImportStatus.RejectedRow> warnings = rows(id, "WARNING", maxErrors, words);
    return jdbc.sql(
            """
            select i.*, (select count(*) from lead_import_error e
                         where e.import_id = i.id and e.severity = 'WARNING') as warning_count
            from lead_import i where i.id = ?
            """)
        .param(id)
        .query(
            (rs, n) -> {
              String ignored = rs.getString("ignored_columns");
              String notes = rs.getString("notes");
              List<Why> notesWhy = reasons(rs.getString("notes_why"));
              List<Why> errorWhy = reasons(rs.getString("error_why"));
              return new ImportStatus(
                  id,
                  rs.getString("file_name"),
                  rs.getString("source"),
                  rs.getString("created_by"),
                  ImportState.valueOf(rs.getString("state")),
                  (Integer) rs.getObject("rows_total"),
                  rs.getInt("rows_processed"),
                  rs.getInt("created"),
                  rs.getInt("merged"),
                  rs.getInt("rejected"),
                  rs.getInt("warning_count"),
                  ignored == null || ignored.isEmpty()
                      ? List.of()
                      : Arrays.asList(ignored.split("\n")),
                  !notesWhy.isEmpty()
                      ? notesWhy.stream().map(words).toList()
                      : notes == null || notes.isEmpty()
                          ? List.of()
                          : Arrays.asList(notes.split("\n")),
                  rs.getString("error") == null
                      ? null
                      : errorWhy.isEmpty()
                          ? rs.getString("error")
                          : words.apply(errorWhy.getFirst()),
                  errors,
                  warnings,
                  Timestamps.instant(rs.getObject("created_at", OffsetDateTime.class)),
                  Timestamps.instant(rs.getObject("finished_at", OffsetDateTime.class)));
            })
        .optional();
  }

  /** The latest imports, newest first, without their per-row reports. */
  List<ImportSummary> latest(int max) {
    return jdbc.sql(
            """
            select id, file_name, source, created_by, state, rows_total, rows_processed, created,
                   merged, rejected, created_at, finished_at
            from lead_import order by created_at desc fetch first ? rows only
            """)
        .param(max)
        .query(
            (rs, n) ->
                new ImportSummary(
                    rs.getObject("id", UUID.class),
                    rs.getString("file_name"),
                    rs.getString("source"),
                    rs.getString("created_by"),
                    ImportState.valueOf(rs.getString("state")),
                    (Integer) rs.getObject("rows_total"),
                    rs.getInt("rows_processed"),
                    rs.getInt("created"),
                    rs.getInt("merged"),
                    rs.getInt("rejected"),
                    Timestamps.instant(rs.getObject("created_at", OffsetDateTime.class)),
                    Timestamps.instant(rs.getObject("finished_at", OffsetDateTime.class))))
        .list();
  }

  /** One line of an import's report: a rejected row's error or a warning. */
  record ReportLine(int line, String column, String severity, String reason) {}

  /** Every line of an import's report in file order, errors before warnings of the same line. */
  void eachReportLine(
      UUID id, Function<Why, String> words, java.util.function.Consumer<ReportLine> consumer) {
    jdbc.sql(
            """
            select line, field, severity, reason, why_code, why_facts from lead_import_error
            where import_id = ?
            order by line, case when severity = 'ERROR' then 0 else 1 end, id
            """)
        .param(id)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    consumer.accept(
                        new ReportLine(
                            rs.getInt(1),
                            rs.getString(2),
                            rs.getString(3),
                            reason(rs.getString(4), rs.getString(5), rs.getString(6), words))));
  }

  private List<ImportStatus.RejectedRow> rows(
      UUID id, String severity, int max, Function<Why, String> words) {
    return jdbc.sql(
            """
            select line, field, reason, why_code, why_facts from lead_import_error
            where import_id = ? and severity = ? order by line, id fetch first ? rows only
            """)
        .params(id, severity, max)
        .query(
            (rs, n) ->
                new ImportStatus.RejectedRow(
                    rs.getInt(1),
                    rs.getString(2),
                    reason(rs.getString(3), rs.getString(4), rs.getString(5), words)))
        .list();
  }

  /**
   * A row's reason in words: from its code and facts, else (facts too long, older rows) as kept.
   */
  private static String reason(
      String stored, String code, String facts, Function<Why, String> words) {
    return code == null || facts == null ? stored : words.apply(new Why(code, Why.facts(facts)));
  }

  /** Reasons as JSON for a column of 2,000 or 8,000 characters; none when they do not fit. */
  private String fitting(List<Why> reasons) {
    try {
      String text =
          json.writeValueAsString(
              reasons.stream().map(w -> Map.of("code", w.code(), "facts", w.facts())).toList());
      return text.length() <= 2000 || (reasons.size() > 1 && text.length() <= 8000) ? text : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private List<Why> reasons(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    try {
      List<Map<String, Object>> list =
          json.readValue(stored, new TypeReference<List<Map<String, Object>>>() {});
      List<Why> reasons = new ArrayList<>();
      for (Map<String, Object> item : list) {
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) item.get("facts");
        reasons.add(new Why((String) item.get("code"), facts));
      }
      return reasons;
    } catch (JsonProcessingException | ClassCastException e) {
      return List.of();
    }
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
