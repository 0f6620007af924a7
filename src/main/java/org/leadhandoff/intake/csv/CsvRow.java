package org.leadhandoff.intake.csv;

import java.util.List;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Why;

/**
 * One CSV row read as a lead: the contact when every field is acceptable, or the reasons it is not;
 * and the values that could not be read and were left out (the lead is imported without them).
 *
 * @param line the row's line in the file (the header is line 1)
 */
public record CsvRow(
    long line, LeadContact contact, List<RowError> errors, List<RowError> warnings) {

  /**
   * A broken rule (the row is rejected) or, among warnings, a value left out (the row stays): the
   * column and why, as a code and facts that each reader gets in their language.
   */
  public record RowError(String field, Why why) {

    /** Why, in English: the API's and the log's language. */
    public String reason() {
      return MessageCatalogue.english(why);
    }
  }

  public boolean valid() {
    return errors.isEmpty();
  }
}
