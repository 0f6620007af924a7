package org.leadhandoff.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The handoff in numbers for one period: how many leads reached each stage and went on, how long
 * they waited, whether the owners met their SLAs, why leads were rejected, recycled or
 * disqualified, where leads came from, and whether marketing sends enough MQLs.
 */
public record FunnelReport(
    Instant from,
    Instant to,
    String source,
    String team,
    List<StageRow> stages,
    List<SlaRow> sla,
    List<RepSla> slaByRep,
    List<DaySla> slaByDay,
    List<Count> reroutes,
    List<Count> escalations,
    List<Count> rejectionReasons,
    List<Count> recycleReasons,
    List<Count> disqualificationReasons,
    List<Count> sources,
    Supply supply) {

  /**
   * One stage: leads entering it in the period, how many of those went on to the next stage, and
   * how long the stays that began in the period lasted (those that ended).
   *
   * @param nextStage the stage that counts as going on (null for the last)
   * @param conversionRate converted / entered, 0 to 1; null when none entered
   * @param stillThere stays that began in the period and have not ended
   */
  public record StageRow(
      String stage,
      long entered,
      String nextStage,
      long converted,
      Double conversionRate,
      long finishedStays,
      Long medianSeconds,
      Long p90Seconds,
      long stillThere) {}

  /**
   * SLA compliance of one role over the assignments made in the period.
   *
   * @param role QUALIFIER (first touch) or SALES_REP (acceptance)
   * @param met the owner acted by the deadline
   * @param missed the deadline passed first
   * @param pending still open, deadline not reached
   * @param complianceRate met / (met + missed); null when none decided
   */
  public record SlaRow(String role, long met, long missed, long pending, Double complianceRate) {}

  public record RepSla(
      String rep, String name, String team, String role, long met, long missed, long pending) {}

  public record DaySla(LocalDate day, String role, long met, long missed) {}

  public record Count(String key, long count) {}

  /**
   * The supply check: MQLs per week against what the qualification team can take on per week.
   *
   * @param weeklyCapacity the sum of the active qualifiers' weekly capacity (of the team, if one is
   *     chosen), as the roster is now
   * @param periodWeeks the period's length in weeks (30 days: 4.29), not the calendar weeks it
   *     touches, so a period that starts or ends mid-week does not dilute the average
   * @param averagePerWeek the period's MQLs over its length in weeks
   */
  public record Supply(
      long weeklyCapacity, double periodWeeks, double averagePerWeek, List<Week> weeks) {

    /**
     * @param weekStart the Monday (UTC) the week begins
     * @param mqls leads that became MQL that week
     * @param utilisation mqls / weeklyCapacity; null without capacity
     */
    public record Week(LocalDate weekStart, long mqls, Double utilisation) {}
  }
}
