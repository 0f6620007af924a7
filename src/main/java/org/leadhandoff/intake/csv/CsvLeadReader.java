package org.leadhandoff.intake.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.leadhandoff.intake.LeadRequest;
import org.leadhandoff.intake.LeadRules;

/**
 * Turns CSV records into lead requests, validated by the same rules as the JSON API, with each
 * problem named by the CSV column it came from.
 */
public class CsvLeadReader {

  private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "x");
  private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "");

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
    Integer size = null;
    String sizeText = value(record, "companySize");
    if (sizeText != null) {
      try {
        size = Integer.valueOf(sizeText.replace(",", "").replace("_", ""));
      } catch (NumberFormatException e) {
        errors.add(
            new CsvRow.RowError(
                columns.columnOf("companySize"),
                "expected a whole number, got '" + sizeText + "'"));
      }
    }
    Boolean consent = null;
    String consentText = value(record, "consent");
    if (consentText != null) {
      String lower = consentText.toLowerCase(Locale.ROOT);
      if (TRUE.contains(lower)) {
        consent = true;
      } else if (FALSE.contains(lower)) {
        consent = false;
      } else {
        errors.add(
            new CsvRow.RowError(
                columns.columnOf("consent"), "expected yes or no, got '" + consentText + "'"));
      }
    }
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
    LeadRequest request =
        new LeadRequest(
            value(record, "email"),
            value(record, "firstName"),
            value(record, "lastName"),
            value(record, "phone"),
            value(record, "company"),
            size,
            value(record, "industry"),
            value(record, "country"),
            value(record, "title"),
            value(record, "source"),
            value(record, "referredBy"),
            consent,
            attributes.isEmpty() ? null : attributes);
    for (LeadRules.Violation violation : LeadRules.check(request)) {
      errors.add(new CsvRow.RowError(columns.columnOf(violation.field()), violation.message()));
    }
    return new CsvRow(line, errors.isEmpty() ? request : null, List.copyOf(errors));
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
