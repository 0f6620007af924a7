package org.leadhandoff.intake.csv;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.leadhandoff.lead.LeadContact;

/**
 * Maps a CSV header to lead fields by name, case and punctuation ignored: "First Name",
 * "first_name" and "firstName" are all {@code firstName}. Columns named {@code attr:<name>} (or
 * {@code attribute.<name>}) become custom attributes. Other columns are reported and ignored.
 */
public final class CsvColumns {

  /** Lead field → the header spellings it accepts (compared without case and punctuation). */
  static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();

  static {
    ALIASES.put("email", List.of("email", "emailaddress", "mail"));
    ALIASES.put("firstName", List.of("firstname", "first", "givenname", "forename"));
    ALIASES.put("lastName", List.of("lastname", "last", "surname", "familyname"));
    ALIASES.put("phone", List.of("phone", "phonenumber", "telephone", "tel", "mobile"));
    ALIASES.put(
        "company", List.of("company", "companyname", "organisation", "organization", "account"));
    ALIASES.put(
        "companySize", List.of("companysize", "employees", "numberofemployees", "headcount"));
    ALIASES.put("industry", List.of("industry", "sector"));
    ALIASES.put("country", List.of("country", "countrycode"));
    ALIASES.put("title", List.of("title", "jobtitle", "position", "role"));
    ALIASES.put("source", List.of("source", "leadsource"));
    ALIASES.put("referredBy", List.of("referredby", "referrer", "referral"));
    ALIASES.put("consent", List.of("consent", "marketingconsent", "optin"));
    // Every other contact field is found by its own name.
    for (RecordComponent field : LeadContact.class.getRecordComponents()) {
      if (!field.getName().equals("attributes")) {
        ALIASES.putIfAbsent(field.getName(), List.of(field.getName().toLowerCase(Locale.ROOT)));
      }
    }
  }

  private final Map<String, String> fieldToColumn = new LinkedHashMap<>();
  private final Map<String, String> attributeToColumn = new LinkedHashMap<>();
  private final List<String> ignored = new ArrayList<>();

  private CsvColumns() {}

  public static CsvColumns of(List<String> header) {
    CsvColumns columns = new CsvColumns();
    for (String column : header) {
      String trimmed = column == null ? "" : column.strip();
      String lower = trimmed.toLowerCase(Locale.ROOT);
      if (lower.startsWith("attr:") || lower.startsWith("attribute.")) {
        String name =
            trimmed.substring(trimmed.indexOf(lower.startsWith("attr:") ? ':' : '.') + 1).strip();
        if (!name.isEmpty()) {
          columns.attributeToColumn.putIfAbsent(name, column);
          continue;
        }
      }
      Optional<String> field = field(trimmed);
      if (field.isPresent() && !columns.fieldToColumn.containsKey(field.get())) {
        columns.fieldToColumn.put(field.get(), column);
      } else {
        columns.ignored.add(column);
      }
    }
    return columns;
  }

  static Optional<String> field(String column) {
    String key = column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return ALIASES.entrySet().stream()
        .filter(e -> e.getValue().contains(key))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  public boolean hasEmail() {
    return fieldToColumn.containsKey("email");
  }

  /** The CSV column a lead field comes from, for error reports. */
  public String columnOf(String field) {
    if (field.startsWith("attributes")) {
      int open = field.indexOf('[');
      if (open > 0 && field.endsWith("]")) {
        String name = field.substring(open + 1, field.length() - 1);
        return attributeToColumn.getOrDefault(name, field);
      }
    }
    return fieldToColumn.getOrDefault(field, field);
  }

  Map<String, String> fields() {
    return fieldToColumn;
  }

  Map<String, String> attributes() {
    return attributeToColumn;
  }

  public List<String> ignored() {
    return ignored;
  }
}
