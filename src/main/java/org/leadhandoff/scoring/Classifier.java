package org.leadhandoff.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leadhandoff.scoring.ScoringCriteria.Priority;
import org.springframework.stereotype.Service;

/**
 * Gives a lead its temperature, source category and priority; referral and hot leads come first.
 */
@Service
public class Classifier {

  private final Map<String, SourceCategory> sources;
  private final Priority priority;

  public Classifier(ScoringCriteria criteria) {
    Map<String, SourceCategory> normalised = new HashMap<>();
    criteria
        .classification()
        .sourceCategories()
        .forEach((k, v) -> normalised.put(Keys.normalise(k), v));
    this.sources = Map.copyOf(normalised);
    this.priority = criteria.classification().priority();
  }

  /**
   * @param bant the qualifier's answers, or null before the phone qualification
   */
  public Classification classify(
      Grade grade, EngagementScore engagement, Bant bant, String source, String referredBy) {
    List<ScoreLine> lines = new ArrayList<>(4);
    Temperature temperature;
    if (bant != null && bant.allConfirmed()) {
      temperature = Temperature.HOT;
      lines.add(
          new ScoreLine(
                  "classification.temperature",
                  0,
                  "HOT: budget, authority, need and timing confirmed")
              .said("HOT_BANT"));
    } else if (engagement.handRaise() && grade == Grade.A) {
      temperature = Temperature.HOT;
      lines.add(
          new ScoreLine("classification.temperature", 0, "HOT: hand-raise from a grade-A lead")
              .said("HOT_HAND_RAISE"));
    } else if (engagement.mql()) {
      temperature = Temperature.WARM;
      lines.add(
          new ScoreLine(
                  "classification.temperature",
                  0,
                  engagement.handRaise() ? "WARM: hand-raise" : "WARM: engaged to MQL")
              .said(engagement.handRaise() ? "WARM_HAND_RAISE" : "WARM_MQL"));
    } else {
      temperature = Temperature.COLD;
      lines.add(
          new ScoreLine("classification.temperature", 0, "COLD: not engaged enough yet")
              .said("COLD"));
    }
    SourceCategory category = category(source, referredBy);
    int score =
        switch (temperature) {
          case HOT -> priority.hot();
          case WARM -> priority.warm();
          case COLD -> priority.cold();
        };
    lines.add(
        new ScoreLine(
                "classification.priority." + temperature.name().toLowerCase(),
                score,
                "temperature " + temperature)
            .said("PRIORITY_TEMPERATURE", "temperature", temperature.name()));
    if (category == SourceCategory.REFERRAL) {
      score += priority.referral();
      lines.add(
          new ScoreLine("classification.priority.referral", priority.referral(), "referral")
              .said("PRIORITY_REFERRAL"));
    }
    if (grade == Grade.A) {
      score += priority.gradeA();
      lines.add(
          new ScoreLine("classification.priority.grade-a", priority.gradeA(), "grade A")
              .said("PRIORITY_GRADE_A"));
    }
    return new Classification(temperature, grade, category, Math.clamp(score, 0, 100), lines);
  }

  SourceCategory category(String source, String referredBy) {
    if (referredBy != null && !referredBy.isBlank()) {
      return SourceCategory.REFERRAL;
    }
    if (source == null || source.isBlank()) {
      return SourceCategory.MARKETING;
    }
    return sources.getOrDefault(Keys.normalise(source), SourceCategory.MARKETING);
  }
}
