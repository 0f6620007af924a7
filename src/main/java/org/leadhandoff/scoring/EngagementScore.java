package org.leadhandoff.scoring;

import java.util.List;

/**
 * An engagement score at a moment.
 *
 * @param handRaise the lead asked for sales (demo, contact request)
 * @param mql in profile, this is enough for MQL: a hand-raise or points at the threshold
 */
public record EngagementScore(
    int points, boolean handRaise, boolean mql, List<ScoreLine> explanation) {

  public EngagementScore {
    explanation = List.copyOf(explanation);
  }
}
