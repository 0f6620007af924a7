package org.leadhandoff.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Every text a person reads, by key: the words for the codes (stages, reasons, roles), the pages'
 * texts and the mails' words. The bundles under {@code i18n/} are Java properties files in UTF-8,
 * English in the base file and a translation beside it ({@code _de}); a key a translation lacks is
 * read in English. Placeholders are {@code {{name}}}, as in the mail templates and in i18next,
 * which reads the same catalogue in the pages ({@code GET /api/messages}).
 */
@Component
public class MessageCatalogue {

  /** The bundles, one per page plus the shared words; together they are the catalogue. */
  public static final List<String> BUNDLES = List.of("messages", "inbox", "dashboard", "imports");

  /** The languages shipped; the first is the default and the fallback. */
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

  /** A language's own name for itself, for the language menu. */
  public record Language(String code, String name) {}

  public List<Language> languages() {
    return LANGUAGES.stream()
        .map(l -> new Language(l.getLanguage(), capitalised(l.getDisplayLanguage(l), l)))
        .toList();
  }

  /**
   * The shipped language that fits a request best: an exact language of the list (for example
   * "de-AT,de;q=0.9,en;q=0.8" gives German), else English.
   */
  public Locale language(String requested) {
    if (requested == null || requested.isBlank()) {
      return LANGUAGES.getFirst();
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(requested);
      Locale match = Locale.lookup(ranges, LANGUAGES);
      if (match != null) {
        return match;
      }
      // "de-AT" alone: its language is shipped even if the region is not.
      for (Locale.LanguageRange range : ranges) {
        Locale asked = Locale.forLanguageTag(range.getRange());
        for (Locale shipped : LANGUAGES) {
          if (shipped.getLanguage().equals(asked.getLanguage())) {
            return shipped;
          }
        }
      }
    } catch (IllegalArgumentException e) {
      // Not a language list: the default.
    }
    return LANGUAGES.getFirst();
  }

  /**
   * The language a request asks for: a language it names itself ({@code lang}, from a page's link)
   * wins over its Accept-Language header; neither gives English.
   */
  public Locale language(String chosen, String accepted) {
    return language(chosen != null && !chosen.isBlank() ? chosen : accepted);
  }

  /** Every text of the catalogue in the language, English where it has no translation. */
  public Map<String, String> all(Locale language) {
    Map<String, String> texts = new TreeMap<>();
    for (String name : BUNDLES) {
      ResourceBundle bundle = bundle(name, language);
      for (String key : bundle.keySet()) {
        texts.put(key, bundle.getString(key));
      }
    }
    return texts;
  }

