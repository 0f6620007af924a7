package org.leadhandoff.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hibernate.validator.internal.constraintvalidators.AbstractEmailValidator;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.Patterns;
import org.leadhandoff.system.Why;

/**
 * {@link LeadContact}'s constraints compiled once into plain checks, for the CSV import: Bean
 * Validation's per-call machinery cost 6.5 of the 7.5 µs an import row took, and an import checks
 * every row. The rules are read from the record's own annotations, so the JSON API (which Bean
 * Validation checks) and the import cannot drift apart; an annotation this class does not know
 * stops the class from loading, and a test compares both on generated hostile input.
 */
public final class LeadRules {

  /**
   * A broken rule: the field (an attribute as {@code attributes[name]}), the annotation's sentence
   * (English, as the JSON API says it) and the rule as a code with its limits, for a reader of
   * another language (the import's report). The catalogue's English for each code reads as the
   * annotation does; a test holds them together.
   */
  public record Violation(String field, String message, Why why) {}

  private record Check(Predicate<Object> valid, String message, Why why) {}

  /** Where a constraint sits: on the field itself, or on a map's entry names or values. */
  private enum Place {
    FIELD,
    NAME,
    VALUE
  }

  /** A field's checks; for the attributes map also those of each entry's name and value. */
  private record Rule(
      String field,
      Method accessor,
      List<Check> checks,
      List<Check> keyChecks,
      List<Check> valueChecks) {}

  // The same email rule Bean Validation applies for @Email (Hibernate's, without a regexp).
  private static final AbstractEmailValidator<Email> EMAIL = new AbstractEmailValidator<>();

  private static final List<Rule> RULES = compile();

  private LeadRules() {}

