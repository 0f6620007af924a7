package org.leadhandoff.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the job workers treat technical failures (the engine retries; the model sets how often).
 *
 * @param retryBackoff wait before the engine offers a failed job again, so that a broken dependency
 *     is not hammered and a job whose retries run out ends in an incident, not a loop
 */
@ConfigurationProperties("lead-handoff.workers")
public record WorkerProperties(@DefaultValue("PT10S") Duration retryBackoff) {}
