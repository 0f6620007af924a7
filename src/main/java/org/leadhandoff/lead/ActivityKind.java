package org.leadhandoff.lead;

/** What happened to a lead besides stage changes, scores and routing decisions. */
public enum ActivityKind {
  /** A person completed a task: the qualification outcome or the sales decision. */
  DECISION,
  /** The owner was reminded that the task is due soon. */
  SLA_REMINDER,
  /** The lead was taken from its owner: the SLA was missed, or the rep said "not mine". */
  REROUTE,
  /** The sales manager was told: nobody available, or rerouted too often. */
  ESCALATION,
  /** A person handed the lead's task to someone else or to the team queue. */
  HAND_OVER,
  /** The person's contact data was erased on request; the lifecycle ended. */
  ERASED
}
