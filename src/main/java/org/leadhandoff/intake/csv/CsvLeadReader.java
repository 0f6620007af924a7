package org.leadhandoff.intake.csv;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.leadhandoff.intake.LeadRules;
import org.leadhandoff.lead.Countries;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.system.Why;

/**
 * Turns CSV records into lead contacts, validated by the same rules as the JSON API, with each
 * problem named by the CSV column it came from.
 */
public class CsvLeadReader {

  // Yes and no as exports write them, in the languages of the country names too.
  private static final Set<String> TRUE =
      Set.of("true", "yes", "y", "1", "x", "ja", "j", "oui", "si", "sí", "sim", "tak", "ano");
  private static final Set<String> FALSE =
      Set.of("false", "no", "n", "0", "", "nein", "non", "nee", "nej", "nei", "não", "nie", "ne");

  // The columns follow the contact's fields: a new field is importable without a change here.
  private static final RecordComponent[] FIELDS = LeadContact.class.getRecordComponents();
  private static final Constructor<LeadContact> CANONICAL = canonical();

  private final CsvColumns columns;
  private final Boolean defaultConsent;

  public CsvLeadReader(CsvColumns columns) {
    this(columns, null);
  }

  /**
   * @param defaultConsent the consent of a row that says nothing of it (the list's own terms, e.g.
   *     a trade show's badge scan with consent to be contacted); null leaves it unknown
   */
  public CsvLeadReader(CsvColumns columns, Boolean defaultConsent) {
    this.columns = columns;
    this.defaultConsent = defaultConsent;
  }

  public CsvRow read(CSVRecord record) {
    return read(record, record.getRecordNumber() + 1);
  }

  /**
   * @param line the row's line in the file, for the report
   */
  public CsvRow read(CSVRecord record, long line) {
    List<CsvRow.RowError> errors = new ArrayList<>();
    if (!record.isConsistent()) {
      errors.add(
          new CsvRow.RowError(
              "row",
              Why.of(
                  "CSV_VALUE_COUNT",
                  "values",
                  record.size(),
                  "columns",
                  record.getParser().getHeaderNames().size())));
    }
    List<CsvRow.RowError> warnings = new ArrayList<>();
    Object[] values = new Object[FIELDS.length];
    for (int i = 0; i < FIELDS.length; i++) {
      String field = FIELDS[i].getName();
      values[i] =
          switch (field) {
            case "attributes" -> attributes(record);
            case "country" -> country(value(record, field), warnings);
            case "consent" -> consent(record, warnings);
            default -> typed(field, FIELDS[i].getType(), value(record, field), warnings);
          };
    }
    splitFullName(record, values);
    LeadContact contact = contact(values);
    List<LeadRules.Violation> violations = LeadRules.check(contact);
    if (violations.stream().anyMatch(v -> !v.field().equals("email"))) {
      // A value that breaks a rule costs the row only when it is the email: the lead is kept
      // without the value and the row is warned about, as for a value that cannot be read.
      for (LeadRules.Violation violation : violations) {
        if (!violation.field().equals("email")) {
          leaveOut(values, violation.field());
          warnings.add(
              new CsvRow.RowError(
                  columns.columnOf(violation.field()), violation.why().with("leftOut", true)));
        }
      }
      contact = contact(values);
      violations = LeadRules.check(contact);
    }
    for (LeadRules.Violation violation : violations) {
      errors.add(new CsvRow.RowError(columns.columnOf(violation.field()), violation.why()));
    }
    return new CsvRow(
        line, errors.isEmpty() ? contact : null, List.copyOf(errors), List.copyOf(warnings));
  }

