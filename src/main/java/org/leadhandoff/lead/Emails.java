package org.leadhandoff.lead;

import java.util.Locale;

/** The lead's business key is its normalised email: the same person arriving twice is one lead. */
public final class Emails {

  private Emails() {}

  /** Trims and lower-cases the whole address (mail providers treat the local part case-blind). */
  public static String normalise(String email) {
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException("email is required");
    }
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
