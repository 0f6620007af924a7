package org.leadhandoff.lead;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a lead's append-only stage history.
 *
 * @param fromStage the stage before, or null for the capture
 * @param reason in English words, as recorded
 * @param reasonCode the reason as a code, where there is one
 * @param reasonFacts the facts behind the code as JSON, where they were kept
 * @param changedBy who decided it: a user, or the rule or model element that did
 */
public record StageChange(
    long id,
    UUID leadId,
    Stage fromStage,
    Stage toStage,
    Instant changedAt,
    String reason,
    String reasonCode,
    String reasonFacts,
    String changedBy) {}
