package org.leadhandoff.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeadContactTest {

  private static LeadContact contact(
      String firstName, String phone, Integer size, String country, String source) {
    return new LeadContact(
        "léa@example.com",
        firstName,
        "Moreau",
        phone,
        null,
        size,
        null,
        null,
        country,
        source,
        null,
        Map.of(),
        true);
  }

  @Test
  @DisplayName(
      "a list row that fills a lead keeps what the lead has and names each field it would have"
          + " changed; case, spaces, an empty value, the source and consent are no conflict")
  void listRowFillsAndReportsConflicts() {
    LeadContact lead = contact("Léa", "+33 1 23 45 67 89", 200, "FR", "web-form");
    LeadContact row = contact(" LÉA ", "+33 9 99 99 99 99", 500, null, "trade-show");

    assertThat(lead.conflictsWith(row)).containsExactly("phone", "companySize");

    LeadContact filled = lead.filledBy(row);
    assertThat(filled.phone()).isEqualTo("+33 1 23 45 67 89");
    assertThat(filled.companySize()).isEqualTo(200);
    assertThat(filled.country()).isEqualTo("FR");
    assertThat(filled.source()).isEqualTo("web-form");
  }

  @Test
  @DisplayName("the person's own newer data replaces what it carries and keeps what it leaves out")
  void ownDataReplaces() {
    LeadContact lead = contact("Léa", "+33 1 23 45 67 89", 200, "FR", "web-form");
    LeadContact form = contact("Léa-Marie", null, 500, null, "webinar");

    LeadContact updated = lead.updatedBy(form);
    assertThat(updated.firstName()).isEqualTo("Léa-Marie");
    assertThat(updated.phone()).isEqualTo("+33 1 23 45 67 89");
    assertThat(updated.companySize()).isEqualTo(500);
    assertThat(updated.source()).as("the first source is kept").isEqualTo("web-form");
  }
}
