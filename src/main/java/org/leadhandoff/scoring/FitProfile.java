package org.leadhandoff.scoring;

import java.util.Map;

/** What fit scoring looks at. Any field but the email may be missing. */
public record FitProfile(
    String email,
    Integer companySize,
    String industry,
    String country,
    String title,
    Map<String, String> attributes) {

  public FitProfile {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
