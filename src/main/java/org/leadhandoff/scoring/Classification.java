package org.leadhandoff.scoring;

import java.util.List;

/** How a lead is classified, and the task priority that follows from it (0–100, higher first). */
public record Classification(
    Temperature temperature,
    Grade grade,
    SourceCategory sourceCategory,
    int priority,
    List<ScoreLine> explanation) {

  public Classification {
    explanation = List.copyOf(explanation);
  }
}
