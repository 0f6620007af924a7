package org.leadhandoff.lead;

/** What every intake channel accepts in text fields, with the sentence that says so. */
public final class Patterns {

  private Patterns() {}

  /**
   * No control characters: a line break in a name must never reach a mail header. Nor Unicode's
   * line and paragraph separators, or invisible format characters (bidi overrides that make a name
   * read backwards, zero-width spaces that make two names look alike), except the zero-width joiner
   * and non-joiner that Persian, Indic and emoji spellings need.
   */
  // One character class, repeated: an alternation per character made the matcher recurse once per
  // character, and a value of a few thousand characters overflowed the stack (a 500, a stuck
  // import) before its length was even checked.
  public static final String TEXT = "^[[^\\p{Cntrl}\\p{Zl}\\p{Zp}\\p{Cf}][\\u200C\\u200D]]*$";

  public static final String TEXT_MESSAGE =
      "must not contain line breaks, tabs, invisible formatting or other control characters";

  public static final String PHONE = "^\\+?[0-9 ()./-]{3,50}$";

  public static final String PHONE_MESSAGE =
      "must be a phone number of 3 to 50 digits, spaces and + ( ) - . /, like +44 20 7946 0000";

  public static final String COUNTRY = "^[A-Za-z]{2}$";

  public static final String COUNTRY_MESSAGE =
      "must be a two-letter ISO 3166 country code, like GB";

  public static final String SOURCE = "^[A-Za-z0-9 _.-]*$";

  public static final String SOURCE_MESSAGE =
      "must be letters, digits, spaces, '-', '_' or '.', like web-form";

  public static final String ATTRIBUTE = "^[A-Za-z0-9_.-]+$";

  public static final String ATTRIBUTE_MESSAGE = "names must be letters, digits, '-', '_' or '.'";
}
