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
      Turns turns,
      Set<String> excluded,
      String country) {
    return RoutingPolicy.choose(
        Role.SALES_REP, RoutingPolicy.EVERYONE, country, null, reps, open, turns, excluded, NOW);
  }

  /** Routes leads one after the other, as the service does: the chosen one takes a turn. */
  private static Map<String, Integer> simulate(List<Rep> reps, int leads, Turns[] turns) {
    Map<String, Integer> got = new java.util.TreeMap<>();
    for (int i = 0; i < leads; i++) {
      Rep chosen = choose(reps, Map.of(), turns[0], Set.of(), "GB").chosen();
      got.merge(chosen.id(), 1, Integer::sum);
      turns[0] = turns[0].took(chosen);
    }
    return got;
  }

  @Test
  @DisplayName("equal weights: each lead goes to the next rep in turn, around and around")
  void roundRobin() {
    Turns turns = Turns.fresh();
    List<String> order = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Rep chosen = choose(TEAM, Map.of(), turns, Set.of(), "GB").chosen();
      order.add(chosen.id());
      turns = turns.took(chosen);
    }
    assertThat(order).containsExactly("anna", "ben", "cara", "anna");
  }

  @Test
  @DisplayName(
      "weights are honoured: over 1,000 leads a rep of weight 2 gets twice, one of 0.5 half the"
          + " leads of a colleague of weight 1, each within 1% of the share")
  void weightsHonoured() {
    List<Rep> team = List.of(ANNA.withWeight(2), BEN, CARA.withWeight(0.5));
    Map<String, Integer> got = simulate(team, 1000, new Turns[] {Turns.fresh()});
    // Shares 2 : 1 : 0.5 of 3.5.
    assertThat(got.get("anna")).isCloseTo(571, org.assertj.core.api.Assertions.within(10));
    assertThat(got.get("ben")).isCloseTo(286, org.assertj.core.api.Assertions.within(10));
    assertThat(got.get("cara")).isCloseTo(143, org.assertj.core.api.Assertions.within(10));
  }

  @Test
  @DisplayName(
      "back from holiday: no flood of catch-up leads and no lost turns; the rep is at the front"
          + " of the queue once, then takes their share")
  void noCatchUpAfterAbsence() {
    Turns[] turns = {Turns.fresh()};
    // Ben is away for 100 leads.
    simulate(List.of(ANNA, CARA), 100, turns);
    List<String> next = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Rep chosen = choose(TEAM, Map.of(), turns[0], Set.of(), "GB").chosen();
      next.add(chosen.id());
      turns[0] = turns[0].took(chosen);
    }
    assertThat(next.getFirst()).as("back at the front, not behind").isEqualTo("ben");
    // A third of the next thirty, and the one turn at the front: not the 50 he missed.
    assertThat(next).filteredOn("ben"::equals).hasSize(11);
    assertThat(next).filteredOn("anna"::equals).hasSize(10);
    assertThat(next).filteredOn("cara"::equals).hasSize(9);
  }

  @Test
  @DisplayName(
      "a lead lost through no fault gives the turn back: the rep is next again; a missed deadline"
          + " gives nothing back")
  void creditBack() {
    Turns turns = Turns.fresh();
    turns = turns.took(ANNA).took(BEN).took(CARA);
    // Anna's next lead turns out not to be hers (wrong territory): she gets the turn back.
    Turns afterAnna = turns.took(ANNA);
    assertThat(choose(TEAM, Map.of(), afterAnna, Set.of(), "GB").chosen()).isEqualTo(BEN);
    Turns credited = afterAnna.creditedBack(ANNA);
    assertThat(credited.placeOf("anna")).isEqualTo(turns.placeOf("anna"));
    Rep first = choose(TEAM, Map.of(), credited, Set.of(), "GB").chosen();
    assertThat(first).as("her turn again").isEqualTo(ANNA);
    // Over many leads the credits add up to her share and no more.
    Turns[] rolling = {credited.took(ANNA)};
    Map<String, Integer> got = simulate(TEAM, 300, rolling);
    assertThat(got.values()).allSatisfy(n -> assertThat(n).isBetween(99, 101));
  }

  @Test
  @DisplayName(
      "a turn given back survives the reroute that follows it: the rep who said 'not mine' is"
          + " next, then takes their weighted share")
  void creditSurvivesTheReroute() {
    Rep sam = BEN.withWeight(2);
    Rep alex = ANNA;
    List<Rep> team = List.of(alex, sam);
    Turns[] turns = {Turns.fresh()};
    // Five leads at 2 : 1 go Alex, Sam, Sam, Alex, Sam; the sixth is Sam's, and he rejects it as
    // not his territory: the turn back, then the reroute gives it to Alex, which moves the
    // rotation's now past where Sam's turn back put him.
    assertThat(simulate(team, 5, turns)).containsEntry("anna", 2).containsEntry("ben", 3);
    Turns rerouted = turns[0].took(sam).creditedBack(sam).took(alex);
    Turns noCredit = turns[0].took(sam).took(alex);
    assertThat(noCredit.placeOf(sam.id()) - rerouted.placeOf(sam.id()))
        .as("the whole turn back is still Sam's")
        .isEqualTo(Turns.step(sam));
    List<String> next = new java.util.ArrayList<>();
    Turns now = rerouted;
    for (int i = 0; i < 4; i++) {
      Rep chosen = choose(team, Map.of(), now, Set.of(), "GB").chosen();
      next.add(chosen.id());
      now = now.took(chosen);
    }
    assertThat(next)
        .as("the turn back, then his share")
        .containsExactly("ben", "ben", "ben", "anna");
  }

  @Test
  @DisplayName(
      "a lead no row of the routing table matches goes to the default team, and the reason says"
          + " so; a matched row names its rule and team")
  void routingTableAnswers() {
    var none = RoutingService.TeamChoice.of(null, "*");
    assertThat(none.matched()).isFalse();
    assertThat(none.team()).isEqualTo("*");
    var why =
        none.explain(
            org.leadhandoff.system.Why.of("ROUND_ROBIN", "team", "SALES_REP", "country", "GB"));
    assertThat(org.leadhandoff.system.MessageCatalogue.english(why))
        .isEqualTo(
            "next in turn among the sales reps covering United Kingdom; no row of the routing table"
                + " matched: the default team (everyone of the role)");
    var row =
        RoutingService.TeamChoice.of(
            Map.of("team", "inside-sales", "rule", "DE under 50 employees"), "*");
    assertThat(row.matched()).isTrue();
    assertThat(
            row.explain(
                    org.leadhandoff.system.Why.of(
                        "ROUND_ROBIN", "team", "SALES_REP", "country", "DE"))
                .facts())
        .containsEntry("group", "inside-sales")
        .containsEntry("rule", "DE under 50 employees");
  }

  @Test
  @DisplayName("only reps whose territory covers the lead's country are candidates; * covers all")
  void territory() {
    Decision decision = choose(TEAM, Map.of(), Turns.fresh(), Set.of(), "IE");

    assertThat(decision.chosen()).isEqualTo(ANNA);
    assertThat(decision.candidates()).extracting(Candidate::repId).containsExactly("anna", "cara");
    assertThat(choose(TEAM, Map.of(), Turns.fresh(), Set.of(), null).candidates())
        .extracting(Candidate::repId)
        .containsExactly("cara");
  }

  @Test
  @DisplayName("a busy rep is skipped, and the decision says so")
  void capacity() {
    Decision decision = choose(TEAM, Map.of("anna", 2), Turns.fresh(), Set.of(), "GB");

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

    Decision decision = choose(List.of(away, gone, CARA), Map.of(), Turns.fresh(), Set.of(), "GB");

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
            RoutingPolicy.EVERYONE,
            "GB",
            null,
            List.of(ANNA),
            Map.of(),
            Turns.fresh(),
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

    Decision decision = choose(List.of(newYork, tokyo), Map.of(), Turns.fresh(), Set.of(), "US");

    assertThat(decision.chosen()).as("05:00 in New York, 19:00 in Tokyo").isNull();
    assertThat(decision.candidates())
        .extracting(Candidate::verdict)
        .allMatch(v -> v.startsWith("skipped: outside working hours"));
    assertThat(
            RoutingPolicy.choose(
                    Role.SALES_REP,
                    RoutingPolicy.EVERYONE,
                    "US",
                    null,
                    List.of(newYork),
                    Map.of(),
                    Turns.fresh(),
                    Set.of(),
                    Instant.parse("2026-11-24T15:00:00Z"))
                .chosen())
        .as("10:00 in New York")
        .isEqualTo(newYork);
    assertThat(
            RoutingPolicy.choose(
                    Role.SALES_REP,
                    RoutingPolicy.EVERYONE,
                    "US",
                    null,
                    List.of(newYork),
                    Map.of(),
                    Turns.fresh(),
                    Set.of(),
                    Instant.parse("2026-11-28T15:00:00Z"))
                .chosen())
        .as("a Saturday")
        .isNull();
  }

  @Test
  @DisplayName("a reroute never goes back to a rep who had the lead")
  void excluded() {
    Decision decision = choose(TEAM, Map.of(), Turns.fresh(), Set.of("anna"), "GB");

    assertThat(decision.chosen()).isEqualTo(BEN);
    assertThat(decision.candidates())
        .extracting(Candidate::repId, Candidate::verdict)
        .contains(candidate("anna", "skipped: had this lead already"));
  }

  @Test
  @DisplayName("nobody available: no owner, and the reason names the team")
  void nobodyAvailable() {
    Decision decision =
        choose(TEAM, Map.of("anna", 2, "ben", 2, "cara", 2), Turns.fresh(), Set.of(), "GB");

    assertThat(decision.chosen()).isNull();
    assertThat(decision.why())
        .isEqualTo(
            org.leadhandoff.system.Why.of(
                "NOBODY_AVAILABLE", "team", "SALES_REP", "country", "GB", "count", 3));
    // Each had it already: the reason says so, not that nobody was there.
    assertThat(
            choose(TEAM, Map.of("cara", 2), Turns.fresh(), Set.of("anna", "ben"), "GB")
                .why()
                .code())
        .isEqualTo("NOBODY_AVAILABLE");
    assertThat(choose(TEAM, Map.of(), Turns.fresh(), Set.of("anna", "ben", "cara"), "GB").why())
        .isEqualTo(
            org.leadhandoff.system.Why.of(
                "ALL_HAD_LEAD", "team", "SALES_REP", "country", "GB", "count", 3));
    assertThat(choose(List.of(), Map.of(), Turns.fresh(), Set.of(), "GB").why())
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
                    RoutingPolicy.EVERYONE,
                    "GB",
                    "enterprise",
                    List.of(smb, enterprise),
                    Map.of(),
                    Turns.fresh(),
                    Set.of(),
                    NOW)
                .chosen())
        .isEqualTo(enterprise);
    assertThat(
            RoutingPolicy.choose(
                    Role.SALES_REP,
                    RoutingPolicy.EVERYONE,
                    "GB",
                    "smb",
                    List.of(smb, enterprise),
                    Map.of(),
                    Turns.fresh(),
                    Set.of(),
                    NOW)
                .chosen())
        .isEqualTo(smb);
    assertThat(
            RoutingPolicy.choose(
                    Role.SALES_REP,
                    RoutingPolicy.EVERYONE,
                    "GB",
                    null,
                    List.of(smb, enterprise),
                    Map.of(),
                    Turns.fresh(),
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
