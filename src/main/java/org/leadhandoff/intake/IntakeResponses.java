package org.leadhandoff.intake;

import java.util.UUID;

/** What intake answers. */
public final class IntakeResponses {

  private IntakeResponses() {}

  /** A capture: the lead, and whether it is new or the email was a lead already. */
  public record Captured(UUID leadId, Outcome outcome) {
    public enum Outcome {
      CREATED,
      MERGED
    }
  }

  /**
   * An event: RECORDED, DUPLICATE (its id was seen before), or PENDING_CAPTURE (no lead has the
   * email yet; it is kept and counts once the person is captured).
   */
  public record EventRecorded(UUID leadId, EngagementService.Recorded outcome) {}
}
