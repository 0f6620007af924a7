package org.leadhandoff.intake.csv;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
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
      int rowsProcessed) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  ImportStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void create(UUID id, String fileName, String storedPath, String source) {
    jdbc.sql(
            """
            insert into lead_import (id, file_name, stored_path, source, state, created_at, updated_at)
            values (?, ?, ?, ?, 'QUEUED', ?, ?)
            """)
        .params(id, fileName, storedPath, source, Timestamps.now(clock), Timestamps.now(clock))
        .update();
  }

  /** The oldest import that is not finished: a running one first (resumed after a restart). */
  Optional<Import> next() {
    return jdbc.sql(
            """
            select * from lead_import where state in ('RUNNING', 'QUEUED')
            order by case when state = 'RUNNING' then 0 else 1 end, created_at
            fetch first 1 rows only
            """)
        .query(
            (rs, n) ->
                new Import(
                    rs.getObject("id", UUID.class),
                    rs.getString("file_name"),
                    rs.getString("stored_path"),
                    rs.getString("source"),
                    ImportState.valueOf(rs.getString("state")),
                    (Integer) rs.getObject("rows_total"),
                    rs.getInt("rows_processed")))
        .optional();
  }

  void started(UUID id, int rowsTotal, List<String> ignoredColumns) {
    jdbc.sql(
            "update lead_import set state = 'RUNNING', rows_total = ?, ignored_columns = ?, updated_at = ? where id = ?")
        .params(rowsTotal, String.join("\n", ignoredColumns), Timestamps.now(clock), id)
        .update();
  }

  /** Adds a batch's counts and moves the checkpoint, in the batch's transaction. */
  void checkpoint(UUID id, int rowsProcessed, int created, int merged, int rejected) {
    jdbc.sql(
            """
            update lead_import set rows_processed = ?, created = created + ?, merged = merged + ?,
                                   rejected = rejected + ?, error = null, updated_at = ?
            where id = ?
            """)
        .params(rowsProcessed, created, merged, rejected, Timestamps.now(clock), id)
        .update();
  }

  void rejectRow(UUID id, long line, String field, String reason) {
    jdbc.sql("insert into lead_import_error (import_id, line, field, reason) values (?, ?, ?, ?)")
        .params(id, line, truncate(field, 100), truncate(reason, 500))
        .update();
  }

  void finished(UUID id) {
    jdbc.sql("update lead_import set state = 'DONE', finished_at = ?, updated_at = ? where id = ?")
        .params(Timestamps.now(clock), Timestamps.now(clock), id)
        .update();
  }

  void failed(UUID id, String error) {
    jdbc.sql(
            "update lead_import set state = 'FAILED', error = ?, finished_at = ?, updated_at = ? where id = ?")
        .params(truncate(error, 1000), Timestamps.now(clock), Timestamps.now(clock), id)
        .update();
  }

  void problem(UUID id, String error) {
    jdbc.sql("update lead_import set error = ?, updated_at = ? where id = ?")
        .params(truncate(error, 1000), Timestamps.now(clock), id)
        .update();
  }

  Optional<ImportStatus> status(UUID id, int maxErrors) {
    List<ImportStatus.RejectedRow> errors =
        jdbc.sql(
                "select line, field, reason from lead_import_error where import_id = ? order by line, id fetch first ? rows only")
            .params(id, maxErrors)
            .query(
                (rs, n) ->
                    new ImportStatus.RejectedRow(rs.getInt(1), rs.getString(2), rs.getString(3)))
            .list();
    return jdbc.sql("select * from lead_import where id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              String ignored = rs.getString("ignored_columns");
              return new ImportStatus(
                  id,
                  rs.getString("file_name"),
                  ImportState.valueOf(rs.getString("state")),
                  (Integer) rs.getObject("rows_total"),
                  rs.getInt("rows_processed"),
                  rs.getInt("created"),
                  rs.getInt("merged"),
                  rs.getInt("rejected"),
                  ignored == null || ignored.isEmpty()
                      ? List.of()
                      : Arrays.asList(ignored.split("\n")),
                  rs.getString("error"),
                  errors,
                  Timestamps.instant(rs.getObject("created_at", OffsetDateTime.class)),
                  Timestamps.instant(rs.getObject("finished_at", OffsetDateTime.class)));
            })
        .optional();
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
