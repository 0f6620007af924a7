package org.leadhandoff.lead;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a lead's append-only stage history.
 *
 * @param fromStage the stage before, or null for the capture
 * @param changedBy who decided it: a user, or the rule or model element that did
 */
public record StageChange(
    long id,
    UUID leadId,
    Stage fromStage,
    Stage toStage,
    Instant changedAt,
    String reason,
    String changedBy) {}
