package org.leadhandoff.scoring;

/** Quality grade from the fit score: A high, B medium, C low, D poor. */
public enum Grade {
  A,
  B,
  C,
  D
}
