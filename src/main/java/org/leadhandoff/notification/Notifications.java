package org.leadhandoff.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.leadhandoff.lead.Lead;
import org.leadhandoff.lead.LeadStore;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.PublicUrl;
import org.leadhandoff.system.ReaderLanguages;
import org.leadhandoff.system.Why;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails of the handoff, each recorded once per occasion in the caller's transaction. The mails
 * of routing take the lead routing has read, so a routing reads it once.
 */
@Service
public class Notifications {

  private final MailOutbox outbox;
  private final MailTemplates templates;
  private final LeadStore leads;
  private final PublicUrl urls;
  private final MailProperties properties;
  private final MessageCatalogue catalogue;
  private final java.util.Locale language;
  private final ReaderLanguages readers;

  Notifications(
      MailOutbox outbox,
      MailTemplates templates,
      LeadStore leads,
      PublicUrl urls,
      MailProperties properties,
      MessageCatalogue catalogue,
      ReaderLanguages readers) {
    this.catalogue = catalogue;
    this.readers = readers;
    this.language = catalogue.language(properties.language());
    this.outbox = outbox;
    this.templates = templates;
    this.leads = leads;
    this.urls = urls;
    this.properties = properties;
  }

  /** Tells marketing that a lead came back to them, why, and when it returns to the funnel. */
  @Transactional
  public void recycled(String occasion, UUID leadId, Why reason, Instant revisitAt) {
    Lead lead = leads.find(leadId).orElse(null);
    if (lead == null) {
      // Nothing to tell marketing about a lead that is not in the store any more.
      return;
    }
    Map<String, String> values = values(lead, null, reason, language);
    // Marketing may not open the inbox; the dashboard shows them the lead and its timeline.
    values.put("leadUrl", urls.leadOnDashboard(leadId));
    values.put(
        "revisit",
        revisitAt == null
            ? catalogue.text(language, "mail.revisitUnknown")
            : DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(language)
                .format(revisitAt.atZone(java.time.ZoneOffset.UTC)));
    outbox.add(
        occasion, leadId, properties.marketing(), templates.render("recycled", language, values));
  }

  /** A person to write to. */
  public record Recipient(String id, String name, String email, ZoneId timeZone) {}

  /**
   * @param occasion what the mail is about, unique: the same occasion is never mailed twice
   * @param task what the person is to do: its key in the message catalogue ({@code task.QUALIFIER})
   * @param before how the lead came to the person when it was rerouted from someone else (who had
   *     it and why it left them); null for a first assignment or a hand-over
   */
  @Transactional
  public void assigned(
      String occasion, Lead lead, Recipient rep, String task, Instant due, Why reason, Why before) {
    java.util.Locale language = languageOf(rep);
    Map<String, String> values = values(lead, task, reason, language);
    if (before != null) {
      values.put("reason", values.get("reason") + "; " + catalogue.explain(language, before));
    }
    values.put("repName", rep.name());
    values.put("due", due(due, rep, language));
    // Straight to the task: the page finds the lead's open task, or says it has moved on.
    values.put("leadUrl", urls.leadTask(lead.id()));
    outbox.add(occasion, lead.id(), rep.email(), templates.render("assignment", language, values));
  }

  @Transactional
  public void reminder(String occasion, Lead lead, Recipient rep, String task, Instant due) {
    java.util.Locale language = languageOf(rep);
    Map<String, String> values = values(lead, task, null, language);
    values.put("repName", rep.name());
    values.put("due", due(due, rep, language));
    values.put("leadUrl", urls.leadTask(lead.id()));
    outbox.add(occasion, lead.id(), rep.email(), templates.render("reminder", language, values));
  }

  /**
   * Tells the previous owner that the lead went to someone else, and why.
   *
   * @param newOwner who has it now; null: the team queue
   */
  @Transactional
  public void rerouted(
      String occasion, Lead lead, Recipient previous, String newOwner, Why reason) {
    java.util.Locale language = languageOf(previous);
    Map<String, String> values = values(lead, null, reason, language);
    values.put("repName", previous.name());
    // Where it is now, as the language says it ("bei Alex", "in der Team-Warteschlange").
    values.put(
        "newPlace",
        newOwner == null
            ? catalogue.text(language, "mail.inTheTeamQueue")
            : catalogue.text(language, "mail.withPerson", Map.of("name", newOwner)));
    outbox.add(
        occasion, lead.id(), previous.email(), templates.render("reroute", language, values));
  }

  @Transactional
  public void escalated(String occasion, Lead lead, Recipient manager, String task, Why reason) {
    java.util.Locale language = languageOf(manager);
    Map<String, String> values = values(lead, task, reason, language);
    values.put("managerName", manager.name());
    // Straight to the task, where the manager can hand it to someone.
    values.put("leadUrl", urls.leadTask(lead.id()));
    outbox.add(
        occasion, lead.id(), manager.email(), templates.render("escalation", language, values));
  }

  /** The language the person chose in the pages, else the installation's. */
  private java.util.Locale languageOf(Recipient recipient) {
    return readers.of(recipient.id()).orElse(language);
  }

  private String due(Instant due, Recipient rep, java.util.Locale language) {
    return due == null
        ? catalogue.text(language, "mail.soon")
        : DateTimeFormatter.ofPattern(catalogue.text(language, "mail.dueFormat"), language)
            .format(due.atZone(rep.timeZone()));
  }

  /** The values every mail has; the reason in the mail's language. */
  private Map<String, String> values(
      Lead lead, String task, Why reason, java.util.Locale language) {
    Map<String, String> values = new HashMap<>();
    values.put("leadName", lead.displayName());
    values.put(
        "company",
        lead.contact().company() == null
            ? catalogue.text(language, "mail.companyUnknown")
            : lead.contact().company());
    values.put(
        "title",
        lead.contact().title() == null
            ? catalogue.text(language, "mail.titleUnknown")
            : lead.contact().title());
    values.put(
        "temperature",
        lead.temperature() == null
            ? catalogue.text(language, "mail.notClassified")
            : catalogue.code(language, "temperature", lead.temperature().name()));
    values.put("leadUrl", urls.lead(lead.id()));
    values.put("task", task == null ? null : catalogue.text(language, task));
    values.put("reason", catalogue.explain(language, reason));
    return values;
  }
}
