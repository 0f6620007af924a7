package org.leadhandoff.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadhandoff.routing.RosterStore;
import org.leadhandoff.support.Contacts;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.LeadFixtures;
import org.leadhandoff.support.ProcessTestSupport;
import org.leadhandoff.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The handoff's mails through a real SMTP server (GreenMail), each occasion exactly once. */
@EmbeddedEngineTest
class HandoffMailTest {

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(TestSmtp.setup()).withPerMethodLifecycle(true);

  @Autowired LeadFixtures leads;
  @Autowired ProcessTestSupport process;
  @Autowired RosterStore roster;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired java.time.Clock clock;

  private List<MimeMessage> mailsAbout(UUID leadId) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                String[] occasion = m.getHeader("X-Lead-Handoff-Occasion");
                return occasion != null && occasion[0].contains(leadId.toString());
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private String assignee(UUID leadId) {
    return jdbc.sql(
            "select rep_id from assignment where lead_id = ? and role = 'QUALIFIER' order by id desc fetch first 1 rows only")
        .param(leadId)
        .query(String.class)
        .single();
  }

  @Test
  @DisplayName(
      "the qualifier a lead is routed to gets one assignment mail, in text and HTML, with the lead's"
          + " link, dated by the application's clock as its text is")
  void assignmentMail() throws Exception {
    // A day on, so that the wall clock and the application's clock tell apart.
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/engine/clock")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"advanceBy\":\"P1D\"}"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    UUID leadId = process.hotLeadInQualification(leads);

    await().until(() -> mailsAbout(leadId).size() >= 1);
    List<MimeMessage> mails = mailsAbout(leadId);
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.getFirst();
    String rep = assignee(leadId);
    assertThat(mail.getAllRecipients()[0].toString())
        .isEqualTo(roster.find(rep).orElseThrow().email());
    assertThat(mail.getSubject()).startsWith("New lead for you: Ada Lovelace (BigCo), due ");
    assertThat(mail.getSentDate().toInstant())
        .isBetween(clock.instant().minusSeconds(120), clock.instant());
    String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
    assertThat(body)
        .contains("/inbox/#/leads/" + leadId + "/task")
        .contains("text/html")
        .contains("text/plain");
  }

  @Test
  @DisplayName(
      "with the SMTP server down for a while, the mail waits and arrives exactly once when it is back")
  void smtpDownThenUp() {
    smtp.stop();
    UUID leadId = process.hotLeadInQualification(leads);
    await()
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from mail_outbox where lead_id = ? and attempts > 0 and sent_at is null")
                        .param(leadId)
                        .query(Long.class)
                        .single()
                    > 0);

    smtp.start();

