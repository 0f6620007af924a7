package org.leadhandoff.system;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a label is compared with the labels we know, whoever typed it: "Country/Region", "country
 * region" and "COUNTRY_REGION" are one key, as are "Österreich" and "Osterreich".
 */
public final class Folding {

  private Folding() {}

  /** Lower case, accents dropped, ß as ss, everything but letters and digits removed. */
  public static String key(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replace("ß", "ss")
        .replaceAll("[^a-z0-9]", "");
  }
}
