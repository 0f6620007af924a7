package org.leadhandoff.intake.csv;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.system.Folding;

/**
 * Maps a CSV header to lead fields by name, case and punctuation ignored: "First Name",
 * "first_name" and "firstName" are all {@code firstName}. Columns named {@code attr:<name>} (or
 * {@code attribute.<name>}) become custom attributes. Other columns are reported and ignored.
 */
public final class CsvColumns {

  /**
   * Lead field → the header spellings it accepts, compared without case, accents and punctuation.
   * Besides plain names, the column headers of the exports of HubSpot (contacts), Salesforce (lead
   * reports and data export API names), Marketo, Pardot (Account Engagement), Mailchimp (audience
   * export), LinkedIn Lead Gen Forms, Pipedrive (people), Zoho CRM (leads) and Dynamics 365
   * (leads), and a few German and French ones.
   */
  static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();

  /**
   * Columns that say the person opted out (Salesforce's HasOptedOutOfEmail, "Email Opt Out",
   * Marketo's "Unsubscribed"): read as the opposite of consent, where no consent column is given.
   */
  static final String OPT_OUT = "optOut";

  static {
    ALIASES.put(
        "email",
        List.of(
            "email",
            "emailaddress",
            "mail",
            "emailadresse",
            "personemail",
            "personemailwork",
            "emailwork",
            "workemail",
            "businessemail",
            "primaryemail",
            "courriel"));
    ALIASES.put(
        "firstName",
        List.of(
            "firstname", "first", "givenname", "forename", "personfirstname", "vorname", "prenom"));
    ALIASES.put(
        "lastName",
        List.of("lastname", "last", "surname", "familyname", "personlastname", "nachname", "nom"));
    ALIASES.put(
        "phone",
        List.of(
            "phone",
            "phonenumber",
            "telephone",
            "tel",
            "mobile",
            "mobilephone",
            "mobilephonenumber",
            "businessphone",
            "workphone",
            "personphone",
            "personphonework",
            "phonework",
            "telefon",
            "telefonnummer"));
    ALIASES.put(
        "company",
        List.of(
            "company",
            "companyname",
            "organisation",
            "organization",
            "organizationname",
            "account",
            "accountname",
            "companyaccount",
            "personorganization",
            "firma",
            "unternehmen",
            "entreprise",
            "societe"));
    ALIASES.put(
        "companySize",
        List.of(
            "companysize",
            "employees",
            "numberofemployees",
            "noofemployees",
            "numemployees",
            "employeecount",
            "headcount",
            "anzahlmitarbeiter",
            "mitarbeiter"));
    ALIASES.put("industry", List.of("industry", "sector", "branche", "secteur"));
    ALIASES.put(
        "country",
        List.of("country", "countrycode", "countryregion", "cc", "land", "pays", "personcountry"));
    ALIASES.put(
        "title",
        List.of(
            "title",
            "jobtitle",
            "position",
            "role",
            "designation",
            "jobrole",
            "personjobtitle",
            "berufsbezeichnung",
            "fonction"));
    ALIASES.put(
        "source", List.of("source", "leadsource", "originalsource", "sourcename", "quelle"));
    ALIASES.put("referredBy", List.of("referredby", "referrer", "referral"));
    ALIASES.put(
        "consent", List.of("consent", "marketingconsent", "optin", "emailoptin", "marketingoptin"));
    ALIASES.put(
        OPT_OUT,
        List.of(
            "optout",
            "emailoptout",
            "hasoptedoutofemail",
            "optedout",
            "unsubscribed",
            "donotemail",
            "emailoptedout"));
    // Every other contact field is found by its own name.
    for (RecordComponent field : LeadContact.class.getRecordComponents()) {
      if (!field.getName().equals("attributes")) {
        ALIASES.putIfAbsent(field.getName(), List.of(key(field.getName())));
      }
    }
  }

  private final Map<String, String> fieldToColumn = new LinkedHashMap<>();
  private final Map<String, String> attributeToColumn = new LinkedHashMap<>();
  private final List<String> ignored = new ArrayList<>();
  private final List<String> doubled = new ArrayList<>();

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
      } else if (field.isPresent()) {
        columns.doubled.add(
            "the columns \""
                + columns.fieldToColumn.get(field.get())
                + "\" and \""
                + column
                + "\" both mean "
                + field.get()
                + ": the first is read, the second ignored");
        columns.ignored.add(column);
      } else {
        columns.ignored.add(column);
      }
    }
    return columns;
  }

  /** "Prénom", "prenom" and "PRE-NOM" are the same header. */
  static String key(String column) {
    return Folding.key(column);
  }

  static Optional<String> field(String column) {
    String key = key(column);
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

  /** Columns that mean a field another column already gives, said as sentences. */
  List<String> doubled() {
    return doubled;
  }

  public List<String> ignored() {
    return ignored;
  }
}
