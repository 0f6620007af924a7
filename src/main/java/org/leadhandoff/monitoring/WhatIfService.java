package org.leadhandoff.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.leadhandoff.lead.EngagementEventStore;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.monitoring.WhatIf.Change;
import org.leadhandoff.monitoring.WhatIf.Outcome;
import org.leadhandoff.monitoring.WhatIf.OutcomeRow;
import org.leadhandoff.monitoring.WhatIf.Result;
import org.leadhandoff.monitoring.WhatIf.Totals;
import org.leadhandoff.monitoring.WhatIf.Verdict;
import org.leadhandoff.scoring.EngagementEvent;
import org.leadhandoff.scoring.EngagementScore;
import org.leadhandoff.scoring.EngagementScoring;
import org.leadhandoff.scoring.FitScore;
import org.leadhandoff.scoring.FitScoring;
import org.leadhandoff.scoring.ScoringCriteria;
import org.leadhandoff.system.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores the leads captured in a period again, under the criteria configured now and under an
 * alternative, and puts both next to what later happened to each lead. Reads only: nothing is
 * recorded, no lead changes.
 */
@Service
public class WhatIfService {

  static final int PAGE = 500;
  static final int MAX_CHANGES = 200;

  private final ScoringCriteria criteria;
  private final CriteriaOverride override;
  private final LeadStore leads;
  private final EngagementEventStore eventStore;
  private final JdbcClient jdbc;

  WhatIfService(
      ScoringCriteria criteria,
      CriteriaOverride override,
      LeadStore leads,
      EngagementEventStore events,
      JdbcClient jdbc) {
    this.criteria = criteria;
    this.override = override;
    this.leads = leads;
    this.eventStore = events;
    this.jdbc = jdbc;
  }

  private record Scorers(FitScoring fit, EngagementScoring engagement) {
    static Scorers of(ScoringCriteria criteria) {
      return new Scorers(new FitScoring(criteria), new EngagementScoring(criteria));
    }

    Verdict verdict(Lead lead, List<EngagementEvent> events, Instant at) {
      FitScore fitScore = fit.score(lead.fitProfile());
      EngagementScore engagementScore = engagement.score(events, at);
      return new Verdict(
          fitScore.grade().name(),
          fitScore.inProfile(),
          fitScore.inProfile() && engagementScore.mql(),
          fitScore.points(),
          engagementScore.points());
    }
  }

  @Transactional(readOnly = true)
  public Result evaluate(ReportFilter filter, Map<String, Object> alternativeCriteria) {
    ScoringCriteria alternative = override.bind(alternativeCriteria);
    Scorers now = Scorers.of(criteria);
    Scorers other = Scorers.of(alternative);
    Tally tallyNow = new Tally();
    Tally tallyOther = new Tally();
    Map<Outcome, long[]> outcomes = new EnumMap<>(Outcome.class);
    List<Change> changes = new ArrayList<>();
    long count = 0;
    long newlyMql = 0;
    long noLongerMql = 0;
    long gradeChanged = 0;
    UUID after = null;
    while (true) {
      List<UUID> page = page(filter, after);
      if (page.isEmpty()) {
        break;
      }
      Map<UUID, Lead> found = leads.find(page);
      Map<UUID, Outcome> outcomeOf = outcomes(page);
      for (UUID id : page) {
        Lead lead = found.get(id);
        if (lead == null) {
          continue;
        }
        count++;
        List<EngagementEvent> events =
            eventStore.counting(id).stream()
                .filter(e -> e.occurredAt().isBefore(filter.to()))
                .toList();
        Instant at =
            events.stream()
                .map(EngagementEvent::occurredAt)
                .max(Instant::compareTo)
                .orElse(filter.to());
        Verdict a = now.verdict(lead, events, at);
        Verdict b = other.verdict(lead, events, at);
        tallyNow.add(a);
        tallyOther.add(b);
        Outcome outcome = outcomeOf.getOrDefault(id, Outcome.NEVER_MQL);
        long[] row = outcomes.computeIfAbsent(outcome, o -> new long[3]);
        row[0]++;
        row[1] += a.mql() ? 1 : 0;
        row[2] += b.mql() ? 1 : 0;
        if (!a.mql() && b.mql()) {
          newlyMql++;
        }
        if (a.mql() && !b.mql()) {
          noLongerMql++;
        }
        if (!a.grade().equals(b.grade())) {
          gradeChanged++;
        }
        if ((a.mql() != b.mql() || a.inProfile() != b.inProfile() || !a.grade().equals(b.grade()))
            && changes.size() < MAX_CHANGES) {
          changes.add(new Change(id, outcome, a, b));
        }
      }
      after = page.getLast();
    }
    List<OutcomeRow> rows = new ArrayList<>();
    outcomes.forEach((o, r) -> rows.add(new OutcomeRow(o, r[0], r[1], r[2])));
    return new Result(
        filter.from(),
        filter.to(),
        filter.source(),
        criteria.version(),
        alternative.version().equals(criteria.version())
            ? criteria.version() + " with changes"
            : alternative.version(),
        count,
        "each lead at its last engagement event in the period, or at the period's end",
        tallyNow.totals(),
        tallyOther.totals(),
        newlyMql,
        noLongerMql,
        gradeChanged,
        rows,
        changes);
  }

