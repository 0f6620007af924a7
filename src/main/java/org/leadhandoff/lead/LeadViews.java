package org.leadhandoff.lead;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.scoring.Grade;
import org.leadhandoff.scoring.ScoreLine;
import org.leadhandoff.scoring.SourceCategory;
import org.leadhandoff.scoring.Temperature;

/** How the API shows leads. */
public final class LeadViews {

  private LeadViews() {}

  /**
   * A score as shown: its points, its result, and the rules that made it.
   *
   * @param result the grade (fit), HAND_RAISE / MQL / BELOW_MQL / RESET (engagement), or the
   *     temperature (classification)
   */
  public record ScoreView(
      int points,
      String result,
      List<ScoreLine> explanation,
      String criteriaVersion,
      Instant scoredAt) {

    static ScoreView of(StoredScore score) {
      return new ScoreView(
          score.points(),
          score.result(),
          score.explanation(),
          score.criteriaVersion(),
          score.scoredAt());
    }
  }

  /**
   * @param reason in English words
   * @param reasonCode and {@code reasonFacts}: the same for programs, and for pages that write it
   *     in their reader's language
   */
  public record StageChangeView(
      Stage fromStage,
      Stage toStage,
      Instant changedAt,
      String reason,
      String reasonCode,
      Map<String, Object> reasonFacts,
      String changedBy) {

    static StageChangeView of(StageChange change) {
      return new StageChangeView(
          change.fromStage(),
          change.toStage(),
          change.changedAt(),
          change.reason(),
          change.reasonCode(),
          org.leadhandoff.system.Why.facts(change.reasonFacts()),
          change.changedBy());
    }
  }

  /**
   * What people and rules did with the lead's tasks beside its stages: decisions (with a rep's
   * reason for sending it on), reroutes, escalations and hand-overs, oldest first.
   *
   * @param actor the person's roster id, or the rule that acted
   * @param code the decision or the cause (REJECT, SLA_MISSED, ...)
   * @param reason in English words; {@code reasonCode} and {@code reasonFacts} for the reader's
   *     language where kept
   */
  public record ActivityView(
      ActivityKind kind,
      String role,
      String actor,
      String code,
      String reason,
      String reasonCode,
      Map<String, Object> reasonFacts,
      Instant occurredAt) {

    static final java.util.Set<ActivityKind> SHOWN =
        java.util.EnumSet.of(
            ActivityKind.DECISION,
            ActivityKind.REROUTE,
            ActivityKind.ESCALATION,
            ActivityKind.HAND_OVER);

    static ActivityView of(LeadActivity a) {
      return new ActivityView(
          a.kind(),
          a.role(),
          a.actor(),
          a.code(),
          a.detail(),
          a.whyCode(),
          org.leadhandoff.system.Why.facts(a.whyFacts()),
          a.occurredAt());
    }
  }

  /**
   * A lead with its scores and history; why it went to whom is at {@code /api/leads/{id}/routing}.
   *
   * @param owner the roster id of who works it now (see {@link LeadStore#owners}), or null
   */
  public record LeadView(
      UUID id,
      String owner,
      // Flat in JSON, as the API has always shown the contact's fields.
      @JsonUnwrapped LeadContact contact,
      SourceCategory sourceCategory,
      Stage stage,
      Grade fitGrade,
      Boolean inProfile,
      Temperature temperature,
      Integer priority,
      ScoreView fit,
      ScoreView engagement,
      ScoreView classification,
      List<StageChangeView> history,
      List<ActivityView> activities,
      Instant createdAt,
      Instant updatedAt) {

    static LeadView of(
        Lead lead,
        String owner,
        List<StoredScore> scores,
        List<StageChange> history,
        List<LeadActivity> activities) {
      return new LeadView(
          lead.id(),
          owner,
          lead.contact(),
          lead.sourceCategory(),
          lead.stage(),
          lead.fitGrade(),
          lead.inProfile(),
          lead.temperature(),
          lead.priority(),
          latest(scores, ScoreKind.FIT),
          latest(scores, ScoreKind.ENGAGEMENT),
          latest(scores, ScoreKind.CLASSIFICATION),
          history.stream().map(StageChangeView::of).toList(),
          activities.stream()
              .filter(a -> ActivityView.SHOWN.contains(a.kind()))
              .map(ActivityView::of)
              .toList(),
          lead.createdAt(),
          lead.updatedAt());
    }

    private static ScoreView latest(List<StoredScore> scores, ScoreKind kind) {
      return scores.stream()
          .filter(s -> s.kind() == kind)
          .max(Comparator.comparingLong(StoredScore::id))
          .map(ScoreView::of)
          .orElse(null);
    }
  }

  public record LeadSummary(
      UUID id,
      String email,
      String firstName,
      String lastName,
      String company,
      Stage stage,
      Grade fitGrade,
      Integer fitPoints,
      Integer engagementPoints,
      Temperature temperature,
      Integer priority,
      String owner,
      Instant updatedAt) {

    /** The leads with their owners, read in one query. */
    public static List<LeadSummary> of(List<Lead> leads, LeadStore store) {
      var owners = store.owners(leads.stream().map(Lead::id).toList());
      return leads.stream().map(l -> of(l, owners.get(l.id()))).toList();
    }

    public static LeadSummary of(Lead lead, String owner) {
      return new LeadSummary(
          lead.id(),
          lead.contact().email(),
          lead.contact().firstName(),
          lead.contact().lastName(),
          lead.contact().company(),
          lead.stage(),
          lead.fitGrade(),
          lead.fitPoints(),
          lead.engagementPoints(),
          lead.temperature(),
          lead.priority(),
          owner,
          lead.updatedAt());
    }
  }

  public record LeadPage(List<LeadSummary> items, long total, int limit, int offset) {}
}
