package org.leadhandoff.routing;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Whether routing would give a person a lead now, and if not why: the same rules the round robin
 * applies (active, out of office, capacity, working day and hours), so that what the roster shows
 * is what routing does.
 *
 * @param code AVAILABLE, or why not: INACTIVE, OUT_OF_OFFICE, BUSY, NOT_A_WORKING_DAY,
 *     OUTSIDE_WORKING_HOURS
 * @param facts the numbers and names behind it (open, capacity, day, from, to, zone)
 * @param backAt when an out-of-office person is back; null when they did not say, or are in
 */
public record Availability(String code, Map<String, String> facts, Instant backAt) {

  public static Availability of(Rep rep, int openLeads, Instant now) {
    RoutingPolicy.Verdict skip = RoutingPolicy.skip(rep, openLeads, Set.of(), now);
    if (skip == null) {
      return new Availability("AVAILABLE", Map.of(), null);
    }
    return new Availability(
        skip.code(),
        skip.facts(),
        "OUT_OF_OFFICE".equals(skip.code()) ? rep.outOfOfficeTo() : null);
  }
}
