package org.leadhandoff.intake.csv;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CSV imports.
 *
 * @param directory where this instance keeps working copies of the uploads it imports (the upload
 *     itself is in the lead store until its import is over)
 * @param batchSize rows per transaction; progress is checkpointed after each batch
 * @param pauseBetweenBatches a breather for the database between batches (zero by default)
 * @param maxRows the most data rows a file may have
 * @param leaseFor how long an instance holds an import it runs without a checkpoint; another
 *     instance takes it over after that (the one that ran it has died or stalled)
 * @param aheadOfEngine how many imported leads may wait in the outbox for the engine before the
 *     import stops reading its file until the engine has taken some
 */
@ConfigurationProperties("lead-handoff.imports")
public record ImportProperties(
    @DefaultValue("./data/imports") Path directory,
    @DefaultValue("500") int batchSize,
    @DefaultValue("PT0S") Duration pauseBetweenBatches,
    @DefaultValue("200000") int maxRows,
    @DefaultValue("PT30S") Duration leaseFor,
    @DefaultValue("2000") int aheadOfEngine) {}
