package org.leadhandoff.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.leadhandoff.lead.LeadContact;

/** One lead as a web form or a form provider sends it. Only the email is required. */
@Schema(
    description =
        "A captured person. Only email is required; the same email again updates the lead.")
public record LeadRequest(
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
        @Max(value = 10_000_000, message = "must be at most 10000000")
        Integer companySize,
    @Schema(example = "Software")
        @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String industry,
    @Schema(description = "ISO 3166 two-letter code", example = "GB")
        @Pattern(regexp = Patterns.COUNTRY, message = Patterns.COUNTRY_MESSAGE)
        String country,
    @Schema(example = "CTO")
        @Size(max = 300, message = "must be at most 300 characters")
        @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE)
        String title,
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
    @Schema(description = "Whether the person agreed to marketing contact") Boolean consent,
    @Schema(description = "Custom firmographic flags, e.g. {\"existing-customer\": \"true\"}")
        @Size(max = 50, message = "must have at most 50 entries")
        Map<
                @Size(min = 1, max = 100, message = "names must be 1 to 100 characters")
                @Pattern(regexp = Patterns.ATTRIBUTE, message = Patterns.ATTRIBUTE_MESSAGE) String,
                @Size(max = 500, message = "values must be at most 500 characters")
                @Pattern(regexp = Patterns.TEXT, message = Patterns.TEXT_MESSAGE) String>
            attributes) {

  public LeadContact toContact(String defaultSource) {
    return new LeadContact(
        email.strip(),
        trim(firstName),
        trim(lastName),
        trim(phone),
        trim(company),
        companySize,
        trim(industry),
        trim(title),
        country == null || country.isBlank()
            ? null
            : country.strip().toUpperCase(java.util.Locale.ROOT),
        source == null || source.isBlank() ? defaultSource : source.strip(),
        trim(referredBy),
        attributes,
        consent);
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
