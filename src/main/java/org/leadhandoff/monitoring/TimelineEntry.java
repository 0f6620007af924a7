package org.leadhandoff.monitoring;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to a lead.
 *
 * @param kind STAGE, SCORE, ENGAGEMENT, ROUTING, MAIL, or an activity: DECISION, SLA_REMINDER,
 *     REROUTE, ESCALATION, HAND_OVER, ERASED
 * @param by who did it: a person's id, a model element ("lead-lifecycle/Event_Sal") or a part of
 *     the system
 * @param byName the same as a person reads it: the person's name, the model, the part in words
 * @param summary what happened, in a line, in the language asked for
 * @param facts the codes behind the summary (stages, role, outcome, reason code), for programs
 * @param detail why, or the rules that fired, where there is more to say
 */
public record TimelineEntry(
    Instant at,
    String kind,
    String by,
    String byName,
    String summary,
    Map<String, Object> facts,
    Object detail) {}
