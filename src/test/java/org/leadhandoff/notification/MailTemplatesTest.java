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
}
