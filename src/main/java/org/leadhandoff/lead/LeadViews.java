package org.leadhandoff.lead;

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

  public record StageChangeView(
      Stage fromStage, Stage toStage, Instant changedAt, String reason, String changedBy) {

    static StageChangeView of(StageChange change) {
      return new StageChangeView(
          change.fromStage(),
          change.toStage(),
          change.changedAt(),
          change.reason(),
          change.changedBy());
    }
  }

  /**
   * @param owner who works the lead now; null until routing assigns a person
   */
  public record LeadView(
      UUID id,
      String email,
      String firstName,
      String lastName,
      String phone,
      String company,
      Integer companySize,
      String industry,
      String title,
      String country,
      String source,
      SourceCategory sourceCategory,
      String referredBy,
      Map<String, String> attributes,
      Boolean consent,
      Stage stage,
      Grade fitGrade,
      Boolean inProfile,
      Temperature temperature,
      Integer priority,
      String owner,
      ScoreView fit,
      ScoreView engagement,
      ScoreView classification,
      List<StageChangeView> history,
      Instant createdAt,
      Instant updatedAt) {

    static LeadView of(Lead lead, List<StoredScore> scores, List<StageChange> history) {
      return new LeadView(
          lead.id(),
          lead.email(),
          lead.firstName(),
          lead.lastName(),
          lead.phone(),
          lead.company(),
          lead.companySize(),
          lead.industry(),
          lead.title(),
          lead.country(),
          lead.source(),
          lead.sourceCategory(),
          lead.referredBy(),
          lead.attributes(),
          lead.consent(),
          lead.stage(),
          lead.fitGrade(),
          lead.inProfile(),
          lead.temperature(),
          lead.priority(),
          null,
          latest(scores, ScoreKind.FIT),
          latest(scores, ScoreKind.ENGAGEMENT),
          latest(scores, ScoreKind.CLASSIFICATION),
          history.stream().map(StageChangeView::of).toList(),
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
      Instant updatedAt) {

    public static LeadSummary of(Lead lead) {
      return new LeadSummary(
          lead.id(),
          lead.email(),
          lead.firstName(),
          lead.lastName(),
          lead.company(),
          lead.stage(),
          lead.fitGrade(),
          lead.fitPoints(),
          lead.engagementPoints(),
          lead.temperature(),
          lead.priority(),
          lead.updatedAt());
    }
  }

  public record LeadPage(List<LeadSummary> items, long total, int limit, int offset) {}
}
