package org.leadhandoff.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.leadhandoff.intake.CaptureResult;
import org.leadhandoff.intake.EngagementService;
import org.leadhandoff.intake.LeadCaptureService;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.lead.Stage;
import org.leadhandoff.lead.StageChange;
import org.springframework.boot.test.context.TestComponent;

/**
 * Leads for process tests, scored by the shipped criteria.yaml. Each gets its own email, so tests
 * sharing one engine never meet each other's leads.
 */
@TestComponent
public class LeadFixtures {

  private final LeadCaptureService intake;
  private final EngagementService engagement;
  private final LeadStore store;
  private final ProcessTestSupport process;

  LeadFixtures(
      LeadCaptureService intake,
      EngagementService engagement,
      LeadStore store,
      ProcessTestSupport process) {
    this.intake = intake;
    this.engagement = engagement;
    this.store = store;
    this.process = process;
  }

  /** A CTO of a 500-person software company in GB with a business email: grade A, in profile. */
  public UUID gradeA() {
    return capture(gradeAProfile(unique("ada", "bigco.example")));
  }

  public static LeadContact gradeAProfile(String email) {
    return Contacts.contact(email)
        .name("Ada", "Lovelace")
        .phone("+44 20 7946 0000")
        .company("BigCo", 500)
        .industry("Software")
        .title("CTO")
        .country("GB")
        .source("web-form")
        .build();
  }

  /** A student at a tiny retailer with a free email address: grade D, out of profile. */
  public UUID poorFit() {
    return capture(
        Contacts.contact(unique("eve", "gmail.com"))
            .name("Eve", null)
            .company("Tiny", 3)
            .industry("Retail")
            .title("Student")
            .country("FR")
            .source("newsletter")
            .build());
  }

  /** Only a business email: too little to be in profile. */
  public UUID sparse(String email) {
    return capture(LeadContact.ofEmail(email));
  }

  public UUID capture(LeadContact contact) {
    CaptureResult result = intake.capture(contact, "test");
    if (!result.created()) {
      throw new IllegalStateException("Fixture lead already existed: " + contact.email());
    }
    return result.leadId();
  }

  public CaptureResult captureAgain(LeadContact contact) {
    return intake.capture(contact, "test");
  }

  /** Records an engagement event that happened some days before the engine clock's now. */
  public void engage(UUID leadId, String type, int daysAgo) {
    engagement.record(
        leadId,
        UUID.randomUUID().toString(),
        type,
        process.now().minus(Duration.ofDays(daysAgo)),
        null);
  }

  /** Pricing page twice and two webinars: exactly the MQL threshold of the shipped criteria. */
  public void engageToMql(UUID leadId) {
    engage(leadId, "pricing-page", 0);
    engage(leadId, "pricing-page", 0);
    engage(leadId, "webinar-attended", 0);
    engage(leadId, "webinar-attended", 0);
  }

  public void awaitStage(UUID leadId, Stage stage) {
    await()
        .atMost(ProcessTestSupport.WAIT)
        .until(() -> store.find(leadId).orElseThrow().stage() == stage);
  }

  public List<Stage> stages(UUID leadId) {
    return store.history(leadId).stream().map(StageChange::toStage).toList();
  }

  public static String unique(String name, String domain) {
    return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
  }
}
