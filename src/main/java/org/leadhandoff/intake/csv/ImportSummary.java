package org.leadhandoff.intake.csv;

import java.time.Instant;
import java.util.UUID;

/** An import in the list of recent imports: its state and counts, without its report. */
public record ImportSummary(
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
    Instant createdAt,
    Instant finishedAt) {}
