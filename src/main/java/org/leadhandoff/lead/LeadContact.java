package org.leadhandoff.lead;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A person and their company: the one shape of a lead's contact data. The JSON API and webhooks
 * receive it, the CSV import builds it from columns named like its components, the store keeps it
 * and the lead view shows it. Its constraints are the intake rules of every channel (the import
 * checks them through {@code intake.LeadRules}). Only {@code email} is required. A new field is
 * added here, in {@link LeadStore} and in a migration; the channels and the view follow.
 *
 * @param attributes custom firmographic flags, e.g. {@code existing-customer: "true"}
 * @param consent whether the person agreed to be contacted for marketing, if the source says
 */
@Schema(
    description =
        "A captured person. Only email is required; the same email again updates the lead.")
public record LeadContact(
    @Schema(example = "ada@bigco.example")
        @NotBlank(message = "is required")
        @Email(message = "must be an email address like name@company.com")
        @Size(max = 320, message = "must be at most 320 characters")
        // Invisible characters would make a second lead of the same person.
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String email,
    @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String firstName,
    @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String lastName,
    @Schema(example = "+44 20 7946 0000")
        @Pattern(regexp = Patterns.PHONE, message = Patterns.PHONE_MESSAGE)
        String phone,
    @Size(max = 300, message = "must be at most 300 characters")
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String company,
    @Schema(description = "Employees", example = "500")
        @PositiveOrZero(message = "must be 0 or more")
        @Max(value = 10_000_000, message = "must be at most 10,000,000")
        Integer companySize,
    @Schema(example = "Software")
        @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String industry,
    @Schema(example = "CTO")
        @Size(max = 300, message = "must be at most 300 characters")
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String title,
    @Schema(description = "ISO 3166 two-letter code", example = "GB")
        @Pattern(regexp = Patterns.COUNTRY, message = Patterns.COUNTRY_MESSAGE)
        String country,
    @Schema(
            description = "Where the lead came from; see source-categories in criteria.yaml",
            example = "web-form")
        @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(regexp = Patterns.SOURCE, message = Patterns.SOURCE_MESSAGE)
        String source,
    @Schema(description = "Who referred the lead; makes it a REFERRAL")
        @Size(max = 300, message = "must be at most 300 characters")
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String referredBy,
    @Schema(description = "Custom firmographic flags, e.g. {\"existing-customer\": \"true\"}")
        @Size(max = 50, message = "must have at most 50 entries")
        Map<
                @Size(min = 1, max = 100, message = "names must be 1 to 100 characters")
                @Pattern(regexp = Patterns.ATTRIBUTE, message = Patterns.ATTRIBUTE_MESSAGE) String,
                @Size(max = 500, message = "values must be at most 500 characters")
                @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE) String>
            attributes,
    @Schema(description = "Whether the person agreed to marketing contact") Boolean consent) {

  public LeadContact {
    // Spaces around an email are a copy-and-paste slip, not part of the address (as in imports).
    email = email == null ? null : email.strip();
    // An attribute sent without a value was not given; the order of the source is kept.
    Map<String, String> given = new LinkedHashMap<>();
    if (attributes != null) {
      attributes.forEach(
          (name, value) -> {
            if (name != null && value != null) {
              given.put(name, value);
            }
          });
    }
    attributes = Collections.unmodifiableMap(given);
  }

  /** Only an email, as an event about an unknown person leaves. */
  public static LeadContact ofEmail(String email) {
    return new LeadContact(
        email, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * As stored: text stripped and blanks dropped, the country as its ISO code ("uk" is GB), the
   * source given or the channel's.
   */
  public LeadContact normalized(String defaultSource) {
    return new LeadContact(
        email == null ? null : email.strip(),
        trim(firstName),
        trim(lastName),
        trim(phone),
        trim(company),
        companySize,
        trim(industry),
        trim(title),
        countryCode(country),
        trim(source) == null ? defaultSource : source.strip(),
        trim(referredBy),
        attributes,
        consent);
  }

  /** How a later capture of the same person changes the lead. */
  public enum Merge {
    /** The person's own newer data (a form, the API, a webhook): what it carries replaces. */
    REPLACE,
    /**
     * A list (an import): it fills what the lead leaves empty and changes nothing it has, except
     * that a withdrawn consent always counts. The fields it would have changed are reported.
     */
    FILL
  }

  /**
   * This contact with what an import row brought, by {@link Merge#FILL}.
   *
   * @return the merged contact
   */
  public LeadContact filledBy(LeadContact update) {
    return merge(
        this,
        update,
        Boolean.FALSE.equals(update.consent) || consent == null ? update.consent : consent);
  }

  /**
   * The fields this contact has that the update would have changed to another value (case and
   * spaces ignored): what {@link Merge#FILL} keeps. Consent is not among them (a withdrawal
   * counts).
   */
  public List<String> conflictsWith(LeadContact update) {
    // Every component a capture merges, read from the record itself so that a new field is
    // compared without being listed here a third time (the compiler keeps merge() complete).
    Map<String, Object> offered = update.fields();
    List<String> conflicts = new ArrayList<>();
    fields()
        .forEach(
            (field, value) -> {
              if (!NOT_MERGED.contains(field)
                  && differ(trim(value.toString()), text(offered.get(field)))) {
                conflicts.add(field);
              }
            });
    return conflicts;
  }

  /** Kept from the lead (email, source), merged key by key (attributes) or never a conflict. */
  private static final Set<String> NOT_MERGED = Set.of("email", "source", "attributes", "consent");

  /**
   * The fields that have a value, by their names in the record's order: what a capture carries
   * (attributes only when there are some).
   */
  public Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (RecordComponent component : LeadContact.class.getRecordComponents()) {
      try {
        Object value = component.getAccessor().invoke(this);
        if (value != null && !(value instanceof Map<?, ?> map && map.isEmpty())) {
          fields.put(component.getName(), value);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
    }
    return fields;
  }

  private static String text(Object value) {
    return value == null ? null : trim(value.toString());
  }

  private static boolean differ(String current, String update) {
    return current != null && update != null && !current.equalsIgnoreCase(update);
  }

  /**
   * This contact with what a later capture brought: the fields it carries replace these, the fields
   * it leaves empty keep theirs, attributes are merged. The email and the source stay.
   */
  public LeadContact updatedBy(LeadContact update) {
    return merge(update, this, update.consent != null ? update.consent : consent);
  }

  /**
   * This contact's email and source with each field of {@code first}, or of {@code second} where
   * {@code first} leaves it empty; the attributes of both, {@code first}'s winning.
   */
  private LeadContact merge(LeadContact first, LeadContact second, Boolean mergedConsent) {
    Map<String, String> merged = new LinkedHashMap<>(second.attributes);
    merged.putAll(first.attributes);
    return new LeadContact(
        email,
        or(first.firstName, second.firstName),
        or(first.lastName, second.lastName),
        or(first.phone, second.phone),
        or(first.company, second.company),
        first.companySize != null ? first.companySize : second.companySize,
        or(first.industry, second.industry),
        or(first.title, second.title),
        or(first.country, second.country),
        source,
        or(first.referredBy, second.referredBy),
        merged,
        mergedConsent);
  }

  /** The same contact with the source and industry named as the criteria name them. */
  public LeadContact withTaxonomy(String source, String industry) {
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

  /** "uk" is GB; a code we do not know stays as sent, in capitals. */
  private static String countryCode(String country) {
    if (trim(country) == null) {
      return null;
    }
    String code = Countries.code(country);
    return code != null ? code : country.strip().toUpperCase(Locale.ROOT);
  }

  private static String or(String update, String current) {
    return update != null && !update.isBlank() ? update : current;
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
