package org.leadhandoff.qualification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The NO_ANSWER cadence of {@code phone-qualification.bpmn}. Part of the criteria file ({@code
 * lead-handoff.criteria.phone-qualification} in {@code criteria.yaml}).
 *
 * @param callAttempts call attempts before the lead is recycled
 * @param callRetryAfter wait before the next call attempt
 */
@Validated
@ConfigurationProperties("lead-handoff.criteria.phone-qualification")
public record CallSettings(
    @DefaultValue("3") @Positive int callAttempts, @NotNull Duration callRetryAfter) {}
