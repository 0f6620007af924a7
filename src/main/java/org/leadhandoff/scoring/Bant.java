package org.leadhandoff.scoring;

/** What the qualifier confirmed on the phone: budget, authority, need and timing. */
public record Bant(boolean budget, boolean authority, boolean need, boolean timing) {

  public boolean allConfirmed() {
    return budget && authority && need && timing;
  }
}
