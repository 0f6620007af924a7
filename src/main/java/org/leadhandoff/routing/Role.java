package org.leadhandoff.routing;

/** What a person on the roster does with leads. */
public enum Role {
  /** Lead qualifiers (SDRs/BDRs): the phone qualification. */
  QUALIFIER,
  /** Sales reps (account executives): accept or reject sales-qualified leads. */
  SALES_REP,
  /** Sales managers: escalations when a lead finds no taker. */
  MANAGER
}
