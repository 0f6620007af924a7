package org.leadhandoff.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail sending.
 *
 * @param from the sender of every mail
 * @param marketing where recycled and mis-scored leads are reported
 * @param maxBackoff the longest wait between attempts while the SMTP server is away
 * @param language the language of the mails (en, de): the templates under mail/ and the words for
 *     codes from the message catalogue
 */
@ConfigurationProperties("lead-handoff.mail")
public record MailProperties(
    @DefaultValue("Lead Handoff <lead-handoff@localhost>") String from,
    @DefaultValue("marketing@localhost") String marketing,
    @DefaultValue("PT5M") Duration maxBackoff,
    @DefaultValue("en") String language) {}
