package org.leadhandoff.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.routing.RoutingPolicy.Candidate;
import org.leadhandoff.routing.RoutingPolicy.Decision;

class RoutingPolicyTest {

  /** A Tuesday, 10:00 in London, 11:00 in Berlin, 05:00 in New York. */
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  private static final EnumSet<DayOfWeek> WEEKDAYS =
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  private static Rep rep(
      String id, Role role, List<String> territories, int capacity, String zone) {
    return new Rep(
        id,
        id,
        id + "@example.com",
        role,
        territories,
        List.of("*"),
        capacity,
        WEEKDAYS,
        LocalTime.of(9, 0),
        LocalTime.of(17, 0),
        ZoneId.of(zone),
        null,
        null,
        true);
  }

  private static final Rep ANNA =
      rep("anna", Role.SALES_REP, List.of("GB", "IE"), 2, "Europe/London");
  private static final Rep BEN =
      rep("ben", Role.SALES_REP, List.of("GB", "DE"), 2, "Europe/Berlin");
  private static final Rep CARA = rep("cara", Role.SALES_REP, List.of("*"), 2, "Europe/London");
  private static final List<Rep> TEAM = List.of(ANNA, BEN, CARA);

  private static Decision choose(
      List<Rep> reps,
      Map<String, Integer> open,
      String last,
      Set<String> excluded,
      String country) {
    return RoutingPolicy.choose(Role.SALES_REP, country, null, reps, open, last, excluded, NOW);
  }

  @Test
  @DisplayName("round robin: each lead goes to the next rep after the one who had the last lead")
  void roundRobin() {
    assertThat(choose(TEAM, Map.of(), null, Set.of(), "GB").chosen()).isEqualTo(ANNA);
    assertThat(choose(TEAM, Map.of(), "anna", Set.of(), "GB").chosen()).isEqualTo(BEN);
    assertThat(choose(TEAM, Map.of(), "ben", Set.of(), "GB").chosen()).isEqualTo(CARA);
    assertThat(choose(TEAM, Map.of(), "cara", Set.of(), "GB").chosen())
        .as("wraps around")
        .isEqualTo(ANNA);
  }

  @Test
  @DisplayName("only reps whose territory covers the lead's country are candidates; * covers all")
  void territory() {
    Decision decision = choose(TEAM, Map.of(), null, Set.of(), "IE");

    assertThat(decision.chosen()).isEqualTo(ANNA);
    assertThat(decision.candidates()).extracting(Candidate::repId).containsExactly("anna", "cara");
    assertThat(choose(TEAM, Map.of(), null, Set.of(), null).candidates())
        .extracting(Candidate::repId)
        .containsExactly("cara");
  }

  @Test
  @DisplayName("a busy rep is skipped, and the decision says so")
  void capacity() {
    Decision decision = choose(TEAM, Map.of("anna", 2), null, Set.of(), "GB");

    assertThat(decision.chosen()).isEqualTo(BEN);
    assertThat(decision.candidates())
        .extracting(Candidate::repId, Candidate::verdict)
        .contains(candidate("anna", "skipped: busy: 2 open leads, capacity 2"));
  }

  @Test
  @DisplayName("out of office and inactive reps are skipped")
  void outOfOfficeAndInactive() {
    Rep away =
        new Rep(
            "anna",
            "anna",
            "a@example.com",
            Role.SALES_REP,
            List.of("GB"),
            List.of("*"),
            2,
            WEEKDAYS,
            LocalTime.of(9, 0),
            LocalTime.of(17, 0),
            ZoneId.of("Europe/London"),
            NOW.minusSeconds(3600),
            NOW.plusSeconds(86400),
            true);
    Rep gone =
        new Rep(
            "ben",
            "ben",
            "b@example.com",
            Role.SALES_REP,
            List.of("GB"),
            List.of("*"),
            2,
            WEEKDAYS,
            LocalTime.of(9, 0),
            LocalTime.of(17, 0),
            ZoneId.of("Europe/Berlin"),
            null,
            null,
            false);

    Decision decision = choose(List.of(away, gone, CARA), Map.of(), null, Set.of(), "GB");

    assertThat(decision.chosen()).isEqualTo(CARA);
    assertThat(decision.candidates())
        .extracting(Candidate::repId, Candidate::verdict)
        .contains(
            candidate("anna", "skipped: out of office"), candidate("ben", "skipped: inactive"));
  }

  @Test
  @DisplayName("on a day off the reason says it is no working day, not that the hour is wrong")
  void dayOff() {
    // Saturday 28 November 2026, 15:35 in London: inside 09:00-17:00, but not a weekday.
    Decision decision =
        RoutingPolicy.choose(
            Role.SALES_REP,
            "GB",
            null,
            List.of(ANNA),
            Map.of(),
            null,
            Set.of(),
            Instant.parse("2026-11-28T15:35:00Z"));
    assertThat(decision.candidates())
        .extracting(Candidate::repId, Candidate::verdict)
        .containsExactly(
            candidate("anna", "skipped: not a working day (Saturday in Europe/London)"));
    // The same as a code and its facts, for a page that writes it in its reader's language.
    assertThat(decision.candidates().getFirst().code()).isEqualTo("NOT_A_WORKING_DAY");
    assertThat(decision.candidates().getFirst().facts())
        .containsEntry("day", "SATURDAY")
        .containsEntry("zone", "Europe/London");
  }

