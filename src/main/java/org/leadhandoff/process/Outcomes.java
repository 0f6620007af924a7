package org.leadhandoff.process;

import java.util.Map;
import org.leadhandoff.process.LeadProcess.Variables;

/**
 * The values the gateways of the models read, each set by one worker or one form. The contract test
 * checks every literal a model or a form compares one of these variables with, and the choices a
 * form offers for it, against its enum.
 */
public final class Outcomes {

  private Outcomes() {}

  /** The outcome variables and their values. */
  public static final Map<String, Class<? extends Enum<?>>> BY_VARIABLE =
      Map.of(
          Variables.FIT_OUTCOME, FitOutcome.class,
          Variables.ENGAGEMENT_OUTCOME, EngagementOutcome.class,
          Variables.QUALIFICATION_OUTCOME, QualificationOutcome.class,
          Variables.CALL_ATTEMPT_OUTCOME, CallAttemptOutcome.class,
          Variables.SALES_DECISION, SalesDecision.class,
          Variables.REROUTE_OUTCOME, RerouteOutcome.class,
          Variables.REJECTION_KIND, RejectionKind.class);

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

  /** {@code rerouteOutcome}, set by plan-reroute: to the next person, or tell the manager too. */
  public enum RerouteOutcome {
    REROUTE,
    ESCALATE
  }

  /**
   * {@code rejectionKind}, set by classify-rejection: REP_SPECIFIC sends the lead to another rep,
   * LEAD_SPECIFIC recycles it, NONE: the rep accepted.
   */
  public enum RejectionKind {
    NONE,
    REP_SPECIFIC,
    LEAD_SPECIFIC
  }
}
