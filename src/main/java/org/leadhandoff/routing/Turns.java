package org.leadhandoff.routing;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each person of one rotation (a role's team) stands: the rotation is weighted and fair.
 *
 * <ul>
 *   <li>Each person has a place; the available person with the lowest place gets the next lead
 *       (equal places: the first by id), and moves on by 1/weight. A weight of 2 moves half as far
 *       per lead and so gets twice the leads of a colleague with weight 1.
 *   <li>The rotation's {@code now} is the place of the last person who got a lead. Whoever stands
 *       behind it (back from holiday, off shift, full, new on the roster) counts as standing at it:
 *       back at the front of the queue, but not owed the leads they missed, so no flood.
 *   <li>A person who loses a lead through no fault of theirs is moved back by the step the lead
 *       cost them: the turn is theirs again. A missed deadline gives nothing back.
 * </ul>
 *
 * @param now the rotation's now
 * @param places each person's place; someone not in it stands at {@code now}
 * @param credits turns given back, in places, that a person holds until their next lead; kept apart
 *     from the place so that the rotation moving on does not wipe them out
 */
public record Turns(double now, Map<String, Double> places, Map<String, Double> credits) {

  public Turns(double now, Map<String, Double> places) {
    this(now, places, Map.of());
  }

  /** A rotation nobody has had a lead of yet. */
  public static Turns fresh() {
    return new Turns(0, Map.of(), Map.of());
  }

  /** Where the person stands: never behind the rotation's now, less the turns given back. */
  public double placeOf(String repId) {
    return base(repId) - credits.getOrDefault(repId, 0.0);
  }

  private double base(String repId) {
    return Math.max(places.getOrDefault(repId, now), now);
  }

  /** How far a lead moves the person on. */
  public static double step(Rep rep) {
    return 1 / (rep.weight() > 0 ? rep.weight() : Rep.DEFAULT_WEIGHT);
  }

  /**
   * The rotation after the person got a lead: a turn given back is used up first (the person does
   * not move on for it), else they move on by their step.
   */
  public Turns took(Rep rep) {
    double at = placeOf(rep.id());
    double base = base(rep.id());
    double credit = credits.getOrDefault(rep.id(), 0.0);
    Map<String, Double> nextPlaces = new HashMap<>(places);
    Map<String, Double> nextCredits = new HashMap<>(credits);
    if (credit >= step(rep) - EPSILON) {
      nextPlaces.put(rep.id(), base);
      nextCredits.put(rep.id(), Math.max(0, credit - step(rep)));
    } else {
      nextPlaces.put(rep.id(), base + step(rep));
    }
    return new Turns(Math.max(now, at), Map.copyOf(nextPlaces), Map.copyOf(nextCredits));
  }

  /** The rotation after the person was given back the turn a lead cost them. */
  public Turns creditedBack(Rep rep) {
    Map<String, Double> next = new HashMap<>(credits);
    next.merge(rep.id(), step(rep), Double::sum);
    return new Turns(now, places, Map.copyOf(next));
  }

  /** What a person holds of the rotation: their place and the turns given back to them. */
  public double creditOf(String repId) {
    return credits.getOrDefault(repId, 0.0);
  }

  private static final double EPSILON = 1e-9;
}
