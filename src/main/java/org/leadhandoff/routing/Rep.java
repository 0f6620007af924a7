package org.leadhandoff.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A person on the roster.
 *
 * @param territories the country codes (ISO two letters) they cover; {@code *} covers all
 * @param segments the company size segments they serve (criteria.yaml); {@code *} serves all
 * @param capacity the most open leads they work at once
 * @param team the team they belong to (reports; routing's decision table names teams)
 * @param weight their share of the rotation against a colleague's 1: 2 takes twice as many leads,
 *     0.5 half as many
 */
public record Rep(
    String id,
    String name,
    String email,
    Role role,
    List<String> territories,
    List<String> segments,
    int capacity,
    Set<DayOfWeek> workDays,
    LocalTime workFrom,
    LocalTime workTo,
    ZoneId timeZone,
    Instant outOfOfficeFrom,
    Instant outOfOfficeTo,
    boolean active,
    String team,
    double weight) {

  /** Everyone gets leads at the same pace unless the roster gives a weight. */
  public static final double DEFAULT_WEIGHT = 1;

  /** A person of no named team and the default weight (roster rows of before, tests). */
  public Rep(
      String id,
      String name,
      String email,
      Role role,
      List<String> territories,
      List<String> segments,
      int capacity,
      Set<DayOfWeek> workDays,
      LocalTime workFrom,
      LocalTime workTo,
      ZoneId timeZone,
      Instant outOfOfficeFrom,
      Instant outOfOfficeTo,
      boolean active) {
    this(
        id,
        name,
        email,
        role,
        territories,
        segments,
        capacity,
        workDays,
        workFrom,
        workTo,
        timeZone,
        outOfOfficeFrom,
        outOfOfficeTo,
        active,
        "default",
        DEFAULT_WEIGHT);
  }

  /** The same person with another weight. */
  public Rep withWeight(double weight) {
    return new Rep(
        id,
        name,
        email,
        role,
        territories,
        segments,
        capacity,
        workDays,
        workFrom,
        workTo,
        timeZone,
        outOfOfficeFrom,
        outOfOfficeTo,
        active,
        team,
        weight);
  }

  public boolean covers(String country) {
    return territories.contains("*")
        || (country != null && territories.stream().anyMatch(t -> t.equalsIgnoreCase(country)));
  }

  /** A lead of unknown size can go to anyone; a sized lead to those serving its segment. */
  public boolean serves(String segment) {
    return segment == null
        || segments.contains("*")
        || segments.stream().anyMatch(s -> s.equalsIgnoreCase(segment));
  }

  public boolean outOfOffice(Instant now) {
    return outOfOfficeFrom != null
        && !now.isBefore(outOfOfficeFrom)
        && (outOfOfficeTo == null || now.isBefore(outOfOfficeTo));
  }

  /** Within their working hours, in their own time zone. */
  public boolean working(Instant now) {
    var local = now.atZone(timeZone);
    if (!workDays.contains(local.getDayOfWeek())) {
      return false;
    }
    LocalTime time = local.toLocalTime();
    if (untilMidnight()) {
      return !time.isBefore(workFrom);
    }
    return workFrom.isBefore(workTo)
        ? !time.isBefore(workFrom) && time.isBefore(workTo)
        : !time.isBefore(workFrom) || time.isBefore(workTo); // a night shift over midnight
  }

  /**
   * Whether the working day runs to midnight: a roster says so with "23:59" (a time of day cannot
   * be 24:00), and the last minute of the day counts as worked, not as outside working hours.
   */
  public boolean untilMidnight() {
    return workTo.equals(LAST_MINUTE);
  }

  private static final LocalTime LAST_MINUTE = LocalTime.of(23, 59);
}
