package org.leadhandoff.intake.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.leadhandoff.system.Timestamps;
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
  boolean started(UUID id, int rowsTotal, List<String> ignoredColumns, List<String> notes) {
    return jdbc.sql(
                """
                update lead_import set state = 'RUNNING', rows_total = ?, ignored_columns = ?,
                                       notes = ?, updated_at = ?
                where id = ? and state = 'QUEUED'
                """)
            .params(
                rowsTotal,
                truncate(String.join("\n", ignoredColumns), 2000),
                truncate(String.join("\n", notes), 2000),
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

  void rejectRow(UUID id, long line, String field, String reason) {
    report(id, line, field, reason, "ERROR");
  }

  void warnRow(UUID id, long line, String field, String reason) {
    report(id, line, field, reason, "WARNING");
  }

  private void report(UUID id, long line, String field, String reason, String severity) {
    jdbc.sql(
            "insert into lead_import_error (import_id, line, field, reason, severity) values (?, ?, ?, ?, ?)")
        .params(id, line, truncate(field, 100), truncate(reason, 500), severity)
        .update();
  }

  void finished(UUID id) {
    jdbc.sql(
            "update lead_import set state = 'DONE', finished_at = ?, updated_at = ? where id = ? and state = 'RUNNING'")
        .params(Timestamps.now(clock), Timestamps.now(clock), id)
        .update();
  }

  void failed(UUID id, String error) {
    jdbc.sql(
            "update lead_import set state = 'FAILED', error = ?, finished_at = ?, updated_at = ?, next_attempt_at = null where id = ? and state in ('QUEUED', 'RUNNING')")
        .params(truncate(error, 1000), Timestamps.now(clock), Timestamps.now(clock), id)
        .update();
  }

  /** A problem that may pass (the database, the disk): the import waits, other imports go on. */
  void problem(UUID id, String error, Instant retryAt) {
    jdbc.sql(
            """
            update lead_import set error = ?, attempts = attempts + 1, next_attempt_at = ?,
                                   updated_at = ?
            where id = ? and state in ('QUEUED', 'RUNNING')
            """)
        .params(truncate(error, 1000), Timestamps.utc(retryAt), Timestamps.now(clock), id)
        .update();
  }

  Optional<ImportStatus> status(UUID id, int maxErrors) {
    List<ImportStatus.RejectedRow> errors = rows(id, "ERROR", maxErrors);
    List<ImportStatus.RejectedRow> warnings = rows(id, "WARNING", maxErrors);
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
                  notes == null || notes.isEmpty() ? List.of() : Arrays.asList(notes.split("\n")),
                  rs.getString("error"),
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
  void eachReportLine(UUID id, java.util.function.Consumer<ReportLine> consumer) {
    jdbc.sql(
            """
            select line, field, severity, reason from lead_import_error where import_id = ?
            order by line, case when severity = 'ERROR' then 0 else 1 end, id
            """)
        .param(id)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    consumer.accept(
                        new ReportLine(
                            rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))));
  }

  private List<ImportStatus.RejectedRow> rows(UUID id, String severity, int max) {
    return jdbc.sql(
            """
            select line, field, reason from lead_import_error
            where import_id = ? and severity = ? order by line, id fetch first ? rows only
            """)
        .params(id, severity, max)
        .query(
            (rs, n) -> new ImportStatus.RejectedRow(rs.getInt(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
