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
import org.leadhandoff.lead.LeadContact;

/**
 * Turns CSV records into lead contacts, validated by the same rules as the JSON API, with each
 * problem named by the CSV column it came from.
 */
public class CsvLeadReader {

  private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "x");
  private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "");

  // The columns follow the contact's fields: a new field is importable without a change here.
  private static final RecordComponent[] FIELDS = LeadContact.class.getRecordComponents();
  private static final Constructor<LeadContact> CANONICAL = canonical();

  private final CsvColumns columns;

  public CsvLeadReader(CsvColumns columns) {
    this.columns = columns;
  }

  public CsvRow read(CSVRecord record) {
    long line = record.getRecordNumber() + 1;
    List<CsvRow.RowError> errors = new ArrayList<>();
    if (!record.isConsistent()) {
      errors.add(
          new CsvRow.RowError(
              "row",
              "has "
                  + record.size()
                  + " values but the header has "
                  + record.getParser().getHeaderNames().size()));
    }
    Object[] values = new Object[FIELDS.length];
    for (int i = 0; i < FIELDS.length; i++) {
      String field = FIELDS[i].getName();
      values[i] =
          field.equals("attributes")
              ? attributes(record)
              : typed(field, FIELDS[i].getType(), value(record, field), errors);
    }
    LeadContact contact = contact(values);
    for (LeadRules.Violation violation : LeadRules.check(contact)) {
      errors.add(new CsvRow.RowError(columns.columnOf(violation.field()), violation.message()));
    }
    return new CsvRow(line, errors.isEmpty() ? contact : null, List.copyOf(errors));
  }

  /** The column's text as the field's type; a wrong value is a row error named by its column. */
  private Object typed(String field, Class<?> type, String text, List<CsvRow.RowError> errors) {
    if (text == null || type == String.class) {
      return text;
    }
    if (type == Integer.class) {
      try {
        return Integer.valueOf(text.replace(",", "").replace("_", ""));
      } catch (NumberFormatException e) {
        errors.add(
            new CsvRow.RowError(
                columns.columnOf(field), "expected a whole number, got '" + text + "'"));
        return null;
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (TRUE.contains(lower)) {
      return true;
    } else if (FALSE.contains(lower)) {
      return false;
    }
    errors.add(
        new CsvRow.RowError(columns.columnOf(field), "expected yes or no, got '" + text + "'"));
    return null;
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
