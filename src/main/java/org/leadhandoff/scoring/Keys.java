package org.leadhandoff.scoring;

import java.util.Locale;

/**
 * Names in the criteria (industries, event types, sources) are lower-case words joined by hyphens,
 * the one form that Spring's configuration binding keeps as written; values from intake are brought
 * to the same form, so "Financial Services" finds {@code financial-services}.
 */
public final class Keys {

  private Keys() {}

  public static String normalise(String value) {
    if (value == null) {
      return null;
    }
    String key = value.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
    int start = 0;
    int end = key.length();
    while (start < end && key.charAt(start) == '-') {
      start++;
    }
    while (end > start && key.charAt(end - 1) == '-') {
      end--;
    }
    return key.substring(start, end);
  }
}
