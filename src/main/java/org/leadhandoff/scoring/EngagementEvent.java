package org.leadhandoff.scoring;

import java.time.Instant;

/**
 * One engagement event as scoring sees it: its type (a key of the criteria) and when it happened.
 */
public record EngagementEvent(String type, Instant occurredAt) {}
