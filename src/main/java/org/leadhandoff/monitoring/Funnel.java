package org.leadhandoff.monitoring;

import java.util.List;
import java.util.Map;
import org.leadhandoff.lead.Stage;

/** The stages in funnel order, and which stage counts as going on from each. */
final class Funnel {

  private Funnel() {}

  /** The order the report lists stages in. */
  static final List<Stage> ORDER =
      List.of(
          Stage.NAME,
          Stage.OUT_OF_PROFILE,
          Stage.IN_PROFILE,
          Stage.MQL,
          Stage.SAL,
          Stage.SQL,
          Stage.OPPORTUNITY,
          Stage.RECYCLED,
          Stage.DISQUALIFIED);

  /** Going on: the next step towards an opportunity (a recycled lead goes on by coming back). */
  static final Map<Stage, Stage> NEXT = next();

  private static Map<Stage, Stage> next() {
    Map<Stage, Stage> next = new java.util.EnumMap<>(Stage.class);
    for (Stage stage : Stage.values()) {
      if (stage.goingOn() != null) {
        next.put(stage, stage.goingOn());
      }
    }
    return java.util.Collections.unmodifiableMap(next);
  }

  /** SQL: the next stage of {@code column} as a CASE expression. */
  static String nextStageCase(String column) {
    StringBuilder sql = new StringBuilder("case ").append(column);
    ORDER.stream()
        .filter(NEXT::containsKey)
        .forEach(
            s ->
                sql.append(" when '")
                    .append(s.name())
                    .append("' then '")
                    .append(NEXT.get(s).name())
                    .append("'"));
    return sql.append(" end").toString();
  }
}
