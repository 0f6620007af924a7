package org.leadhandoff.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.leadhandoff.system.Timestamps;
import org.leadhandoff.web.InvalidFieldException;

/**
 * Which leads a report counts: those with activity in [from, to), optionally of one source, and
 * optionally worked by one team (some assignment to a person of that team).
 */
public record ReportFilter(Instant from, Instant to, String source, String team) {

  /** The longest period one report covers; a longer one would be a batch job, not a page. */
  static final Duration LONGEST = Duration.ofDays(400);

  public ReportFilter {
    if (from == null) {
      throw new InvalidFieldException("from", "is required");
    }
    if (to == null) {
      throw new InvalidFieldException("to", "is required");
    }
    if (!from.isBefore(to)) {
      throw new InvalidFieldException("to", "must be after from");
    }
    if (Duration.between(from, to).compareTo(LONGEST) > 0) {
      throw new InvalidFieldException("to", "the period may be at most 400 days long");
    }
    source = blankToNull(source);
    team = blankToNull(team);
  }

  /** Whether the report covers every lead: neither a source nor a team is asked for. */
  boolean companyWide() {
    return source == null && team == null;
  }

  /**
   * The conditions on the lead (alias {@code l}) for source and team, with their parameters
   * appended to {@code params}; empty when neither is set.
   */
  String leadConditions(List<Object> params) {
    StringBuilder sql = new StringBuilder();
    if (source != null) {
      sql.append(" and l.source = ?");
      params.add(source);
    }
    if (team != null) {
      sql.append(
          " and exists (select 1 from assignment ta join rep tr on tr.id = ta.rep_id"
              + " where ta.lead_id = l.id and tr.team = ?)");
      params.add(team);
    }
    return sql.toString();
  }

  /** Parameters: the period first, then what {@link #leadConditions} adds. */
  List<Object> periodParams() {
    List<Object> params = new ArrayList<>();
    params.add(Timestamps.utc(from));
    params.add(Timestamps.utc(to));
    return params;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
