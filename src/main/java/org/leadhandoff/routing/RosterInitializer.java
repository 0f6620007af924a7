package org.leadhandoff.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Puts the people of roster.yaml into the lead store at start-up, leaving those already there. */
@Component
class RosterInitializer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RosterInitializer.class);

  private final RosterSeed seed;
  private final RosterStore roster;

  RosterInitializer(RosterSeed seed, RosterStore roster) {
    this.seed = seed;
    this.roster = roster;
  }

  @Override
  public void run(ApplicationArguments args) {
    long added =
        seed.reps().stream().map(RosterSeed.Person::toRep).filter(roster::addIfMissing).count();
    // Team and weekly capacity are organisation, not state: the file always wins.
    seed.reps()
        .forEach(p -> roster.organise(p.id(), p.team(), p.weeklyCapacityOrDefault(), p.weight()));
    if (added > 0) {
      log.info("Roster: {} people added from the roster file", added);
    }
  }
}
