package org.leadhandoff.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.intake.LeadRules.Violation;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.Patterns;
import org.leadhandoff.support.Contacts;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Why;

class LeadRulesTest {

  private static final Validator BEAN_VALIDATION =
      Validation.buildDefaultValidatorFactory().getValidator();

  private static final String[] EMAILS = {
    "ada@bigco.example",
    null,
    "",
    "   ",
    "not-an-email",
    "a@b",
    "=cmd@evil.example",
    "\"quoted local\"@bigco.example",
    "ada@@bigco.example",
    "ada@bigco..example",
    "ada@-bigco.example",
    "a".repeat(65) + "@bigco.example",
    "ada@" + "b".repeat(320) + ".example",
    "ada\r\nBcc: victim@x.example@bigco.example",
    "ädä@bigcö.example",
    "ada@[127.0.0.1]",
    "ada.lovelace+leads@sub.bigco.example",
    ".ada@bigco.example",
  };

  private static final String[] TEXTS = {
    null,
    "",
    "Ada",
    "Ada\r\nBcc: victim@x.example",
    "tab\there",
    "del\u007f",
    "Ünïcødé ✓",
    "x".repeat(199),
    "x".repeat(200),
    "x".repeat(201),
    "x".repeat(300),
    "x".repeat(301),
    "=HYPERLINK(\"http://x\")",
  };

  private static final String[] PHONES = {
    null, "", "+44 20 7946 0000", "12", "(020) 7946-0000", "call me", "+" + "1".repeat(50), "1\n2"
  };

  private static final String[] COUNTRIES = {null, "", "GB", "gb", "GBR", "G1", "Ü1"};

  private static final String[] SOURCES = {
    null, "", "web-form", "trade show 2026", "a/b", "x".repeat(101), "ok_1.2"
  };

  private static final Integer[] SIZES = {null, 0, 1, -1, 500, 10_000_000, 10_000_001};

  private static final String[] ATTRIBUTE_NAMES = {
    "existing-customer", "", "bad name", "x".repeat(101)
  };

  private static final String[] ATTRIBUTE_VALUES = {"true", null, "line\nbreak", "x".repeat(501)};

  @Test
  @DisplayName(
      "the compiled rules find exactly what Bean Validation finds, on 20,000 hostile leads")
  void sameAsBeanValidation() {
    Random random = new Random(20261122);
    int invalid = 0;
    for (int i = 0; i < 20_000; i++) {
      LeadContact request = generate(random);
      List<Said> expected = beanValidation(request);
      List<Violation> found = LeadRules.check(request);
      List<Said> actual =
          sorted(found.stream().map(v -> new Said(v.field(), v.message())).toList());
      assertThat(actual).as("lead %s", request).isEqualTo(expected);
      // The catalogue's English for each rule's code reads as the annotation does: the import's
      // report says in the reader's language what the JSON API says in English.
      for (Violation violation : found) {
        assertThat(MessageCatalogue.english(violation.why()))
            .as("%s of %s", violation.why(), violation.field())
            .isEqualTo(violation.message());
        assertThat(new MessageCatalogue().explain(Locale.GERMAN, violation.why()))
            .as("German for %s", violation.why())
            .isNotEqualTo(violation.message());
      }
      if (!expected.isEmpty()) {
        invalid++;
      }
    }
    // Both branches were exercised plenty.
    assertThat(invalid).isBetween(2_000, 19_000);
  }

  @Test
  @DisplayName("a lead's broken rules are named by field and ordered by it")
  void namesFields() {
    LeadContact request =
        Contacts.contact("not-an-email")
            .name("Ada\nBcc: x@y.example", null)
            .company(null, -1)
            .country("GBR")
            .attributes(Map.of("bad name", "ok"))
            .build();

    assertThat(LeadRules.check(request))
        .containsExactly(
            new Violation(
                "attributes[bad name]", Patterns.ATTRIBUTE_MESSAGE, Why.of("RULE_ATTRIBUTE")),
            new Violation("companySize", "must be 0 or more", Why.of("RULE_NOT_NEGATIVE")),
            new Violation("country", Patterns.COUNTRY_MESSAGE, Why.of("RULE_COUNTRY")),
            new Violation(
                "email", "must be an email address like name@company.com", Why.of("RULE_EMAIL")),
            new Violation("firstName", Patterns.TEXT_MESSAGE, Why.of("RULE_TEXT")));
    assertThat(
            LeadRules.check(
                Contacts.contact("ada@bigco.example")
                    .name("Ada", "Lovelace")
                    .phone("+44 20 7946 0000")
                    .company("BigCo", 500)
                    .industry("Software")
                    .title("CTO")
                    .country("GB")
                    .source("web-form")
                    .attributes(Map.of("existing-customer", "true"))
                    .consent(true)
                    .build()))
        .isEmpty();
  }

  private static LeadContact generate(Random random) {
    Map<String, String> attributes = null;
    if (random.nextInt(3) == 0) {
      attributes = new LinkedHashMap<>();
      int entries = random.nextInt(10) == 0 ? 51 : 1 + random.nextInt(3);
      for (int e = 0; e < entries; e++) {
        String name = entries > 3 ? "a" + e : pick(random, ATTRIBUTE_NAMES);
        attributes.put(name, pick(random, ATTRIBUTE_VALUES));
      }
    }
    String email = pick(random, EMAILS);
    String firstName = pick(random, TEXTS);
    String lastName = pick(random, TEXTS);
    String phone = pick(random, PHONES);
    String company = pick(random, TEXTS);
    Integer size = pick(random, SIZES);
    String industry = pick(random, TEXTS);
    String country = pick(random, COUNTRIES);
    String title = pick(random, TEXTS);
    String source = pick(random, SOURCES);
    String referredBy = pick(random, TEXTS);
    boolean consent = random.nextBoolean();
    return Contacts.contact(email)
        .name(firstName, lastName)
        .phone(phone)
        .company(company, size)
        .industry(industry)
        .title(title)
        .country(country)
        .source(source)
        .referredBy(referredBy)
        .attributes(attributes)
        .consent(consent)
        .build();
  }

  /** Mostly the first acceptable value, so that single broken rules are common too. */
  private static <T> T pick(Random random, T[] values) {
    if (random.nextInt(4) == 0) {
      return values[random.nextInt(values.length)];
    }
    for (T value : values) {
      if (value != null && !value.toString().isEmpty()) {
        return value;
      }
    }
    return values[0];
  }

  /** A broken rule as both name it: the field and the English sentence. */
  private record Said(String field, String message) {}

  private static List<Said> beanValidation(LeadContact request) {
    List<Said> violations = new ArrayList<>();
    for (ConstraintViolation<LeadContact> violation : BEAN_VALIDATION.validate(request)) {
      violations.add(new Said(field(violation), violation.getMessage()));
    }
    return sorted(violations);
  }

  /** "attributes[name].<map value>" and "attributes<K>[name].<map key>" name the attribute. */
  private static String field(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    if (path.startsWith("attributes")) {
      int open = path.indexOf('[');
      int close = path.lastIndexOf(']');
      return open > 0 && close > open
          ? "attributes" + path.substring(open, close + 1)
          : "attributes";
    }
    return path;
  }

  private static List<Said> sorted(List<Said> violations) {
    return violations.stream()
        .sorted(Comparator.comparing(Said::field).thenComparing(Said::message))
        .toList();
  }
}
