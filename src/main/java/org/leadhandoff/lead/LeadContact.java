package org.leadhandoff.lead;

import java.util.Map;

/**
 * A captured person and company, as intake receives it. Only {@code email} is required.
 *
 * @param attributes custom firmographic flags, e.g. {@code existing-customer: "true"}
 * @param consent whether the person agreed to be contacted for marketing, if the source says
 */
public record LeadContact(
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
    Boolean consent) {

  public LeadContact {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** Without a consent statement. */
  public LeadContact(
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
      Map<String, String> attributes) {
    this(
        email,
        firstName,
        lastName,
        phone,
        company,
        companySize,
        industry,
        title,
        country,
        source,
        referredBy,
        attributes,
        null);
  }

  public static LeadContact ofEmail(String email) {
    return new LeadContact(email, null, null, null, null, null, null, null, null, null, null, null);
  }
}
