package org.leadhandoff.lead;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.leadhandoff.scoring.ScoreLine;

/**
 * A score as recorded: its points, its result (grade, MQL or not, temperature), the rules that
 * fired, and the criteria version that decided it.
 */
public record StoredScore(
    long id,
    UUID leadId,
    ScoreKind kind,
    int points,
    String result,
    List<ScoreLine> explanation,
    String criteriaVersion,
    Instant scoredAt,
    String scoredBy) {}
