package org.leadhandoff.system;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a label is compared with the labels we know, whoever typed it: "Country/Region", "country
 * region" and "COUNTRY_REGION" are one key, as are "Österreich" and "Osterreich".
 */
public final class Folding {

  // Compiled once: an import folds a value of every row (its country).
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern OTHER = Pattern.compile("[^a-z0-9]");

  private Folding() {}

  /** Lower case, accents dropped, ß as ss, everything but letters and digits removed. */
  public static String key(String text) {
    String decomposed =
        MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return OTHER.matcher(decomposed.toLowerCase(Locale.ROOT).replace("ß", "ss")).replaceAll("");
  }
}
