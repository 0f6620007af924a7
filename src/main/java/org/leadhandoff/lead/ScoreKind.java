package org.leadhandoff.lead;

/** What a stored score is of. */
public enum ScoreKind {
  FIT,
  ENGAGEMENT,
  CLASSIFICATION
}