  @Test
  @DisplayName("working hours count in each rep's own time zone")
  void workingHoursAcrossTimeZones() {
    Rep newYork = rep("dan", Role.SALES_REP, List.of("*"), 2, "America/New_York");
    Rep tokyo = rep("emi", Role.SALES_REP, List.of("*"), 2, "Asia/Tokyo");

    Decision decision = choose(List.of(newYork, tokyo), Map.of(), null, Set.of(), "US");

    assertThat(decision.chosen()).as("05:00 in New York, 19:00 in Tokyo").isNull();
    assertThat(decision.candidates())
        .extracting(Candidate::verdict)
        .allMatch(v -> v.startsWith("skipped: outside working hours"));
    assertThat(
            RoutingPolicy.choose(
                    Role.SALES_REP,
                    "US",
                    null,
                    List.of(newYork),
                    Map.of(),
                    null,
                    Set.of(),
                    Instant.parse("2026-11-24T15:00:00Z"))
                .chosen())
        .as("10:00 in New York")
        .isEqualTo(newYork);
    assertThat(
            RoutingPolicy.choose(
                    Role.SALES_REP,
                    "US",
                    null,
                    List.of(newYork),
                    Map.of(),
                    null,
                    Set.of(),
                    Instant.parse("2026-11-28T15:00:00Z"))
                .chosen())
        .as("a Saturday")
        .isNull();
  }

  @Test
  @DisplayName("a reroute never goes back to a rep who had the lead")
  void excluded() {
    Decision decision = choose(TEAM, Map.of(), null, Set.of("anna"), "GB");

    assertThat(decision.chosen()).isEqualTo(BEN);
    assertThat(decision.candidates())
        .extracting(Candidate::repId, Candidate::verdict)
        .contains(candidate("anna", "skipped: had this lead already"));
  }

  @Test
  @DisplayName("nobody available: no owner, and the reason names the team")
  void nobodyAvailable() {
    Decision decision = choose(TEAM, Map.of("anna", 2, "ben", 2, "cara", 2), null, Set.of(), "GB");

    assertThat(decision.chosen()).isNull();
    assertThat(decision.why())
        .isEqualTo(
            org.leadhandoff.system.Why.of(
                "NOBODY_AVAILABLE", "team", "SALES_REP", "country", "GB", "count", 3));
    assertThat(choose(List.of(), Map.of(), null, Set.of(), "GB").why())
        .isEqualTo(
            org.leadhandoff.system.Why.of("NOBODY_COVERS", "team", "SALES_REP", "country", "GB"));
  }

  @Test
  @DisplayName(
      "a lead of a known size goes to reps serving its segment; * serves all, unknown size goes to anyone")
  void segments() {
    Rep enterprise =
        new Rep(
            "ent",
            "ent",
            "e@example.com",
            Role.SALES_REP,
            List.of("*"),
            List.of("enterprise"),
            5,
            EnumSet.allOf(DayOfWeek.class),
            LocalTime.MIN,
            LocalTime.of(23, 59),
            ZoneId.of("UTC"),
            null,
            null,
            true);
    Rep smb =
        new Rep(
            "smb",
            "smb",
            "s@example.com",
            Role.SALES_REP,
            List.of("*"),
            List.of("smb"),
            5,
            EnumSet.allOf(DayOfWeek.class),
            LocalTime.MIN,
            LocalTime.of(23, 59),
            ZoneId.of("UTC"),
            null,
            null,
            true);

    assertThat(
            RoutingPolicy.choose(
                    Role.SALES_REP,
                    "GB",
                    "enterprise",
                    List.of(smb, enterprise),
                    Map.of(),
                    null,
                    Set.of(),
                    NOW)
                .chosen())
        .isEqualTo(enterprise);
    assertThat(
            RoutingPolicy.choose(
                    Role.SALES_REP,
                    "GB",
                    "smb",
                    List.of(smb, enterprise),
                    Map.of(),
                    null,
                    Set.of(),
                    NOW)
                .chosen())
        .isEqualTo(smb);
    assertThat(
            RoutingPolicy.choose(
                    Role.SALES_REP,
                    "GB",
                    null,
                    List.of(smb, enterprise),
                    Map.of(),
                    null,
                    Set.of(),
                    NOW)
                .candidates())
        .hasSize(2);
  }

  /** A candidate as the log words it; the code and facts are checked where they matter. */
  private static org.assertj.core.groups.Tuple candidate(String repId, String verdict) {
    return org.assertj.core.groups.Tuple.tuple(repId, verdict);
  }
}
