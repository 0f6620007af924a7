package org.leadhandoff.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadhandoff.system.Why;

/**
 * Chooses who gets a lead: among the reps of the role who cover the lead's country and serve its
 * segment, the one whose turn it is in the weighted, fair rotation ({@link Turns}) of those
 * available now (active, under capacity, not out of office, within working hours). Says why each
 * other candidate was skipped.
 */
public final class RoutingPolicy {

  /**
   * One candidate and what the policy made of them.
   *
   * @param verdict in words, for the routing log
   * @param code the same as a code (CHOSEN, NOT_NEXT, INACTIVE, HAD_LEAD, OUT_OF_OFFICE, BUSY,
   *     NOT_A_WORKING_DAY, OUTSIDE_WORKING_HOURS), for pages that write it in their reader's words
   * @param facts the numbers and names in the verdict (open, capacity, day, from, to, zone)
   */
  public record Candidate(String repId, String verdict, String code, Map<String, String> facts) {

    Candidate(String repId, Verdict verdict) {
      this(repId, verdict.text(), verdict.code(), verdict.facts());
    }
  }

  /** Why a candidate was or was not chosen: words, code and the facts behind them. */
  record Verdict(String code, String text, Map<String, String> facts) {}

  private static final Verdict CHOSEN =
      new Verdict("CHOSEN", "chosen: next in turn and available", Map.of());
  private static final Verdict NOT_NEXT =
      new Verdict("NOT_NEXT", "available, not next in turn", Map.of());

  /**
   * @param chosen the rep chosen, or null when nobody is available
   * @param why ROUND_ROBIN, NOBODY_AVAILABLE or NOBODY_COVERS with the team, country and count, for
   *     the routing history in its reader's words
   */
  public record Decision(Rep chosen, Why why, List<Candidate> candidates) {}

  private RoutingPolicy() {}

  /**
   * @param segment the lead's company size segment, or null when its size is unknown
   * @param reps everyone on the roster
   * @param openLeads open leads per rep id
   * @param turns where each person of the rotation stands
   * @param excluded reps who must not get the lead again (they just missed the SLA or rejected it)
   */
  /** The team that is everyone of the role (the routing table's {@code *}). */
  public static final String EVERYONE = "*";

  /**
   * @param teamName the roster team whose people are candidates, as the routing table named it
   *     ({@link #EVERYONE}: all of the role)
   */
  public static Decision choose(
      Role role,
      String teamName,
      String country,
      String segment,
      List<Rep> reps,
      Map<String, Integer> openLeads,
      Turns turns,
      Set<String> excluded,
      Instant now) {
    boolean everyone = teamName == null || EVERYONE.equals(teamName);
    List<Rep> team =
        reps.stream()
            .filter(r -> r.role() == role && r.covers(country) && r.serves(segment))
            .filter(r -> everyone || teamName.equalsIgnoreCase(r.team()))
            .sorted(Comparator.comparing(Rep::id))
            .toList();
    List<Candidate> candidates = new ArrayList<>();
    if (team.isEmpty()) {
      return new Decision(
          null,
          Why.of(
              "NOBODY_COVERS", "team", role.name(), "country", country == null ? "NONE" : country),
          candidates);
    }
    // The team in the order of their turns: the lowest place first, equal places by id.
    List<Rep> order =
        team.stream()
            .sorted(
                Comparator.comparingDouble((Rep r) -> turns.placeOf(r.id())).thenComparing(Rep::id))
            .toList();
    Rep chosen = null;
    for (Rep rep : order) {
      Verdict skip = skip(rep, openLeads.getOrDefault(rep.id(), 0), excluded, now);
      if (chosen == null && skip == null) {
        chosen = rep;
        candidates.add(new Candidate(rep.id(), CHOSEN));
      } else {
        candidates.add(new Candidate(rep.id(), skip == null ? NOT_NEXT : skip));
      }
    }
    String covering = country == null ? "ANY" : country;
    // When each of the team has had the lead already, the manager hears that, not "nobody
    // available": the people are there, and the lead has been with all of them.
    boolean allHadIt = candidates.stream().allMatch(c -> "HAD_LEAD".equals(c.code()));
    Why why =
        chosen == null
            ? Why.of(
                allHadIt ? "ALL_HAD_LEAD" : "NOBODY_AVAILABLE",
                "team",
                role.name(),
                "country",
                covering,
                "count",
                team.size())
            : Why.of("ROUND_ROBIN", "team", role.name(), "country", covering);
    return new Decision(chosen, why, candidates);
  }

  static Verdict skip(Rep rep, int open, Set<String> excluded, Instant now) {
    if (!rep.active()) {
      return skipped("INACTIVE", "inactive", Map.of());
    }
    if (excluded.contains(rep.id())) {
      return skipped("HAD_LEAD", "had this lead already", Map.of());
    }
    if (rep.outOfOffice(now)) {
      return skipped("OUT_OF_OFFICE", "out of office", Map.of());
    }
    if (open >= rep.capacity()) {
      return skipped(
          "BUSY",
          "busy: " + open + " open leads, capacity " + rep.capacity(),
          Map.of("open", String.valueOf(open), "capacity", String.valueOf(rep.capacity())));
    }
    var local = now.atZone(rep.timeZone());
    if (!rep.workDays().contains(local.getDayOfWeek())) {
      return skipped(
          "NOT_A_WORKING_DAY",
          "not a working day ("
              + local
                  .getDayOfWeek()
                  .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
              + " in "
              + rep.timeZone()
              + ")",
          Map.of("day", local.getDayOfWeek().name(), "zone", rep.timeZone().getId()));
    }
    if (!rep.working(now)) {
      return skipped(
          "OUTSIDE_WORKING_HOURS",
          "outside working hours ("
              + rep.workFrom()
              + "-"
              + rep.workTo()
              + " "
              + rep.timeZone()
              + ")",
          Map.of(
              "from", rep.workFrom().toString(),
              "to", rep.workTo().toString(),
              "zone", rep.timeZone().getId()));
    }
    return null;
  }

  private static Verdict skipped(String code, String why, Map<String, String> facts) {
    return new Verdict(code, "skipped: " + why, facts);
  }
}
