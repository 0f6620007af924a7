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
 * @param claimFor how long an instance holds a mail it is sending: the others leave it alone
 *     meanwhile, and take it up when an instance that died with it held it this long
 */
@ConfigurationProperties("lead-handoff.mail")
public record MailProperties(
    @DefaultValue("Lead Handoff <lead-handoff@localhost>") String from,
    @DefaultValue("marketing@localhost") String marketing,
    @DefaultValue("PT5M") Duration maxBackoff,
    @DefaultValue("en") String language,
    @DefaultValue("PT2M") Duration claimFor) {}
