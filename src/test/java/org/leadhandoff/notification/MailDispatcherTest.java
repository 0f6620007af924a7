package org.leadhandoff.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

class MailDispatcherTest {

  @Test
  @DisplayName(
      "a refused, timed-out or unauthenticated server is the server's failure, a bad address the mail's")
  void tellsServerFailuresFromMailFailures() {
    assertThat(
            MailDispatcher.serverUnreachable(
                new MailSendException(
                    "Mail server connection failed",
                    new MessagingException("Couldn't connect", new ConnectException("refused")))))
        .isTrue();
    // Jakarta Mail nests the socket's timeout as the "next" exception of its own.
    assertThat(
            MailDispatcher.serverUnreachable(
                new MailSendException(
                    "Failed messages",
                    new MessagingException(
                        "Exception reading response",
                        new SocketTimeoutException("Read timed out")))))
        .isTrue();
    assertThat(MailDispatcher.serverUnreachable(new MailAuthenticationException("bad login")))
        .isTrue();
    assertThat(
            MailDispatcher.serverUnreachable(
                new MailSendException(
                    "Failed messages", new SendFailedException("Invalid Addresses"))))
        .isFalse();
  }
}