  /** Every broken rule of the request, ordered by field; empty when it is acceptable. */
  public static List<Violation> check(LeadContact request) {
    List<Violation> violations = new ArrayList<>();
    for (Rule rule : RULES) {
      Object value = read(rule.accessor(), request);
      apply(rule.checks(), value, rule.field(), violations);
      if (value instanceof Map<?, ?> entries) {
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
          String field = rule.field() + "[" + entry.getKey() + "]";
          apply(rule.keyChecks(), entry.getKey(), field, violations);
          apply(rule.valueChecks(), entry.getValue(), field, violations);
        }
      }
    }
    violations.sort(Comparator.comparing(Violation::field));
    return violations;
  }

  private static void apply(
      List<Check> checks, Object value, String field, List<Violation> violations) {
    for (Check check : checks) {
      if (!check.valid().test(value)) {
        violations.add(new Violation(field, check.message(), check.why()));
      }
    }
  }

  private static Object read(Method accessor, LeadContact request) {
    try {
      return accessor.invoke(request);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + accessor.getName() + " of a lead", e);
    }
  }

  private static List<Rule> compile() {
    List<Rule> rules = new ArrayList<>();
    for (RecordComponent component : LeadContact.class.getRecordComponents()) {
      // Constraints target fields, not record components: Java puts them on the private field.
      Field field = field(component);
      boolean map = Map.class.isAssignableFrom(component.getType());
      List<Check> checks = checks(component.getName(), field.getAnnotations(), Place.FIELD, map);
      List<Check> keyChecks = List.of();
      List<Check> valueChecks = List.of();
      if (field.getAnnotatedType() instanceof AnnotatedParameterizedType parameterized
          && Map.class.isAssignableFrom(component.getType())) {
        AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
        keyChecks = checks(component.getName(), arguments[0].getAnnotations(), Place.NAME, false);
        valueChecks =
            checks(component.getName(), arguments[1].getAnnotations(), Place.VALUE, false);
      }
      if (!checks.isEmpty() || !keyChecks.isEmpty() || !valueChecks.isEmpty()) {
        rules.add(
            new Rule(component.getName(), component.getAccessor(), checks, keyChecks, valueChecks));
      }
    }
    return List.copyOf(rules);
  }

  private static boolean printableAscii(CharSequence value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static Field field(RecordComponent component) {
    try {
      return LeadContact.class.getDeclaredField(component.getName());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("A record always has a field per component", e);
    }
  }

  private static List<Check> checks(
      String field, Annotation[] annotations, Place place, boolean map) {
    List<Check> checks = new ArrayList<>();
    for (Annotation annotation : annotations) {
      Check check = check(annotation, place, map);
      if (check != null && check.message().startsWith("{")) {
        // Bean Validation would interpolate a bundle key; LeadRules only knows literal sentences.
        throw new IllegalStateException("Give the rule on " + field + " a literal message");
      } else if (check != null) {
        checks.add(check);
      } else if (annotation.annotationType().getPackageName().startsWith("jakarta.validation")) {
        throw new IllegalStateException(
            "LeadRules cannot compile @"
                + annotation.annotationType().getSimpleName()
                + " on "
                + field
                + "; teach it the rule");
      }
    }
    return List.copyOf(checks);
  }

  private static Check check(Annotation annotation, Place place, boolean map) {
    return switch (annotation) {
      case NotBlank notBlank ->
          new Check(
              v -> v != null && !v.toString().trim().isEmpty(),
              notBlank.message(),
              Why.of("RULE_REQUIRED"));
      case Email email -> {
        if (!".*".equals(email.regexp())) {
          throw new IllegalStateException("LeadRules does not apply @Email(regexp)");
        }
        yield new Check(
            v -> v == null || EMAIL.isValid((CharSequence) v, null),
            email.message(),
            Why.of("RULE_EMAIL"));
      }
      case Size size ->
          new Check(
              v -> v == null || within(length(v), size),
              size.message(),
              Why.of(
                  switch (place) {
                    case NAME -> "RULE_NAME_LENGTH";
                    case VALUE -> "RULE_VALUE_LENGTH";
                    case FIELD -> map ? "RULE_MAX_ENTRIES" : "RULE_MAX_LENGTH";
                  },
                  "min",
                  size.min() > 0 ? size.min() : null,
                  "max",
                  size.max()));
      case Pattern pattern -> {
        int flags = 0;
        for (Pattern.Flag flag : pattern.flags()) {
          flags |= flag.getValue();
        }
        java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(pattern.regexp(), flags);
        // Printable ASCII is text by the rule's definition: most values of a list are, and the
        // rule's character classes cost a third of an import's parse side (JFR, 100,000 rows).
        boolean text = pattern.regexp().equals(Patterns.TEXT);
        yield new Check(
            v ->
                v == null
                    || (text && printableAscii((CharSequence) v))
                    || compiled.matcher((CharSequence) v).matches(),
            pattern.message(),
            Why.of("RULE_" + patternName(pattern.regexp())));
      }
      case PositiveOrZero positive ->
          new Check(
              v -> v == null || ((Number) v).longValue() >= 0,
              positive.message(),
              Why.of("RULE_NOT_NEGATIVE"));
      case Max max ->
          new Check(
              v -> v == null || ((Number) v).longValue() <= max.value(),
              max.message(),
              Why.of("RULE_MAX", "max", max.value()));
      default -> null;
    };
  }

  /** The name of the {@link Patterns} constant that holds the expression: TEXT, PHONE, ... */
  private static String patternName(String regexp) {
    for (Field constant : Patterns.class.getFields()) {
      try {
        if (!constant.getName().endsWith("_MESSAGE") && regexp.equals(constant.get(null))) {
          return constant.getName();
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Patterns' constants are public", e);
      }
    }
    throw new IllegalStateException(
        "LeadRules names a pattern by its constant in Patterns; " + regexp + " is none of them");
  }

  private static int length(Object value) {
    return value instanceof Map<?, ?> map ? map.size() : ((CharSequence) value).length();
  }

  private static boolean within(int length, Size size) {
    return length >= size.min() && length <= size.max();
  }
}
