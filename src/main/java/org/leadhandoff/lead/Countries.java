package org.leadhandoff.lead;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leadhandoff.system.Folding;

/**
 * Country names and codes as CRMs and people write them, to ISO 3166 two-letter codes. The names
 * come from the JDK's CLDR locale data (the Unicode consortium's, maintained with each Java
 * release) in the languages of the markets we serve and their neighbours; the three-letter codes
 * from the same data; and a short list of what people write that is no official name ("UK", "USA",
 * "Holland", "England").
 */
public final class Countries {

  private static final List<Locale> LANGUAGES =
      List.of(
          Locale.ENGLISH,
          Locale.GERMAN,
          Locale.FRENCH,
          Locale.ITALIAN,
          Locale.of("es"),
          Locale.of("pt"),
          Locale.of("nl"),
          Locale.of("sv"),
          Locale.of("da"),
          Locale.of("nb"),
          Locale.of("fi"),
          Locale.of("pl"),
          Locale.of("cs"));

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("uk", "GB"),
          Map.entry("grossbritannien", "GB"),
          Map.entry("grandebretagne", "GB"),
          Map.entry("eire", "IE"),
          Map.entry("hongkong", "HK"),
          Map.entry("macau", "MO"),
          Map.entry("macao", "MO"),
          Map.entry("greatbritain", "GB"),
          Map.entry("britain", "GB"),
          Map.entry("england", "GB"),
          Map.entry("scotland", "GB"),
          Map.entry("wales", "GB"),
          Map.entry("northernireland", "GB"),
          Map.entry("unitedkingdomofgreatbritainandnorthernireland", "GB"),
          Map.entry("usa", "US"),
          Map.entry("unitedstatesofamerica", "US"),
          Map.entry("america", "US"),
          Map.entry("holland", "NL"),
          Map.entry("thenetherlands", "NL"),
          Map.entry("czechrepublic", "CZ"),
          Map.entry("southkorea", "KR"),
          Map.entry("korearepublicof", "KR"),
          Map.entry("republicofkorea", "KR"),
          Map.entry("northkorea", "KP"),
          Map.entry("russianfederation", "RU"),
          Map.entry("uae", "AE"),
          Map.entry("turkey", "TR"),
          Map.entry("vietnam", "VN"),
          Map.entry("ivorycoast", "CI"),
          Map.entry("macedonia", "MK"),
          Map.entry("burma", "MM"),
          Map.entry("swaziland", "SZ"),
          Map.entry("capeverde", "CV"),
          Map.entry("easttimor", "TL"),
          Map.entry("vaticancity", "VA"),
          Map.entry("hongkongsar", "HK"),
          Map.entry("hongkongsarchina", "HK"),
          Map.entry("macausar", "MO"),
          Map.entry("taiwanprovinceofchina", "TW"),
          Map.entry("irantheislamicrepublicof", "IR"),
          Map.entry("bolivia", "BO"),
          Map.entry("venezuela", "VE"),
          Map.entry("tanzania", "TZ"),
          Map.entry("moldova", "MD"),
          Map.entry("laos", "LA"),
          Map.entry("syria", "SY"),
          Map.entry("palestine", "PS"),
          Map.entry("brunei", "BN"));

  private static final Map<String, String> CODES = build();

  private Countries() {}

  /**
   * The ISO 3166 two-letter code of a code (two or three letters, any case) or a name; null when
   * the text names no country we know.
   */
  public static String code(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String code = CODES.get(Folding.key(text));
    int open = text.indexOf('(');
    if (code == null && open > 0 && text.strip().endsWith(")")) {
      // "Deutschland (DE)": the name, else what the brackets say.
      String inside = text.substring(open + 1, text.lastIndexOf(')'));
      code = CODES.get(Folding.key(text.substring(0, open)));
      code = code != null ? code : CODES.get(Folding.key(inside));
    }
    return code;
  }

  private static Map<String, String> build() {
    Map<String, String> codes = new HashMap<>();
    for (String iso : Locale.getISOCountries()) {
      Locale country = Locale.of("", iso);
      codes.put(Folding.key(iso), iso);
      codes.putIfAbsent(Folding.key(country.getISO3Country()), iso);
      for (Locale language : LANGUAGES) {
        codes.putIfAbsent(Folding.key(country.getDisplayCountry(language)), iso);
      }
    }
    ALIASES.forEach((alias, iso) -> codes.putIfAbsent(alias, iso));
    return Map.copyOf(codes);
  }
}
