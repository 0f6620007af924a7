package org.leadhandoff.intake.csv;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CSV imports.
 *
 * @param directory where uploaded files are kept until their import is done (a restart resumes from
 *     them)
 * @param batchSize rows per transaction; progress is checkpointed after each batch
 * @param pauseBetweenBatches a breather for the database between batches (zero by default)
 * @param maxRows the most data rows a file may have
 */
@ConfigurationProperties("lead-handoff.imports")
public record ImportProperties(
    @DefaultValue("./data/imports") Path directory,
    @DefaultValue("500") int batchSize,
    @DefaultValue("PT0S") Duration pauseBetweenBatches,
    @DefaultValue("200000") int maxRows) {}
