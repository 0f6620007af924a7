package org.leadhandoff.system;

import java.net.URI;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where people reach this application, for links that leave it (a form in Tasklist, a mail).
 *
 * @param publicUrl the application's address as its users see it
 */
@ConfigurationProperties("lead-handoff")
public record PublicUrl(@DefaultValue("http://localhost:8090") URI publicUrl) {

  /** The lead's page in the inbox, for the people who work its tasks. */
  public String lead(UUID leadId) {
    return base() + "/inbox/#/leads/" + leadId;
  }

  /**
   * The lead's open task in the inbox, for mails that ask someone to act on it (the task's id is
   * not known when the mail is written: the page finds the lead's task when it opens).
   */
  public String leadTask(UUID leadId) {
    return lead(leadId) + "/task";
  }

  /** The lead and its timeline on the dashboard, for marketing and managers. */
  public String leadOnDashboard(UUID leadId) {
    return base() + "/dashboard/#lead/" + leadId;
  }

  private String base() {
    return publicUrl.toString().replaceAll("/+$", "");
  }
}
