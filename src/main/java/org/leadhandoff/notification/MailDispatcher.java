package org.leadhandoff.notification;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.leadhandoff.metrics.LeadMetrics;
import org.leadhandoff.notification.MailOutbox.Pending;
import org.leadhandoff.system.Backoff;
import org.leadhandoff.system.Causes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends recorded mails, oldest first, and marks each sent; a failure (server down, timeout) waits
 * with a growing backoff and tries again. Each mail carries a Message-ID made from its occasion, so
 * that the rare resend after a crash between sending and marking is recognisable as the same.
 */
@Component
class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
  private static final int BATCH = 20;

  private final MailOutbox outbox;
  private final LeadMetrics metrics;
  private final JavaMailSender sender;
  private final MailProperties properties;
  private final Clock clock;

  MailDispatcher(
      MailOutbox outbox,
      JavaMailSender sender,
      MailProperties properties,
      Clock clock,
      LeadMetrics metrics) {
    this.metrics = metrics;
    this.outbox = outbox;
    this.sender = sender;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * While the SMTP server is down or hanging, the dispatcher waits for it as a whole (growing
   * backoff) instead of letting every mail of a batch hang for the full timeout in turn.
   */
  private Instant serverRetryAt = Instant.EPOCH;

  private int serverFailures;

  @Scheduled(fixedDelayString = "${lead-handoff.mail.poll-interval:PT1S}")
  void dispatch() {
    if (clock.instant().isBefore(serverRetryAt)) {
      return;
    }
    for (Pending mail : outbox.due(BATCH)) {
      if (!outbox.claim(mail.id(), properties.claimFor())) {
        // Another instance took it since it was read: one mail per occasion, however many send.
        continue;
      }
      try {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        // The application's time, which its text uses too (the embedded engine's clock may be on).
        helper.setSentDate(java.util.Date.from(clock.instant()));
        message.setHeader("X-Lead-Handoff-Occasion", mail.occasion());
        sender.send(message);
        outbox.sent(mail.id());
        metrics.mailSent();
        serverFailures = 0;
      } catch (Exception e) {
        metrics.mailFailed();
        Duration backoff = backoff(mail.attempts());
        log.warn(
            "Mail {} not sent (attempt {}), retrying in {}: {}",
            mail.occasion(),
            mail.attempts() + 1,
            backoff,
            e.getMessage());
        outbox.failed(mail.id(), String.valueOf(e.getMessage()), clock.instant().plus(backoff));
        if (serverUnreachable(e)) {
          serverRetryAt = clock.instant().plus(backoff(serverFailures++));
          return;
        }
      }
    }
  }

  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
  void dropErased() {
    outbox.dropErased();
  }

  /**
   * A network failure (refused, timed out, cut) is the server's, not this mail's. Jakarta Mail's
   * nested exceptions are its causes, so the walk reaches them.
   */
  static boolean serverUnreachable(Throwable failure) {
    return Causes.any(
        failure,
        t ->
            t instanceof java.io.IOException
                || t instanceof org.springframework.mail.MailAuthenticationException);
  }

  Duration backoff(int attempts) {
    return Backoff.after(attempts, properties.maxBackoff());
  }
}
