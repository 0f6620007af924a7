package org.leadhandoff.routing;

import org.leadhandoff.lead.Stage;
import org.leadhandoff.process.LeadProcess.Processes;

/** What a person on the roster does with leads. */
public enum Role {
  /** Lead qualifiers (SDRs/BDRs): the phone qualification. */
  QUALIFIER,
  /** Sales reps (account executives): accept or reject sales-qualified leads. */
  SALES_REP,
  /** Sales managers: escalations when a lead finds no taker. */
  MANAGER;

  /** The stage a lead is in while this role has its task: the role's step of the funnel. */
  public Stage step() {
    return switch (this) {
      case QUALIFIER -> Stage.SAL;
      case SALES_REP -> Stage.SQL;
      case MANAGER -> null;
    };
  }

  /** Whose task a handoff process's SLA ladder is about: the sales rep's, or the qualifier's. */
  public static Role ofProcess(String bpmnProcessId) {
    return Processes.SALES_HANDOFF.equals(bpmnProcessId) ? SALES_REP : QUALIFIER;
  }
}
