package org.leadhandoff.monitoring;

/**
 * The numbers of the funnel report that lead to a list of leads: each report number is the count of
 * one of these, so the list behind it is exactly what was counted.
 */
public enum Metric {
  /** Entered {@code stage} in the period. */
  ENTERED,
  /** Entered {@code stage} in the period and later went on to its next stage. */
  CONVERTED,
  /** Entered {@code stage} in the period and is still there. */
  STILL_THERE,
  /** Assigned in the period to a person of {@code role} (and {@code rep}) who acted in time. */
  SLA_MET,
  /** Assigned in the period to a person of {@code role} (and {@code rep}) who missed the SLA. */
  SLA_MISSED,
  /** Rerouted in the period ({@code key}: SLA_MISSED or REP_REJECTED, or all). */
  REROUTED,
  /** Escalated in the period ({@code key}: NOBODY_AVAILABLE or MAX_REROUTES, or all). */
  ESCALATED,
  /** Rejected by a sales rep in the period for the reason {@code key}. */
  REJECTED,
  /** Recycled in the period for the reason {@code key}. */
  RECYCLED,
  /** Disqualified in the period for the reason {@code key}. */
  DISQUALIFIED,
  /** Captured in the period from the source {@code key}. */
  SOURCE
}
