package org.leadhandoff.monitoring;

import java.time.Instant;

/**
 * One thing that happened to a lead.
 *
 * @param kind STAGE, SCORE, ENGAGEMENT, ROUTING, DECISION, SLA_REMINDER, REROUTE, ESCALATION, MAIL
 * @param by who did it (a person's id), or the rule or model element that did
 * @param summary what happened, in a line
 * @param detail why, or the rules that fired, where there is more to say
 */
public record TimelineEntry(Instant at, String kind, String by, String summary, Object detail) {}
