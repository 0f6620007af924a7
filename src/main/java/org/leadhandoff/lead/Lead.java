package org.leadhandoff.lead;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.leadhandoff.scoring.FitProfile;
import org.leadhandoff.scoring.Grade;
import org.leadhandoff.scoring.SourceCategory;
import org.leadhandoff.scoring.Temperature;

/**
 * A lead as the lead store holds it: its contact data, current stage, and the latest scores and
 * classification (null until scored). Contact data never enters the engine.
 */
public record Lead(
    UUID id,
    String emailKey,
    LeadContact contact,
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
        Stream.of(contact.firstName(), contact.lastName())
            .filter(s -> s != null && !s.isBlank())
            .collect(Collectors.joining(" "));
    return name.isEmpty() ? contact.email() : name;
  }

  /** Shorthand for the address mail goes to. */
  public String email() {
    return contact.email();
  }

  public FitProfile fitProfile() {
    return new FitProfile(
        contact.email(),
        contact.companySize(),
        contact.industry(),
        contact.country(),
        contact.title(),
        contact.attributes());
  }
}
