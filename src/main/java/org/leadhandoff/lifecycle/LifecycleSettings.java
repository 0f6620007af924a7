package org.leadhandoff.lifecycle;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Durations of {@code lead-lifecycle.bpmn}: how long a lead waits in marketing's hands. Part of the
 * criteria file ({@code lead-handoff.criteria.lifecycle} in {@code criteria.yaml}).
 *
 * @param outOfProfileCloseAfter an out-of-profile lead that gets no new data is closed after this
 * @param recycleFor a recycled lead without a revisit date comes back after this
 */
@Validated
@ConfigurationProperties("lead-handoff.criteria.lifecycle")
public record LifecycleSettings(
    @NotNull Duration outOfProfileCloseAfter, @NotNull Duration recycleFor) {}
