package org.leadhandoff.support;

import java.util.Map;
import org.leadhandoff.lead.LeadContact;

/**
 * Lead contacts for tests, named field by field: a test says only what it needs, and a new contact
 * field does not touch the tests that do not use it.
 */
public final class Contacts {

  private final String email;
  private String firstName;
  private String lastName;
  private String phone;
  private String company;
  private Integer companySize;
  private String industry;
  private String title;
  private String country;
  private String source;
  private String referredBy;
  private Map<String, String> attributes;
  private Boolean consent;

  private Contacts(String email) {
    this.email = email;
  }

  public static Contacts contact(String email) {
    return new Contacts(email);
  }

  /** Starts from a contact, to change some of its fields. */
  public static Contacts copy(LeadContact from) {
    return new Contacts(from.email())
        .name(from.firstName(), from.lastName())
        .phone(from.phone())
        .company(from.company(), from.companySize())
        .industry(from.industry())
        .title(from.title())
        .country(from.country())
        .source(from.source())
        .referredBy(from.referredBy())
        .attributes(from.attributes())
        .consent(from.consent());
  }

  public Contacts name(String first, String last) {
    this.firstName = first;
    this.lastName = last;
    return this;
  }

  public Contacts phone(String phone) {
    this.phone = phone;
    return this;
  }

  public Contacts company(String name, Integer size) {
    this.company = name;
    this.companySize = size;
    return this;
  }

  public Contacts industry(String industry) {
    this.industry = industry;
    return this;
  }

  public Contacts title(String title) {
    this.title = title;
    return this;
  }

  public Contacts country(String country) {
    this.country = country;
    return this;
  }

  public Contacts source(String source) {
    this.source = source;
    return this;
  }

  public Contacts referredBy(String referredBy) {
    this.referredBy = referredBy;
    return this;
  }

  public Contacts attributes(Map<String, String> attributes) {
    this.attributes = attributes;
    return this;
  }

  public Contacts consent(Boolean consent) {
    this.consent = consent;
    return this;
  }

  public LeadContact build() {
    return new LeadContact(
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
        consent);
  }
}
