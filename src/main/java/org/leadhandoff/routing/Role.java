package org.leadhandoff.routing;

import org.leadhandoff.process.LeadProcess.Processes;

/** What a person on the roster does with leads. */
public enum Role {
  /** Lead qualifiers (SDRs/BDRs): the phone qualification. */
  QUALIFIER,
  /** Sales reps (account executives): accept or reject sales-qualified leads. */
  SALES_REP,
  /** Sales managers: escalations when a lead finds no taker. */
  MANAGER;

  /** Whose task a handoff process's SLA ladder is about: the sales rep's, or the qualifier's. */
  public static Role ofProcess(String bpmnProcessId) {
    return Processes.SALES_HANDOFF.equals(bpmnProcessId) ? SALES_REP : QUALIFIER;
  }
}
