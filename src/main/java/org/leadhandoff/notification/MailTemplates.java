package org.leadhandoff.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The mail templates under {@code mail/}: for each occasion a plain-text file whose first line is
 * the subject, and an HTML file. Placeholders are {@code {{name}}}; values are escaped in HTML, and
 * line breaks never reach the subject (a name cannot smuggle in a mail header).
 */
@Component
public class MailTemplates {

  /** A mail ready to record. */
  public record Mail(String subject, String text, String html) {}

  private final Map<String, String> cache = new ConcurrentHashMap<>();

  public Mail render(String occasion, Map<String, String> values) {
    return render(occasion, java.util.Locale.ENGLISH, values);
  }

  /**
   * The mail in the language: {@code mail/<language>/<occasion>.txt} where there is one, else the
   * English {@code mail/<occasion>.txt}.
   */
  public Mail render(String occasion, java.util.Locale language, Map<String, String> values) {
    String text = fill(load(localised(occasion + ".txt", language)), values, false);
    String html = fill(load(localised(occasion + ".html", language)), values, true);
    int newline = text.indexOf('\n');
    String first = newline < 0 ? text : text.substring(0, newline);
    if (!first.startsWith("Subject:")) {
      throw new IllegalStateException(
          "mail/" + occasion + ".txt must start with a 'Subject:' line");
    }
    String subject = first.substring("Subject:".length()).replaceAll("[\\r\\n\\t]+", " ").strip();
    return new Mail(subject, text.substring(newline + 1).stripLeading(), html);
  }

  private static String localised(String name, java.util.Locale language) {
    String translated = language.getLanguage() + "/" + name;
    return new ClassPathResource("mail/" + translated).exists() ? translated : name;
  }

  private String load(String name) {
    return cache.computeIfAbsent(
        name,
        n -> {
          try {
            return new ClassPathResource("mail/" + n).getContentAsString(StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException("No mail template mail/" + n, e);
          }
        });
  }

  private static String fill(String template, Map<String, String> values, boolean html) {
    String result = template;
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String value = entry.getValue() == null ? "–" : entry.getValue().replaceAll("[\\r\\n]+", " ");
      result =
          result.replace("{{" + entry.getKey() + "}}", html ? HtmlUtils.htmlEscape(value) : value);
    }
    return result;
  }
}
