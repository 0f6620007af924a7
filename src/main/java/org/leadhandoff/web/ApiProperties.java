package org.leadhandoff.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API.
 *
 * @param maxBodySize the largest JSON body accepted (a lead or an event is a few hundred bytes)
 * @param maxCsvSize the largest CSV file accepted for an import
 * @param abandonedAfter how long a request with an Idempotency-Key may be in progress before a
 *     retry with the same key takes it over (its instance died half-way); a capture takes
 *     milliseconds
 */
@ConfigurationProperties("lead-handoff.api")
public record ApiProperties(
    @DefaultValue("64KB") DataSize maxBodySize,
    @DefaultValue("50MB") DataSize maxCsvSize,
    @DefaultValue("PT1M") java.time.Duration abandonedAfter) {}
