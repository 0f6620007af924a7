package org.leadhandoff.scoring;

import java.util.List;

/** A fit score with the grade and profile decision it gives, and the rules that made it. */
public record FitScore(int points, Grade grade, boolean inProfile, List<ScoreLine> explanation) {

  public FitScore {
    explanation = List.copyOf(explanation);
  }
}