    await()
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from mail_outbox where lead_id = ? and sent_at is not null")
                        .param(leadId)
                        .query(Long.class)
                        .single()
                    > 0);
    assertThat(mailsAbout(leadId)).hasSize(1);
    assertThat(
            jdbc.sql("select count(*) from mail_outbox where lead_id = ?")
                .param(leadId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  @DisplayName(
      "when no qualifier is available the lead waits in the queue and the sales manager is told once")
  void nobodyAvailableEscalates() throws Exception {
    List<String> qualifiers = List.of("quinn", "riley");
    try {
      for (String id : qualifiers) {
        mvc.perform(
                put("/api/reps/" + id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"capacity\":40,\"active\":false}"))
            .andExpect(status().isOk());
      }
      UUID leadId = process.hotLeadInQualification(leads);

      await().until(() -> mailsAbout(leadId).size() >= 1);
      List<MimeMessage> mails = mailsAbout(leadId);
      assertThat(mails).hasSize(1);
      assertThat(mails.getFirst().getAllRecipients()[0].toString())
          .isEqualTo("morgan.ellis@example.com");
      assertThat(mails.getFirst().getSubject())
          .isEqualTo("Escalation: Ada Lovelace (BigCo) needs the phone qualification");
      assertThat(roster.history(leadId))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.outcome()).isEqualTo("NOBODY_AVAILABLE");
                assertThat(d.candidates()).contains("skipped: inactive");
              });
    } finally {
      for (String id : qualifiers) {
        mvc.perform(
            put("/api/reps/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"capacity\":40,\"active\":true}"));
      }
    }
  }

  @Test
  @DisplayName(
      "a name with a line break (stored before intake checked it) reaches no header: one recipient, no Bcc")
  void noHeaderInjection() throws Exception {
    var contact = LeadFixtures.gradeAProfile(LeadFixtures.unique("eve", "bigco.example"));
    var hostile =
        Contacts.copy(contact)
            .name(
                "Eve\r\nBcc: everyone@evil.example\r\nX-Injected: yes",
                "Smith\nSubject: free money")
            .build();
    UUID leadId = leads.capture(hostile);
    process.awaitWaitingAt(process.lifecycleOf(leadId), "Gateway_AwaitEngagement");
    leads.engage(leadId, "demo-request", 0);

    await().until(() -> mailsAbout(leadId).size() >= 1);
    MimeMessage mail = mailsAbout(leadId).getFirst();
    assertThat(mail.getAllRecipients()).hasSize(1);
    assertThat(mail.getHeader("Bcc")).isNull();
    assertThat(mail.getHeader("X-Injected")).isNull();
    assertThat(mail.getSubject())
        .doesNotContain("\r", "\n")
        .contains("Eve Bcc: everyone@evil.example");
    assertThat(smtp.getReceivedMessagesForDomain("evil.example")).isEmpty();
  }

  @Test
  @DisplayName(
      "an SMTP server that accepts and never answers holds nothing up: the lead is routed, the mail"
          + " times out, waits, and arrives once when a real server is back")
  void smtpHanging() throws Exception {
    smtp.stop();
    UUID leadId;
    // Takes connections on the SMTP port and never says a word.
    java.net.ServerSocket hanging = new java.net.ServerSocket();
    hanging.setReuseAddress(true);
    hanging.bind(new java.net.InetSocketAddress("127.0.0.1", TestSmtp.port()));
    try (hanging) {
      List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread acceptor =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      while (true) {
                        held.add(hanging.accept());
                      }
                    } catch (java.io.IOException closed) {
                      // The test is done with it.
                    }
                  });
      // The lead is routed and waits at its qualifier while the server hangs: mail holds up
      // nothing but itself.
      leadId = process.hotLeadInQualification(leads);
      await().until(() -> !held.isEmpty());
      // The dispatcher gave up on the silent server after its read timeout, and backed off.
      await()
          .until(
              () ->
                  jdbc.sql(
                              "select count(*) from mail_outbox where sent_at is null"
                                  + " and lower(last_error) like '%timed out%'")
                          .query(Long.class)
                          .single()
                      > 0);
      assertThat(held).isNotEmpty();
      // Stop listening first, so that no connection is taken after the held ones are closed.
      hanging.close();
      acceptor.join();
      for (java.net.Socket socket : held) {
        socket.close();
      }
    }
    smtp.start();
    UUID lead = leadId;
    await().until(() -> mailsAbout(lead).size() >= 1);
    assertThat(mailsAbout(leadId)).hasSize(1);
  }

  @Test
  @DisplayName(
      "a qualifier who reads the pages in German gets the assignment mail in German, the reason"
          + " why they were chosen too, while the installation writes English")
  void mailsFollowTheReadersLanguage() throws Exception {
    List<String> qualifiers =
        roster.all().stream()
            .filter(r -> r.role() == org.leadhandoff.routing.Role.QUALIFIER)
            .map(org.leadhandoff.routing.Rep::id)
            .toList();
    try {
      for (String qualifier : qualifiers) {
        // What the language menu of any page does for the signed-in person.
        mvc.perform(
                put("/api/me/language")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.user(qualifier)
                            .roles("QUALIFIER"))
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"language\":\"de\"}"))
            .andExpect(status().isOk());
      }
      UUID leadId = process.hotLeadInQualification(leads);

      await().until(() -> mailsAbout(leadId).size() >= 1);
      MimeMessage mail = mailsAbout(leadId).getFirst();
      assertThat(mail.getSubject()).startsWith("Neuer Lead für Sie: ");
      assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail))
          .contains("Warum Sie: der Reihe nach unter den Qualifizierern (Land: ")
          .doesNotContain("round robin");
    } finally {
      jdbc.sql("delete from reader_language").update();
    }
  }

  @Test
  @DisplayName("a language the product does not ship is refused with a sentence naming the field")
  void unknownLanguageRefused() throws Exception {
    mvc.perform(
            put("/api/me/language")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("quinn")
                        .roles("QUALIFIER"))
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"klingon\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                .value("language must be one of [en, de], not 'klingon'"));
    assertThat(jdbc.sql("select count(*) from reader_language").query(Long.class).single())
        .isZero();
  }

  @Autowired MailOutbox outbox;
  @Autowired org.springframework.mail.javamail.JavaMailSender sender;
  @Autowired MailProperties mailProperties;
  @Autowired org.leadhandoff.metrics.LeadMetrics metrics;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  @Test
  @DisplayName(
      "instances sending from one outbox at once (two more beside the application's own) send"
          + " each mail once, counted at the SMTP server")
  void instancesSendEachMailOnce() throws Exception {
    String batch = "cluster-" + UUID.randomUUID();
    int mails = 60;
    // Queued as a decision queues its mail: in the decision's transaction.
    new org.springframework.transaction.support.TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              for (int i = 0; i < mails; i++) {
                outbox.add(
                    batch + ":" + i,
                    null,
                    "person" + i + "@example.com",
                    new MailTemplates.Mail("Mail " + i, "Text " + i, "<p>Text " + i + "</p>"));
              }
            });
    List<MailDispatcher> instances =
        List.of(
            new MailDispatcher(outbox, sender, mailProperties, clock, metrics),
            new MailDispatcher(outbox, sender, mailProperties, clock, metrics));
    org.leadhandoff.support.Together.untilDone(
        instances.stream().map(i -> (Runnable) i::dispatch).toList(), () -> unsent(batch) == 0);
    List<String> received =
        Arrays.stream(smtp.getReceivedMessages())
            .map(
                m -> {
                  try {
                    String[] occasion = m.getHeader("X-Lead-Handoff-Occasion");
                    return occasion == null ? "" : occasion[0];
                  } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .filter(o -> o.startsWith(batch))
            .toList();
    assertThat(received).hasSize(mails).doesNotHaveDuplicates();
  }

  private long unsent(String batch) {
    return jdbc.sql("select count(*) from mail_outbox where occasion like ? and sent_at is null")
        .param(batch + ":%")
        .query(Long.class)
        .single();
  }
}
