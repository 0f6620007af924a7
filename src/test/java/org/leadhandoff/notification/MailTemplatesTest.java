package org.leadhandoff.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  @Test
  @DisplayName("a line break in a value never reaches the subject, and HTML is escaped")
  void headerInjectionAndEscaping() {
    MailTemplates.Mail mail =
        templates.render(
            "assignment",
            Map.of(
                "leadName", "Eve\r\nBcc: everyone@example.com",
                "company", "<script>x</script>",
                "repName", "Sam",
                "title", "CTO",
                "task", "the phone qualification",
                "temperature", "HOT",
                "due", "Tue 24 Nov 10:00 GMT",
                "leadUrl", "http://localhost:8090/inbox/#/leads/1",
                "reason", "round robin"));

    assertThat(mail.subject())
        .doesNotContain("\r", "\n")
        .startsWith("New lead for you: Eve Bcc: everyone@example.com");
    assertThat(mail.html()).contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>");
    assertThat(mail.text())
        .startsWith("Hello Sam,")
        .contains("http://localhost:8090/inbox/#/leads/1");
  }

  @Test
  @DisplayName("every mail has its German template, and a German mail reads German")
  void germanMails() throws Exception {
    var english =
        new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
            .getResources("classpath:mail/*.*");
    assertThat(english).isNotEmpty();
    for (var template : english) {
      assertThat(
              new org.springframework.core.io.ClassPathResource("mail/de/" + template.getFilename())
                  .exists())
          .as("mail/de/" + template.getFilename())
          .isTrue();
    }
    MailTemplates.Mail mail =
        templates.render(
            "escalation",
            java.util.Locale.GERMAN,
            Map.of(
                "leadName", "Zoë Müller",
                "company", "Bäckerei Groß",
                "managerName", "Morgan",
                "task", "die telefonische Qualifizierung",
                "leadUrl", "http://localhost:8090/inbox/#/leads/1/task",
                "reason", "zu oft umgeleitet"));
    assertThat(mail.subject())
        .isEqualTo(
            "Eskalation: Zoë Müller (Bäckerei Groß) braucht die telefonische Qualifizierung");
    assertThat(mail.text()).startsWith("Hallo Morgan,").contains("/inbox/#/leads/1/task");
    assertThat(mail.html()).contains("Aufgabe öffnen und jemandem übergeben");
  }
}
