package org.leadhandoff.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leadhandoff.scoring.ScoringCriteria.Engagement;
import org.leadhandoff.scoring.ScoringCriteria.EventWeight;
import org.springframework.stereotype.Service;

/**
 * Scores a lead's engagement from its events: each event type has a weight, old events fade with a
 * half-life, and a cap per type keeps one noisy visitor from buying MQL. A hand-raise is MQL at
 * once.
 */
@Service
public class EngagementScoring {

  private final Engagement engagement;
  private final double halfLifeSeconds;

  public EngagementScoring(ScoringCriteria criteria) {
    this.engagement = criteria.engagement();
    this.halfLifeSeconds = Math.max(1, engagement.halfLife().toSeconds());
    this.ruleNames = new java.util.HashMap<>();
    engagement.events().keySet().forEach(type -> ruleNames.put(type, "engagement.events." + type));
  }

  /** The explanation's rule name of each event type, made once. */
  private final Map<String, String> ruleNames;

  /** Whether the criteria know this event type (intake refuses the others). */
  public boolean knows(String type) {
    return engagement.events().containsKey(Keys.normalise(type));
  }

  /** The event types the criteria weigh, sorted. */
  public java.util.List<String> eventTypes() {
    return engagement.events().keySet().stream().sorted().toList();
  }

  public EngagementScore score(List<EngagementEvent> events, Instant now) {
    Map<String, double[]> byType = new LinkedHashMap<>(); // type -> {decayed points, count}
    boolean handRaise = false;
    String handRaiseType = null;
    for (EngagementEvent event : events) {
      String type = Keys.normalise(event.type());
      EventWeight weight = engagement.events().get(type);
      if (weight == null) {
        continue;
      }
      if (weight.handRaise()) {
        handRaise = true;
        handRaiseType = type;
      }
      double[] sum = byType.computeIfAbsent(type, t -> new double[2]);
      sum[0] += weight.points() * decay(event.occurredAt(), now);
      sum[1]++;
    }
    List<ScoreLine> lines = new ArrayList<>(byType.size() + 1);
    long total = 0;
    for (Map.Entry<String, double[]> entry : byType.entrySet()) {
      EventWeight weight = engagement.events().get(entry.getKey());
      double points = cap(entry.getValue()[0], weight);
      int rounded = (int) Math.round(points);
      total += rounded;
      int count = (int) entry.getValue()[1];
      String detail = entry.getKey() + ": " + count + (count == 1 ? " event" : " events");
      boolean capped = weight.cap() != null && points == weight.cap();
      if (capped) {
        detail += ", capped at " + weight.cap();
      }
      ScoreLine line = new ScoreLine(ruleNames.get(entry.getKey()), rounded, detail);
      lines.add(
          capped
              ? line.said(
                  "EVENTS_CAPPED", "type", entry.getKey(), "count", count, "cap", weight.cap())
              : line.said("EVENTS", "type", entry.getKey(), "count", count));
    }
    int points = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, total));
    if (handRaise) {
      lines.add(
          new ScoreLine(
                  "engagement.events." + handRaiseType + ".hand-raise", 0, "asked for sales: MQL")
              .said("HAND_RAISE", "type", handRaiseType));
    }
    return new EngagementScore(points, handRaise, handRaise || points >= engagement.mqlAt(), lines);
  }

  /** 1 for an event now (or dated in the future), 0.5 after one half-life, and so on. */
  double decay(Instant occurredAt, Instant now) {
    double age = Duration.between(occurredAt, now).toSeconds();
    return age <= 0 ? 1.0 : Math.pow(0.5, age / halfLifeSeconds);
  }

  private static double cap(double points, EventWeight weight) {
    if (weight.cap() == null) {
      return points;
    }
    int cap = weight.cap();
    return cap >= 0 ? Math.min(points, cap) : Math.max(points, cap);
  }
}
