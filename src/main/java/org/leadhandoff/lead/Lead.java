package org.leadhandoff.lead;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.scoring.FitProfile;
import org.leadhandoff.scoring.Grade;
import org.leadhandoff.scoring.SourceCategory;
import org.leadhandoff.scoring.Temperature;

/**
 * A lead as the lead store holds it: contact data and profile, current stage, and the latest scores
 * and classification (null until scored). Contact data never enters the engine.
 */
public record Lead(
    UUID id,
    String emailKey,
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
    String referredBy,
    Map<String, String> attributes,
    Boolean consent,
    Stage stage,
    Integer fitPoints,
    Grade fitGrade,
    Boolean inProfile,
    Integer engagementPoints,
    Temperature temperature,
    SourceCategory sourceCategory,
    Integer priority,
    Instant engagementSince,
    Instant createdAt,
    Instant updatedAt,
    Instant erasedAt) {

  /** How people see the lead: first and last name, or the email where there is no name. */
  public String displayName() {
    if (erasedAt != null) {
      return "(erased)";
    }
    String name =
        java.util.stream.Stream.of(firstName, lastName)
            .filter(s -> s != null && !s.isBlank())
            .collect(java.util.stream.Collectors.joining(" "));
    return name.isEmpty() ? email : name;
  }

  public FitProfile fitProfile() {
    return new FitProfile(email, companySize, industry, country, title, attributes);
  }
}