  /**
   * The text for the key with its placeholders filled; the key itself when the catalogue has no
   * such text (a missing word shows, it does not break a mail).
   */
  public String text(Locale language, String key, Map<String, ?> values) {
    String text = null;
    for (String name : BUNDLES) {
      ResourceBundle bundle = bundle(name, language);
      if (bundle.containsKey(key)) {
        text = bundle.getString(key);
        break;
      }
    }
    if (text == null) {
      return key;
    }
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      text =
          text.replace(
              "{{" + entry.getKey() + "}}",
              entry.getValue() == null ? "–" : String.valueOf(entry.getValue()));
    }
    return text;
  }

  public String text(Locale language, String key) {
    return text(language, key, Map.of());
  }

  /**
   * The words for a code of a kind ("stage", "reason", ...), or the code as words when the
   * catalogue lacks it ("NOT_A_FIT" reads "not a fit").
   */
  public String code(Locale language, String kind, String code) {
    if (code == null) {
      return null;
    }
    String key = kind + "." + code;
    String text = text(language, key);
    return text.equals(key) ? code.replace('_', ' ').toLowerCase(Locale.ROOT) : text;
  }

  private static final MessageCatalogue ENGLISH = new MessageCatalogue();

  /** A reason in English, the API's and the log's language, where no catalogue is injected. */
  public static String english(Why why) {
    return ENGLISH.explain(LANGUAGES.getFirst(), why);
  }

  /**
   * A reason in words: the catalogue's {@code why.<code>} text (its {@code _one} or {@code _other}
   * form when a {@code count} fact is given; the reason code's words when there is no sentence)
   * with each fact written as the reader's language writes it: a code as its words ({@code
   * team.QUALIFIER}, {@code confirmed.BUDGET}), a country by its name, a date and a number in the
   * local form, a list joined. A fact the sentence does not use adds its clause, {@code
   * why.fact.<name>} (", amount {{amount}}"), so optional facts need no second sentence; a person's
   * own words ({@code note}) stay as written. The pages do the same in {@code i18n.js}.
   */
  public String explain(Locale language, Why why) {
    if (why == null || why.code() == null) {
      return null;
    }
    String key = "why." + why.code();
    if (why.facts().get("count") instanceof Number n) {
      String plural = key + (n.intValue() == 1 ? "_one" : "_other");
      if (has(language, plural)) {
        key = plural;
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    why.facts().forEach((fact, value) -> values.put(fact, fact(language, fact, value)));
    // A form field's label in the reader's language, where the catalogue has it.
    if (why.facts().get("labelKey") instanceof String labelKey && has(language, labelKey)) {
      values.put("label", text(language, labelKey));
    }
    // A list of a form's values ("missing") with their labels' keys ("missingKeys"): each in the
    // reader's words where the catalogue has it, else as the form labels it.
    why.facts()
        .forEach(
            (fact, value) -> {
              if (fact.endsWith("Keys") && value instanceof List<?> keys) {
                String name = fact.substring(0, fact.length() - "Keys".length());
                List<?> labels = why.facts().get(name) instanceof List<?> l ? l : List.of();
                List<String> words = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) {
                  String labelKey = String.valueOf(keys.get(i));
                  words.add(
                      has(language, labelKey)
                          ? text(language, labelKey)
                          : i < labels.size() ? String.valueOf(labels.get(i)) : labelKey);
                }
                values.put(name, String.join(", ", words));
              }
            });
    String template = raw(language, key);
    StringBuilder text =
        new StringBuilder(
            template.isEmpty()
                ? code(language, "reason", why.code())
                : text(language, key, values));
    why.facts()
        .forEach(
            (fact, value) -> {
              boolean empty =
                  value == null
                      || (value instanceof java.util.Collection<?> c && c.isEmpty())
                      || (value instanceof String s && s.isBlank());
              if (!empty
                  && !template.contains("{{" + fact + "}}")
                  && has(language, "why.fact." + fact)) {
                text.append(text(language, "why.fact." + fact, values));
              }
            });
    return text.toString();
  }

  /** A reason kept as a code and facts (JSON) in words; the stored text where there is no code. */
  public String explain(Locale language, String code, String factsJson, String storedText) {
    if (code == null || code.isBlank()) {
      return storedText;
    }
    if (!has(language, "why." + code)
        && !has(language, "why." + code + "_other")
        && !has(language, "reason." + code)
        && storedText != null
        && !storedText.equals(code)) {
      // A code without words (a designer's own model): what was written then.
      return storedText;
    }
    return explain(language, new Why(code, Why.facts(factsJson)));
  }

  /** A country's name in the language, from its ISO code; anything else as it was stored. */
  public String country(Locale language, String code) {
    if (code == null || !code.matches("[A-Z]{2}")) {
      return code;
    }
    String name = Locale.of("", code).getDisplayCountry(language);
    return name.isBlank() || name.equals(code) ? code : name;
  }

  /**
   * A name the criteria or the routing table keep (a source "web-form", an industry, a title's
   * label, a routing rule) in the reader's words: the catalogue's {@code <kind>.<slug>} where it
   * has one, else the name as written (a name an operator chose, such as an import's source, is
   * their word: they filter and search by it as they wrote it).
   */
  public String name(Locale language, String kind, String value) {
    if (value == null || value.isBlank()) {
      return value;
    }
    // The criteria's own key form ("senior decision maker" -> senior-decision-maker).
    String key = org.leadhandoff.scoring.Keys.normalise(value);
    if (!key.isEmpty() && has(language, kind + "." + key)) {
      return text(language, kind + "." + key);
    }
    return value;
  }

  /** Facts that carry such a name, and the catalogue's kind for it. */
  private static final Map<String, String> NAMES =
      Map.of(
          "source", "source",
          "industry", "industry",
          "label", "criteriaLabel",
          "rule", "routingRule");

  private String fact(Locale language, String fact, Object value) {
    if (value == null) {
      return "–";
    }
    if (value instanceof java.util.Collection<?> list) {
      return String.join(", ", list.stream().map(v -> fact(language, fact, v)).toList());
    }
    if (value instanceof Number number) {
      return java.text.NumberFormat.getNumberInstance(language).format(number);
    }
    String text = String.valueOf(value);
    if ("target".equals(fact)) {
      // A field an import reads a column as: its name on the import page (a name the person
      // wrote that is no field stays as written).
      if (text.startsWith("attr:")) {
        return text(language, "imports.field.attribute", Map.of("name", text.substring(5)));
      }
      if (has(language, "imports.field." + text)) {
        return text(language, "imports.field." + text);
      }
    }
    if (NAMES.containsKey(fact)) {
      return name(language, NAMES.get(fact), text);
    }
    if (VERBATIM.contains(fact)) {
      // What a person or a file wrote: "2024-01-01" in a cell stays as written, not a date.
      return text;
    }
    if ("country".equals(fact) && text.matches("[A-Z]{2}")) {
      return country(language, text);
    }
    if ("day".equals(fact)) {
      try {
        return java.time.DayOfWeek.valueOf(text)
            .getDisplayName(java.time.format.TextStyle.FULL, language);
      } catch (IllegalArgumentException e) {
        return text;
      }
    }
    if (text.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z")) {
      try {
        // An instant: the server's words give it in UTC, and say so; the pages use local time.
        return java.time.format.DateTimeFormatter.ofLocalizedDateTime(
                    java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
                .withLocale(language)
                .withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.parse(text))
            + " UTC";
      } catch (java.time.DateTimeException e) {
        return text;
      }
    }
    if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(
                java.time.format.FormatStyle.MEDIUM)
            .withLocale(language)
            .format(java.time.LocalDate.parse(text));
      } catch (java.time.DateTimeException e) {
        return text;
      }
    }
    if (text.matches("[A-Z][A-Z0-9_]*") && has(language, fact + "." + text)) {
      return text(language, fact + "." + text);
    }
    return text;
  }

  /** Facts that quote what a person or a file wrote, and stay as written. */
  private static final java.util.Set<String> VERBATIM =
      java.util.Set.of(
          "text",
          "column",
          "header",
          "first",
          "second",
          "target",
          "attribute",
          "suggested",
          "fields",
          "problem",
          "charset");

  private boolean has(Locale language, String key) {
    return !raw(language, key).isEmpty();
  }

  /** The text of a key before its placeholders are filled; empty when the catalogue lacks it. */
  private String raw(Locale language, String key) {
    for (String name : BUNDLES) {
      ResourceBundle bundle = bundle(name, language);
      if (bundle.containsKey(key)) {
        return bundle.getString(key);
      }
    }
    return "";
  }

  /** Keys of the base bundles that a translation lacks, for the catalogue's test. */
  public Map<String, List<String>> untranslated(Locale language) {
    Map<String, List<String>> missing = new LinkedHashMap<>();
    for (String name : BUNDLES) {
      ResourceBundle base = bundle(name, Locale.ROOT);
      ResourceBundle translated;
      try {
        translated =
            ResourceBundle.getBundle(
                "i18n/" + name + "_" + language.getLanguage(),
                Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES));
      } catch (MissingResourceException e) {
        missing.put(name, new ArrayList<>(base.keySet()));
        continue;
      }
      List<String> lacking =
          base.keySet().stream().filter(k -> !translated.keySet().contains(k)).sorted().toList();
      if (!lacking.isEmpty()) {
        missing.put(name, lacking);
      }
    }
    return missing;
  }

  private static ResourceBundle bundle(String name, Locale language) {
    // No fallback to the machine's locale: English is the base file, whatever the server runs in.
    return ResourceBundle.getBundle(
        "i18n/" + name,
        language,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static String capitalised(String name, Locale locale) {
    return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
  }
}
