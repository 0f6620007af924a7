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
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Why;

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

  /**
   * A column with the whole name (Pipedrive's "Person - Name", Salesforce's "Name", LinkedIn's
   * "Full Name"): split into first and last name where no columns give them.
   */
  static final String FULL_NAME = "fullName";

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
    ALIASES.put(
        FULL_NAME,
        List.of("fullname", "name", "personname", "contactname", "leadname", "vollername"));
    ALIASES.put("referredBy", List.of("referredby", "referrer", "referral"));
    ALIASES.put(
        "consent",
        List.of(
            "consent",
            "marketingconsent",
            "optin",
            "emailoptin",
            "marketingoptin",
            "einwilligung",
            "consentement",
            "toestemming"));
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

  /** What a mapping names to leave a column out. */
  public static final String IGNORE = "ignore";

  /** How a column is read, for the import page. */
  public enum How {
    /** Its header names a field (or a CRM's spelling of one). */
    RECOGNISED,
    /** The person mapped it (to a field, or to be left out). */
    MAPPED,
    /** Not a lead field, or mapped to be left out. */
    IGNORED,
    /** It means the same field as an earlier column, which is the one read. */
    DOUBLED
  }

  /**
   * One column of the header.
   *
   * @param readAs the field it fills ({@code attr:<name>} for a custom attribute), null if ignored
   */
  public record Column(String name, String readAs, How how) {}

  private final Map<String, String> fieldToColumn = new LinkedHashMap<>();
  private final Map<String, String> attributeToColumn = new LinkedHashMap<>();
  private final List<Why> doubled = new ArrayList<>();
  private final List<Column> columns = new ArrayList<>();

  private CsvColumns() {}

  public static CsvColumns of(List<String> header) {
    return of(header, Map.of());
  }

  /**
   * The header read with a person's mapping: a column it names is read as it says (a field, {@code
   * attr:<name>} or {@value #IGNORE}), the others by their names. A mapping for a column the file
   * does not have is left unused (a saved mapping serves files of several shapes).
   *
   * @throws IllegalArgumentException naming the column whose target is no lead field
   */
  public static CsvColumns of(List<String> header, Map<String, String> mapping) {
    CsvColumns columns = new CsvColumns();
    Column[] read = new Column[header.size()];
    // The person's mapping first: a column they mapped wins over one recognised by its name.
    for (boolean mappedPass : new boolean[] {true, false}) {
      for (int i = 0; i < header.size(); i++) {
        String column = header.get(i);
        String name = column == null ? "" : column.strip();
        String mapped = mapping.containsKey(column) ? mapping.get(column) : mapping.get(name);
        if ((mapped != null) != mappedPass) {
          continue;
        }
        String target = mapped != null ? mapped.strip() : recognised(name);
        How how = mapped != null ? How.MAPPED : How.RECOGNISED;
        read[i] = columns.read(column, name, target, how);
      }
    }
    columns.columns.addAll(List.of(read));
    return columns;
  }

  /** Reads one column as {@code target}: a field, an attribute, or left out. */
  private Column read(String column, String name, String target, How how) {
    if (target == null || target.equalsIgnoreCase(IGNORE)) {
      return new Column(column, null, how == How.MAPPED ? How.MAPPED : How.IGNORED);
    }
    String attribute = attribute(target);
    if (attribute != null) {
      if (how == How.MAPPED && !attribute.matches(org.leadhandoff.lead.Patterns.ATTRIBUTE)) {
        throw new UnknownTargetException(
            Why.of(
                "IMPORT_BAD_ATTRIBUTE",
                "column",
                name,
                "attribute",
                attribute,
                "suggested",
                suggestedAttribute(attribute)));
      }
      if (attributeToColumn.putIfAbsent(attribute, column) == null) {
        return new Column(column, "attr:" + attribute, how);
      }
      return doubled(column, "attr:" + attribute);
    }
    if (!ALIASES.containsKey(target)) {
      throw new UnknownTargetException(
          Why.of(
              "IMPORT_NOT_A_FIELD",
              "column",
              name,
              "target",
              target,
              "fields",
              String.join(", ", ALIASES.keySet()) + ", attr:<name>, " + IGNORE));
    }
    if (fieldToColumn.putIfAbsent(target, column) == null) {
      return new Column(column, target, how);
    }
    return doubled(column, target);
  }

  /** A mapping names a column's target that is no lead field: why, for the person who mapped. */
  static final class UnknownTargetException extends IllegalArgumentException {
    private final transient Why why;

    UnknownTargetException(Why why) {
      super(MessageCatalogue.english(why));
      this.why = why;
    }

    Why why() {
      return why;
    }
  }

  /** "Booth Number" as an attribute name: "booth-number". */
  public static String suggestedAttribute(String header) {
    String name =
        java.text.Normalizer.normalize(header.strip(), java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_.-]+", "-")
            .replaceAll("^-+|-+$", "");
    return name.isEmpty() ? "attribute" : name;
  }

  /** The field a header names by itself: {@code attr:<name>}, a field or an alias, else null. */
  private static String recognised(String name) {
    String attribute = attribute(name);
    return attribute != null ? "attr:" + attribute : field(name).orElse(null);
  }

  /** "attr:Booth" and "attribute.Booth" name the attribute "Booth". */
  private static String attribute(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String prefix =
        lower.startsWith("attr:") ? "attr:" : lower.startsWith("attribute.") ? "attribute." : null;
    if (prefix == null) {
      return null;
    }
    String attribute = name.substring(prefix.length()).strip();
    return attribute.isEmpty() ? null : attribute;
  }

  private Column doubled(String column, String target) {
    String first =
        target.startsWith("attr:")
            ? attributeToColumn.get(target.substring(5))
            : fieldToColumn.get(target);
    doubled.add(
        Why.of("IMPORT_COLUMNS_DOUBLED", "first", first, "second", column, "target", target));
    return new Column(column, null, How.DOUBLED);
  }

  /** Every column of the header, in order, with how it is read. */
  public List<Column> columns() {
    return List.copyOf(columns);
  }

  /**
   * Checks a mapping before it is kept.
   *
   * @throws IllegalArgumentException naming the first column whose target is no lead field
   */
  public static void check(Map<String, String> mapping) {
    of(List.copyOf(mapping.keySet()), mapping);
  }

  /** What a column can be mapped to, besides {@code attr:<name>} and {@value #IGNORE}. */
  public static List<String> targets() {
    return List.copyOf(ALIASES.keySet());
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
  List<Why> doubled() {
    return doubled;
  }

  /** The columns left out, in the header's order. */
  public List<String> ignored() {
    return columns.stream().filter(c -> c.readAs() == null).map(Column::name).toList();
  }
}
