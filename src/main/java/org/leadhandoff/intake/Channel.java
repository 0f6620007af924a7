package org.leadhandoff.intake;

import org.leadhandoff.lead.LeadContact.Merge;
import org.leadhandoff.outbox.Lane;

/** Where a capture comes from decides how it merges and how fast it reaches the engine. */
public enum Channel {
  /** A person (a form, the API, a webhook): their data replaces, their lead goes first. */
  PERSON(Merge.REPLACE, Lane.REALTIME),
  /** A list (an import): it fills gaps only, and waits while the engine is busy. */
  LIST(Merge.FILL, Lane.BULK);

  private final Merge merge;
  private final Lane lane;

  Channel(Merge merge, Lane lane) {
    this.merge = merge;
    this.lane = lane;
  }

  public Merge merge() {
    return merge;
  }

  public Lane lane() {
    return lane;
  }
}