  /**
   * "Ada Lovelace" in a full-name column is first name Ada, last name Lovelace, unless the file has
   * columns of its own for them; a single word is the last name.
   */
  private void splitFullName(CSVRecord record, Object[] values) {
    String full = value(record, CsvColumns.FULL_NAME);
    if (full == null) {
      return;
    }
    String[] parts = full.strip().split("\\s+");
    String first =
        parts.length > 1
            ? String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 1))
            : null;
    String last = parts[parts.length - 1];
    for (int i = 0; i < FIELDS.length; i++) {
      if (FIELDS[i].getName().equals("firstName")
          && values[i] == null
          && !columns.fields().containsKey("firstName")) {
        values[i] = first;
      }
      if (FIELDS[i].getName().equals("lastName")
          && values[i] == null
          && !columns.fields().containsKey("lastName")) {
        values[i] = last;
      }
    }
  }

  /** Empties a field, or drops one attribute ({@code attributes[name]}) or all of them. */
  private static void leaveOut(Object[] values, String field) {
    String component = field.contains("[") ? field.substring(0, field.indexOf('[')) : field;
    for (int i = 0; i < FIELDS.length; i++) {
      if (FIELDS[i].getName().equals(component)) {
        if (values[i] instanceof Map<?, ?> attributes && field.endsWith("]")) {
          attributes.remove(field.substring(field.indexOf('[') + 1, field.length() - 1));
        } else if (values[i] instanceof Map<?, ?> attributes) {
          attributes.clear();
        } else {
          values[i] = null;
        }
      }
    }
  }

  /** A name or code in any of the languages {@link Countries} knows; else left out, warned. */
  private String country(String text, List<CsvRow.RowError> warnings) {
    if (text == null) {
      return null;
    }
    String code = Countries.code(text);
    if (code == null) {
      warnings.add(
          new CsvRow.RowError(
              columns.columnOf("country"), Why.of("CSV_NOT_A_COUNTRY", "text", text)));
    }
    return code;
  }

  /**
   * A consent column, or else an opt-out column read the other way round, or else the import's
   * default.
   */
  private Object consent(CSVRecord record, List<CsvRow.RowError> warnings) {
    String consent = value(record, "consent");
    if (consent != null) {
      return typed("consent", Boolean.class, consent, warnings);
    }
    Object optOut =
        typed(CsvColumns.OPT_OUT, Boolean.class, value(record, CsvColumns.OPT_OUT), warnings);
    if (optOut != null) {
      return !(Boolean) optOut;
    }
    return defaultConsent;
  }

  /**
   * The column's text as the field's type. A value that cannot be read costs the row nothing: the
   * field stays empty and the row gets a warning naming the column.
   */
  private Object typed(String field, Class<?> type, String text, List<CsvRow.RowError> warnings) {
    if (text == null || type == String.class) {
      return text;
    }
    if (type == Integer.class) {
      Integer number = count(text);
      if (number == null) {
        warnings.add(
            new CsvRow.RowError(columns.columnOf(field), Why.of("CSV_NOT_A_NUMBER", "text", text)));
      }
      return number;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (TRUE.contains(lower)) {
      return true;
    } else if (FALSE.contains(lower)) {
      return false;
    }
    warnings.add(
        new CsvRow.RowError(columns.columnOf(field), Why.of("CSV_NOT_YES_OR_NO", "text", text)));
    return null;
  }

  /** "51-200 employees", "10,001+ Mitarbeiter": the unit after the count. */
  private static final String UNIT =
      "\\s*(?:employees|employee|staff|people|mitarbeiter|salariés|salaries)?";

  private static final java.util.regex.Pattern RANGE =
      java.util.regex.Pattern.compile(
          "^([0-9][0-9.,' _]*)\\s*(?:-|–|—|to|bis|à)\\s*([0-9][0-9.,' _]*)" + UNIT + "$");

  private static final java.util.regex.Pattern OPEN_RANGE =
      java.util.regex.Pattern.compile(
          "^(?:>\\s*)?([0-9][0-9.,' _]*)\\s*(?:\\+|or more|and more|und mehr)?" + UNIT + "$");

  /**
   * A count as exports write it: "1200", "1,200", "1.200", an employee range ("51-200", "5001 to
   * 10000": its middle) or an open one ("10,001+": its bottom).
   */
  static Integer count(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (PLAIN.matcher(value).matches()) {
      // Most exports write a bare number: no range to look for.
      return Integer.valueOf(value);
    }
    java.util.regex.Matcher range = RANGE.matcher(value);
    if (range.matches()) {
      Long low = digits(range.group(1));
      Long high = digits(range.group(2));
      return low == null || high == null || high < low ? null : clamp((low + high) / 2);
    }
    java.util.regex.Matcher open = OPEN_RANGE.matcher(value);
    if (open.matches()) {
      Long number = digits(open.group(1));
      return number == null ? null : clamp(number);
    }
    return null;
  }

  private static final java.util.regex.Pattern PLAIN =
      java.util.regex.Pattern.compile("[0-9]{1,9}");
  private static final java.util.regex.Pattern SPACING = java.util.regex.Pattern.compile("[ _']");
  private static final java.util.regex.Pattern THOUSANDS =
      java.util.regex.Pattern.compile("[0-9]{1,3}([.,][0-9]{3})+");
  private static final java.util.regex.Pattern SEPARATOR = java.util.regex.Pattern.compile("[.,]");
  private static final java.util.regex.Pattern DIGITS =
      java.util.regex.Pattern.compile("[0-9]{1,12}");

  /** Digits with thousands separators; a decimal part ("12.5") is no count. */
  private static Long digits(String text) {
    // Compiled once: String.matches and replaceAll compile their pattern on every row.
    String compact = SPACING.matcher(text.strip()).replaceAll("");
    if (THOUSANDS.matcher(compact).matches()) {
      compact = SEPARATOR.matcher(compact).replaceAll("");
    }
    return DIGITS.matcher(compact).matches() ? Long.valueOf(compact) : null;
  }

  private static Integer clamp(long value) {
    return (int) Math.min(value, Integer.MAX_VALUE);
  }

  private Map<String, String> attributes(CSVRecord record) {
    Map<String, String> attributes = new LinkedHashMap<>();
    columns
        .attributes()
        .forEach(
            (name, column) -> {
              String value = get(record, column);
              if (value != null) {
                attributes.put(name, value);
              }
            });
    return attributes;
  }

  private static LeadContact contact(Object[] values) {
    try {
      return CANONICAL.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot build a lead contact from a CSV row", e);
    }
  }

  private static Constructor<LeadContact> canonical() {
    Class<?>[] types = new Class<?>[FIELDS.length];
    for (int i = 0; i < FIELDS.length; i++) {
      types[i] = FIELDS[i].getType();
      boolean readable =
          FIELDS[i].getName().equals("attributes")
              || types[i] == String.class
              || types[i] == Integer.class
              || types[i] == Boolean.class;
      if (!readable) {
        // Fails at start-up, not on the first import: a new field's type needs a rule above.
        throw new IllegalStateException(
            "The CSV import cannot read LeadContact." + FIELDS[i].getName() + " from text");
      }
    }
    try {
      return LeadContact.class.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("A record always has its canonical constructor", e);
    }
  }

  private String value(CSVRecord record, String field) {
    String column = columns.fields().get(field);
    return column == null ? null : get(record, column);
  }

  private static String get(CSVRecord record, String column) {
    if (!record.isSet(column)) {
      return null;
    }
    String value = record.get(column);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
