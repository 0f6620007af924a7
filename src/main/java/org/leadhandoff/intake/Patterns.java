package org.leadhandoff.intake;

/** What intake accepts in text fields, with the sentence that says so. */
final class Patterns {

  private Patterns() {}

  /** No control characters: a line break in a name must never reach a mail header. */
  static final String TEXT = "^[^\\p{Cntrl}]*$";

  static final String TEXT_MESSAGE =
      "must not contain line breaks, tabs or other control characters";

  static final String PHONE = "^\\+?[0-9 ()./-]{3,50}$";

  static final String PHONE_MESSAGE =
      "must be a phone number of 3 to 50 digits, spaces and + ( ) - . /, like +44 20 7946 0000";

  static final String COUNTRY = "^[A-Za-z]{2}$";

  static final String COUNTRY_MESSAGE = "must be a two-letter ISO 3166 country code, like GB";

  static final String SOURCE = "^[A-Za-z0-9 _.-]*$";

  static final String SOURCE_MESSAGE =
      "must be letters, digits, spaces, '-', '_' or '.', like web-form";

  static final String ATTRIBUTE = "^[A-Za-z0-9_.-]+$";

  static final String ATTRIBUTE_MESSAGE = "names must be letters, digits, '-', '_' or '.'";
}
