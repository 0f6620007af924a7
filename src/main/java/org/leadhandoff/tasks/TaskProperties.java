package org.leadhandoff.tasks;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The task inbox.
 *
 * @param prescribedFollowUps what a sales rep must have done before rejecting a lead (the values of
 *     the sales-acceptance form's follow-up checklist)
 */
@ConfigurationProperties("lead-handoff.tasks")
public record TaskProperties(
    @DefaultValue({"CALL_1", "CALL_2", "EMAIL"}) List<String> prescribedFollowUps) {}
