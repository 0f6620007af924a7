package org.leadhandoff.scoring;

import java.util.Locale;

/**
 * Names in the criteria (industries, event types, sources) are lower-case words joined by hyphens,
 * the one form that Spring's configuration binding keeps as written; values from intake are brought
 * to the same form, so "Financial Services" finds {@code financial-services}.
 */
public final class Keys {

  private Keys() {}

  /** Runs of anything but letters and digits: what separates the words of a name. */
  static final java.util.regex.Pattern SEPARATORS =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

  public static String normalise(String value) {
    if (value == null) {
      return null;
    }
    if (isKey(value)) {
      // Most values are keys already (stored events, configured names): no copy (measured by
      // ScoringMicrobench: this made engagement scoring allocate a third as much).
      return value;
    }
    String key = SEPARATORS.matcher(value.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
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

  /** Lower-case letters and digits in words joined by single hyphens. */
  static boolean isKey(String value) {
    int length = value.length();
    if (length == 0 || value.charAt(0) == '-' || value.charAt(length - 1) == '-') {
      return false;
    }
    char previous = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && previous != '-');
      if (!ok) {
        return false;
      }
      previous = c;
    }
    return true;
  }
}