  /** Leads captured in the period, in id order, a page after {@code after}. */
  private List<UUID> page(ReportFilter filter, UUID after) {
    List<Object> params = new ArrayList<>();
    params.add(Timestamps.utc(filter.from()));
    params.add(Timestamps.utc(filter.to()));
    String sql = "select l.id from lead l where l.created_at >= ? and l.created_at < ?";
    if (filter.source() != null) {
      sql += " and l.source = ?";
      params.add(filter.source());
    }
    if (after != null) {
      sql += " and l.id > ?";
      params.add(after);
    }
    params.add(PAGE);
    return jdbc.sql(sql + " order by l.id fetch first ? rows only")
        .params(params)
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .list();
  }

  /** What became of each lead, from its stage history. */
  private Map<UUID, Outcome> outcomes(List<UUID> ids) {
    Map<UUID, List<String[]>> history = new TreeMap<>();
    String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    jdbc.sql(
            "select lead_id, to_stage, reason_code from lead_stage_change where lead_id in ("
                + in
                + ") order by lead_id, id")
        .params(new ArrayList<Object>(ids))
        .query(
            (rs, n) ->
                history
                    .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new String[] {rs.getString(2), rs.getString(3)}))
        .list();
    Map<UUID, Outcome> outcomes = new java.util.HashMap<>();
    history.forEach((id, changes) -> outcomes.put(id, outcome(changes)));
    return outcomes;
  }

  static Outcome outcome(List<String[]> changes) {
    boolean mql = false;
    boolean sql = false;
    boolean rejected = false;
    boolean disqualified = false;
    boolean recycled = false;
    for (String[] change : changes) {
      Stage stage = Stage.valueOf(change[0]);
      switch (stage) {
        case OPPORTUNITY -> {
          return Outcome.OPPORTUNITY;
        }
        case MQL -> mql = true;
        case SQL -> sql = true;
        case DISQUALIFIED -> disqualified = true;
        case RECYCLED -> {
          recycled = true;
          rejected |= "REJECTED_BY_SALES".equals(change[1]);
        }
        default -> {}
      }
    }
    if (rejected) {
      return Outcome.REJECTED_BY_SALES;
    }
    if (sql) {
      return Outcome.QUALIFIED;
    }
    if (disqualified) {
      return Outcome.DISQUALIFIED;
    }
    if (recycled) {
      return Outcome.RECYCLED;
    }
    return mql ? Outcome.IN_PROGRESS : Outcome.NEVER_MQL;
  }

  private static final class Tally {
    long inProfile;
    long mql;
    final Map<String, Long> grades = new TreeMap<>();

    void add(Verdict v) {
      inProfile += v.inProfile() ? 1 : 0;
      mql += v.mql() ? 1 : 0;
      grades.merge(v.grade(), 1L, Long::sum);
    }

    Totals totals() {
      return new Totals(inProfile, mql, grades);
    }
  }
}
