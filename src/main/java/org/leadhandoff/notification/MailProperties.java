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
 */
@ConfigurationProperties("lead-handoff.mail")
public record MailProperties(
    @DefaultValue("Lead Handoff <lead-handoff@localhost>") String from,
    @DefaultValue("marketing@localhost") String marketing,
    @DefaultValue("PT5M") Duration maxBackoff) {}
