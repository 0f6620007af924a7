package org.leadhandoff.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What-if for the quarterly review: the request, and the leads of a period under two criteria. */
public final class WhatIf {

  private WhatIf() {}

  /**
   * @param from the period's start: a date (YYYY-MM-DD) or an instant; leads captured from then
   * @param to the period's end: a date (included) or an instant (excluded)
   * @param source only leads of this source, optionally
   * @param criteria the alternative criteria: any part of criteria.yaml's {@code
   *     lead-handoff.criteria}, with the same keys (for example {@code {"engagement": {"mql-at":
   *     70}}}); what it leaves out stays as configured now
   */
  public record Request(String from, String to, String source, Map<String, Object> criteria) {}

  /** How one set of criteria classifies a lead. */
  public record Verdict(
      String grade, boolean inProfile, boolean mql, int fitPoints, int engagementPoints) {}

  /**
   * What later happened to a lead, whatever the criteria said: OPPORTUNITY, QUALIFIED (SQL, not yet
   * accepted), REJECTED_BY_SALES, DISQUALIFIED, RECYCLED, IN_PROGRESS (MQL, still open), or
   * NEVER_MQL.
   */
  public enum Outcome {
    OPPORTUNITY,
    QUALIFIED,
    REJECTED_BY_SALES,
    DISQUALIFIED,
    RECYCLED,
    IN_PROGRESS,
    NEVER_MQL
  }

  /** Totals under one set of criteria. */
  public record Totals(long inProfile, long mql, Map<String, Long> grades) {}

  /**
   * Per later outcome: how many leads had it, and how many of them each set of criteria passed as
   * MQL. More MQLs among OPPORTUNITY and QUALIFIED and fewer among REJECTED_BY_SALES and
   * DISQUALIFIED is a better set.
   */
  public record OutcomeRow(Outcome outcome, long leads, long mqlNow, long mqlAlternative) {}

  public record Change(UUID leadId, Outcome outcome, Verdict now, Verdict alternative) {}

  /**
   * @param evaluatedAt each lead is scored at its last engagement event in the period (the peak of
   *     its interest, before decay), or at the period's end when it has none
   * @param changes the leads whose classification differs (the first 200)
   */
  public record Result(
      Instant from,
      Instant to,
      String source,
      String criteriaNow,
      String criteriaAlternative,
      long leads,
      String evaluatedAt,
      Totals now,
      Totals alternative,
      long newlyMql,
      long noLongerMql,
      long gradeChanged,
      List<OutcomeRow> outcomes,
      List<Change> changes) {}
}
