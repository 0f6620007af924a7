package org.leadhandoff.process;

/** The values the gateways of the models read, each set by one worker or one form. */
public final class Outcomes {

  private Outcomes() {}

  /** {@code fitOutcome}, set by the fit scoring worker. */
  public enum FitOutcome {
    IN_PROFILE,
    OUT_OF_PROFILE
  }

  /** {@code engagementOutcome}, set by the engagement scoring worker. */
  public enum EngagementOutcome {
    MQL,
    NOT_YET
  }

  /** {@code qualificationOutcome}, chosen by the lead qualifier in the phone-qualification form. */
  public enum QualificationOutcome {
    QUALIFIED,
    NOT_NOW,
    MIS_SCORED,
    NO_ANSWER,
    DISQUALIFIED
  }

  /** {@code callAttemptOutcome}, set after an unanswered call. */
  public enum CallAttemptOutcome {
    RETRY,
    GIVE_UP
  }

  /** {@code salesDecision}, chosen by the sales rep in the sales-acceptance form. */
  public enum SalesDecision {
    ACCEPT,
    REJECT
  }
}
