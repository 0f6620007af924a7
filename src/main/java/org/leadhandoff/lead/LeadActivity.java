package org.leadhandoff.lead;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a lead's activity log.
 *
 * @param role QUALIFIER or SALES_REP: whose task it concerned
 * @param actor the person (rep id), or the rule or model element, that did it
 * @param code the outcome or cause as a code (QUALIFIED, REJECT, SLA_MISSED, ...)
 * @param detail the reason in English words
 * @param whyCode and {@code whyFacts} (JSON): the same for each reader's language, where kept
 */
public record LeadActivity(
    long id,
    UUID leadId,
    ActivityKind kind,
    String role,
    String actor,
    String code,
    String detail,
    String whyCode,
    String whyFacts,
    Instant occurredAt) {}
