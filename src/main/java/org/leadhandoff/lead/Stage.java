package org.leadhandoff.lead;

/**
 * The stages of a lead's life. The names are the product's vocabulary (see the README); the BPMN
 * models refer to them by name in the {@code stage} header of their milestone events.
 */
public enum Stage {
  NAME,
  OUT_OF_PROFILE,
  IN_PROFILE,
  MQL,
  SAL,
  SQL,
  OPPORTUNITY,
  RECYCLED,
  DISQUALIFIED;

  /**
   * Where a lead goes on to from this stage, as the funnel counts it: the next step towards an
   * opportunity (a recycled lead goes on by coming back in profile); null where the funnel ends.
   */
  public Stage goingOn() {
    return switch (this) {
      case NAME, OUT_OF_PROFILE, RECYCLED -> IN_PROFILE;
      case IN_PROFILE -> MQL;
      case MQL -> SAL;
      case SAL -> SQL;
      case SQL -> OPPORTUNITY;
      case OPPORTUNITY, DISQUALIFIED -> null;
    };
  }
}
