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
 */
public record Turns(double now, Map<String, Double> places) {

  /** A rotation nobody has had a lead of yet. */
  public static Turns fresh() {
    return new Turns(0, Map.of());
  }

  /** Where the person stands: never behind the rotation's now. */
  public double placeOf(String repId) {
    return Math.max(places.getOrDefault(repId, now), now);
  }

  /** How far a lead moves the person on. */
  public static double step(Rep rep) {
    return 1 / (rep.weight() > 0 ? rep.weight() : Rep.DEFAULT_WEIGHT);
  }

  /** The rotation after the person got a lead. */
  public Turns took(Rep rep) {
    double at = placeOf(rep.id());
    Map<String, Double> next = new HashMap<>(places);
    next.put(rep.id(), at + step(rep));
    return new Turns(Math.max(now, at), Map.copyOf(next));
  }

  /** The rotation after the person was given back the turn a lead cost them. */
  public Turns creditedBack(Rep rep) {
    Map<String, Double> next = new HashMap<>(places);
    next.put(rep.id(), placeOf(rep.id()) - step(rep));
    return new Turns(now, Map.copyOf(next));
  }
}
