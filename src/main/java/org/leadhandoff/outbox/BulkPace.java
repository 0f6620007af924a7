package org.leadhandoff.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How many imported leads this instance lets into the engine at once: as many as the engine scores
 * within {@code target}, found the way TCP finds a link's capacity. One more each round in which
 * the window was full (in the engine, or scored since the last round) and none is late; half when
 * the oldest is late (at most once per {@code target}, so that one slow moment does not empty it).
 * While a person's lead is on its way (a real-time message sent within {@code realtimeQuiet}), one
 * at a time: the engine works for the person first. A quiet begins only after as long a stretch
 * without one, so that a steady trickle of real-time messages (page visits, every second or so)
 * holds the list back half of the time, not all of it: a quiet after every message took a 3,880-row
 * import from 52 to 10 leads a second at one event a second (a tester, 2026-12-07).
 *
 * <p>The engine's answer to a round's first publish says how long its queue is: a person's lead
 * that comes now waits that long for each of its steps. While it answers later than {@code
 * answerTarget} the window does not grow, and past four times that it shrinks by a quarter (at most
 * once per {@code target}). Scoring in time alone let the queue fill to the target: a hot lead's
 * publish waited 40-350 ms for its answer during an import against 5-20 ms idle (ImportBenchmark,
 * 2026-12-07).
 *
 * <p>A fixed window of 4 held a 5,000-row import to 2.3-4.7 leads/s on an engine that takes 40
 * (ClusterTest, FlatnessBenchmark); a window that grows keeps the engine's queue at what it clears
 * within the target, however fast or slow the engine is.
 */
final class BulkPace {

  /** The window never closes: the list always moves, if one lead at a time. */
  private static final int MINIMUM = 1;

  private final int maximum;
  private final Duration target;
  private final Duration forgetAfter;
  private final Duration realtimeQuiet;
  private final Duration answerTarget;

  /** Published imported leads not scored yet, oldest first. */
  private final Map<UUID, Instant> inFlight = new LinkedHashMap<>();

  private double window;

  /** Leads scored since the last round: with those still in flight, whether the window was full. */
  private int landedSince;

  private Instant lastCut = Instant.EPOCH;

  /** Until when the list goes one at a time for a person's lead. */
  private Instant quietUntil = Instant.EPOCH;

  /** The slowest first answer of the rounds since the last adjustment; null when none. */
  private Duration answer;

  BulkPace(
      int start,
      int maximum,
      Duration target,
      Duration forgetAfter,
      Duration realtimeQuiet,
      Duration answerTarget) {
    this.maximum = Math.max(start, maximum);
    this.window = Math.max(MINIMUM, start);
    this.target = target;
    this.forgetAfter = forgetAfter;
    this.realtimeQuiet = realtimeQuiet;
    this.answerTarget = answerTarget;
  }

  /** How long the engine took to answer a bulk round's first publish. */
  synchronized void answered(Duration took) {
    if (answer == null || took.compareTo(answer) > 0) {
      answer = took;
    }
  }

  synchronized void published(UUID leadId, Instant at) {
    inFlight.put(leadId, at);
  }

  synchronized void realtimePublished(Instant at) {
    if (!at.isBefore(quietUntil.plus(realtimeQuiet))) {
      quietUntil = at.plus(realtimeQuiet);
    }
  }

  /** The leads to ask the store about: which of them have been scored. */
  synchronized List<UUID> waiting() {
    return List.copyOf(inFlight.keySet());
  }

  /** These have left the engine's queue (scored, or gone). */
  synchronized void landed(Collection<UUID> leadIds) {
    for (UUID leadId : leadIds) {
      if (inFlight.remove(leadId) != null) {
        landedSince++;
      }
    }
  }

  /** How many more imported leads may go now; adjusts the window first. */
  synchronized int allowed(Instant now) {
    // A lead stuck in an incident is not a slow engine: past ten targets it no longer steers the
    // window, and past forgetAfter it no longer holds a place.
    Instant oldestSteering = null;
    for (Iterator<Map.Entry<UUID, Instant>> it = inFlight.entrySet().iterator(); it.hasNext(); ) {
      Instant sent = it.next().getValue();
      if (sent.plus(forgetAfter).isBefore(now)) {
        it.remove();
      } else if (oldestSteering == null && !sent.plus(target.multipliedBy(10)).isBefore(now)) {
        oldestSteering = sent;
      }
    }
    boolean late = oldestSteering != null && oldestSteering.plus(target).isBefore(now);
    boolean full = inFlight.size() + landedSince >= (int) window;
    boolean queued = answer != null && answer.compareTo(answerTarget) > 0;
    boolean longQueue = answer != null && answer.compareTo(answerTarget.multipliedBy(4)) > 0;
    landedSince = 0;
    answer = null;
    boolean mayCut = !lastCut.plus(target).isAfter(now);
    if (late) {
      if (mayCut) {
        window = Math.max(MINIMUM, window / 2);
        lastCut = now;
      }
    } else if (longQueue) {
      if (mayCut) {
        window = Math.max(MINIMUM, window * 0.75);
        lastCut = now;
      }
    } else if (full && !queued) {
      window = Math.min(maximum, window + 1);
    }
    int cap = quietUntil.isAfter(now) ? 1 : (int) window;
    return Math.max(0, cap - inFlight.size());
  }

  synchronized int window() {
    return (int) window;
  }

  synchronized int inFlight() {
    return inFlight.size();
  }
}
