package org.leadhandoff.intake.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
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

  /** An import as a runner claimed it, with the lease it holds ({@code lease}). */
  record Import(
      UUID id,
      String fileName,
      String lease,
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

  /** An upload is kept in pieces of this size: one piece in memory at a time, either way. */
  static final int CHUNK_BYTES = 1 << 20;

  /**
   * Queues an import with its uploaded file, streamed into the store a chunk at a time. Call it in
   * a transaction: a body cut off or over the limit then leaves neither the import nor a chunk.
   *
   * @return the file's size in bytes
   */
  long create(UUID id, String fileName, String source, Settings settings, InputStream content)
      throws IOException {
    jdbc.sql(
            """
            insert into lead_import (id, file_name, source, state, mapping,
                                     default_consent, created_by, created_at, updated_at)
            values (?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            fileName,
            source,
            settings.mapping().isEmpty() ? null : MappingJson.write(json, settings.mapping()),
            settings.defaultConsent(),
            settings.createdBy(),
            Timestamps.now(clock),
            Timestamps.now(clock))
        .update();
    byte[] buffer = new byte[CHUNK_BYTES];
    long size = 0;
    for (int seq = 0; ; seq++) {
      int read = content.readNBytes(buffer, 0, CHUNK_BYTES);
      if (read == 0) {
        return size;
      }
      jdbc.sql("insert into lead_import_chunk (import_id, seq, bytes) values (?, ?, ?)")
          .params(id, seq, read == CHUNK_BYTES ? buffer : Arrays.copyOf(buffer, read))
          .update();
      size += read;
    }
  }

  /**
   * Writes the import's uploaded file to {@code target}, a chunk at a time.
   *
   * @return false if the store has no file for it (its import is over, or it was never there)
   */
  boolean copyUpload(UUID id, OutputStream target) throws IOException {
    for (int seq = 0; ; seq++) {
      Optional<byte[]> chunk =
          jdbc.sql("select bytes from lead_import_chunk where import_id = ? and seq = ?")
              .params(id, seq)
              .query((rs, n) -> rs.getBytes(1))
              .optional();
      if (chunk.isEmpty()) {
        return seq > 0;
      }
      target.write(chunk.get());
    }
  }

  /** The file holds personal data: once its import is over, it goes. */
  void forgetUpload(UUID id) {
    jdbc.sql("delete from lead_import_chunk where import_id = ?").param(id).update();
  }

  /** Uploads of imports that are over (left by an instance that died before it removed them). */
  int forgetUploadsOfImportsOver() {
    return jdbc.sql(
            """
            delete from lead_import_chunk where import_id in (
              select id from lead_import where state not in ('QUEUED', 'RUNNING'))
            """)
        .update();
  }

  /** This instance, as the lease holder of the imports it runs: process id @ host. */
  static final String HOLDER = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();

  /**
   * Takes the import that has waited longest (not finished, not waiting after a problem, not held
   * by another instance's lease) with a lease for {@code leaseFor}: a queued one before a running
   * one whose last batch came after it, so imports take turns by batch and a small file is not
   * stuck behind a big one.
   */
  Optional<Import> claim(Duration leaseFor) {
    Instant now = clock.instant();
    Optional<UUID> next =
        jdbc.sql(
                """
                select id from lead_import where state in ('RUNNING', 'QUEUED')
                  and (next_attempt_at is null or next_attempt_at <= ?)
                  and (lease_until is null or lease_until <= ?)
                order by updated_at, created_at
                fetch first 1 rows only
                """)
            .params(Timestamps.utc(now), Timestamps.utc(now))
            .query(UUID.class)
            .optional();
    if (next.isEmpty()) {
      return Optional.empty();
    }
    // Another instance that read the same import first has it: the update leaves it alone.
    String lease = UUID.randomUUID().toString();
    int taken =
        jdbc.sql(
                """
                update lead_import set lease_token = ?, lease_until = ?, lease_holder = ?
                where id = ? and state in ('RUNNING', 'QUEUED')
                  and (lease_until is null or lease_until <= ?)
                """)
            .params(
                lease, Timestamps.utc(now.plus(leaseFor)), HOLDER, next.get(), Timestamps.utc(now))
            .update();
    if (taken == 0) {
      return Optional.empty();
    }
    return jdbc.sql("select * from lead_import where id = ? and lease_token = ?")
        .params(next.get(), lease)
        .query(
            (rs, n) ->
                new Import(
                    rs.getObject("id", UUID.class),
                    rs.getString("file_name"),
                    lease,
                    rs.getString("source"),
                    ImportState.valueOf(rs.getString("state")),
                    (Integer) rs.getObject("rows_total"),
                    rs.getInt("rows_processed"),
                    rs.getInt("attempts"),
                    MappingJson.read(json, rs.getString("mapping")),
                    (Boolean) rs.getObject("default_consent")))
        .optional();
  }

  /**
   * Keeps the lease while a long step runs (reading a big file through before its first batch).
   *
   * @return false if the lease is no longer this runner's
   */
  boolean renew(UUID id, String lease, Instant until) {
    return jdbc.sql("update lead_import set lease_until = ? where id = ? and lease_token = ?")
            .params(Timestamps.utc(until), id, lease)
            .update()
        == 1;
  }

  /** The turn is over: any instance may take the import's next one. */
  void release(UUID id, String lease) {
    jdbc.sql(
            "update lead_import set lease_token = null, lease_until = null, lease_holder = null"
                + " where id = ? and lease_token = ?")
        .params(id, lease)
        .update();
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

  /** Whether the import will not read its file again (it is over, or there is no such import). */
  boolean isOver(UUID id) {
    return state(id).map(state -> !state.isOpen()).orElse(true);
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
  boolean started(
      UUID id, String lease, int rowsTotal, List<String> ignoredColumns, List<Why> notes) {
    return jdbc.sql(
                """
                update lead_import set state = 'RUNNING', rows_total = ?, ignored_columns = ?,
                                       notes = ?, notes_why = ?, updated_at = ?
                where id = ? and state = 'QUEUED' and lease_token = ?
                """)
            .params(
                rowsTotal,
                truncate(String.join("\n", ignoredColumns), 2000),
                truncate(
                    String.join("\n", notes.stream().map(MessageCatalogue::english).toList()),
                    2000),
                fitting(notes),
                Timestamps.now(clock),
                id,
                lease)
            .update()
        == 1;
  }

  /**
   * Adds a batch's counts and moves the checkpoint, in the batch's transaction, and renews the
   * lease until {@code leaseUntil}.
   *
   * @return false if the import is no longer running (it was cancelled) or no longer this runner's
   *     (its lease ran out and another instance took it over): the batch must not count
   */
  boolean checkpoint(
      UUID id,
      String lease,
      Instant leaseUntil,
      int rowsProcessed,
      int created,
      int merged,
      int rejected) {
    return jdbc.sql(
                """
                update lead_import set rows_processed = ?, created = created + ?,
                                       merged = merged + ?, rejected = rejected + ?, error = null,
                                       attempts = 0, next_attempt_at = null, updated_at = ?,
                                       lease_until = ?
                where id = ? and state = 'RUNNING' and lease_token = ?
                """)
            .params(
                rowsProcessed,
                created,
                merged,
                rejected,
                Timestamps.now(clock),
                Timestamps.utc(leaseUntil),
                id,
                lease)
            .update()
        == 1;
  }

  /** Stops a queued or running import; what it imported so far stays, its file goes. */
  boolean cancel(UUID id) {
    boolean cancelled =
        jdbc.sql(
                    """
                    update lead_import set state = 'CANCELLED', finished_at = ?, updated_at = ?,
                                           next_attempt_at = null
                    where id = ? and state in ('QUEUED', 'RUNNING')
                    """)
                .params(Timestamps.now(clock), Timestamps.now(clock), id)
                .update()
            == 1;
    if (cancelled) {
      forgetUpload(id);
    }
    return cancelled;
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
    forgetUpload(id);
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
    forgetUpload(id);
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
