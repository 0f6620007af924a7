package org.leadhandoff.lead;

/** Contact data of a captured person, as intake receives it. Only {@code email} is required. */
public record LeadContact(
    String email,
    String firstName,
    String lastName,
    String phone,
    String company,
    String title,
    String country,
    String source) {

  public static LeadContact ofEmail(String email) {
    return new LeadContact(email, null, null, null, null, null, null, null);
  }
}
