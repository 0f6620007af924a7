package org.leadhandoff.support;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** A mail's plain text as its reader sees it: the text part, transfer encoding undone. */
public final class MailText {

  private MailText() {}

  public static String of(MimeMessage mail) {
    try {
      return text(mail.getContent());
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Object content) throws IOException, MessagingException {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart) {
          String inner = text(part.getContent());
          if (!inner.isEmpty()) {
            return inner;
          }
        }
      }
    }
    return "";
  }
}
