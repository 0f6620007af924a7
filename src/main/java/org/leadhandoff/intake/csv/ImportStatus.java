package org.leadhandoff.intake.csv;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import's progress and outcome.
 *
 * @param rowsTotal data rows in the file (null until counted)
 * @param created rows that became new leads
 * @param merged rows whose email was a lead already (or appeared earlier in the file): profile
 *     updated
 * @param source the source of rows without one
 * @param createdBy who started the import (a user or an API key), if known
 * @param rejected rows refused; each is in {@code errors}
 * @param warningCount all warnings; {@code warnings} shows the first 1,000
 * @param warnings values that could not be read (an unknown country, a size that is no number):
 *     left out, the row imported without them
 * @param ignoredColumns header columns that are not lead fields
 * @param notes how the file was read (encoding, delimiter) and lines skipped that are not rows
 * @param error why the whole file failed, if it did; while it waits to be tried again, the problem
 */
public record ImportStatus(
    UUID importId,
    String fileName,
    String source,
    String createdBy,
    ImportState state,
    Integer rowsTotal,
    int rowsProcessed,
    int created,
    int merged,
    int rejected,
    int warningCount,
    List<String> ignoredColumns,
    List<String> notes,
    String error,
    List<RejectedRow> errors,
    List<RejectedRow> warnings,
    Instant createdAt,
    Instant finishedAt) {

  /** A rejected row, or a value left out: its line in the file, the column, and why. */
  public record RejectedRow(int line, String field, String reason) {}
}
