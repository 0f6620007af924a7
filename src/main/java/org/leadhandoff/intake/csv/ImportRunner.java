package org.leadhandoff.intake.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leadhandoff.intake.CaptureResult;
import org.leadhandoff.intake.LeadCaptureService;
import org.leadhandoff.intake.csv.ImportStore.Import;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through imports one at a time, streaming each file: a batch of rows and its checkpoint are
 * one transaction, so an import stopped by a restart resumes at the first row not committed, and no
 * row is imported twice. Leads are started through the outbox at its throttled rate.
 */
@Component
class ImportRunner implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

  static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setIgnoreSurroundingSpaces(true)
          .setAllowMissingColumnNames(true)
          .setIgnoreHeaderCase(false)
          .get();

  private final ImportStore imports;
  private final LeadCaptureService capture;
  private final TransactionTemplate transaction;
  private final ImportProperties properties;
  private volatile boolean running;

  ImportRunner(
      ImportStore imports,
      LeadCaptureService capture,
      TransactionTemplate transaction,
      ImportProperties properties) {
    this.imports = imports;
    this.capture = capture;
    this.transaction = transaction;
    this.properties = properties;
  }

  @Scheduled(fixedDelayString = "PT0.5S")
  void work() {
    if (!running) {
      return;
    }
    Optional<Import> next = imports.next();
    next.ifPresent(this::run);
  }

  void run(Import job) {
    Path file = Path.of(job.storedPath());
    try {
      if (!Files.isReadable(file)) {
        fail(job, file, "The uploaded file is gone from " + file + "; upload it again.");
        return;
      }
      CsvColumns columns;
      int total;
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVParser parser = FORMAT.parse(reader)) {
        columns = CsvColumns.of(parser.getHeaderNames());
        if (!columns.hasEmail()) {
          fail(
              job,
              file,
              "The header has no email column; name one of: email, e-mail, email address. Header was: "
                  + String.join(", ", parser.getHeaderNames()));
          return;
        }
        total = 0;
        for (Iterator<CSVRecord> it = parser.iterator(); it.hasNext(); it.next()) {
          total++;
        }
      }
      if (total > properties.maxRows()) {
        fail(
            job,
            file,
            "The file has "
                + total
                + " rows; the limit is "
                + properties.maxRows()
                + ". Split it.");
        return;
      }
      if (job.state() == ImportState.QUEUED) {
        imports.started(job.id(), total, columns.ignored());
        log.info("Import {} started: {} rows", job.id(), total);
      } else {
        log.info(
            "Import {} of {} resumes after row {} of {}",
            job.id(),
            job.fileName(),
            job.rowsProcessed(),
            total);
      }
      importRows(job, file, columns);
    } catch (IOException | RuntimeException e) {
      log.warn("Import {} could not go on, will retry: {}", job.id(), e.getMessage());
      imports.problem(job.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void importRows(Import job, Path file, CsvColumns columns) throws IOException {
    CsvLeadReader reader = new CsvLeadReader(columns);
    String source = job.source();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = FORMAT.parse(in)) {
      Iterator<CSVRecord> records = parser.iterator();
      int processed = 0;
      while (processed < job.rowsProcessed() && records.hasNext()) {
        records.next();
        processed++;
      }
      while (records.hasNext()) {
        if (!running) {
          log.info(
              "Import {} paused at row {} for shutdown; it resumes at start-up",
              job.id(),
              processed);
          return;
        }
        java.util.List<CsvRow> batch = new java.util.ArrayList<>(properties.batchSize());
        while (batch.size() < properties.batchSize() && records.hasNext()) {
          batch.add(reader.read(records.next()));
        }
        int upTo = processed + batch.size();
        transaction.executeWithoutResult(tx -> importBatch(job, batch, upTo, source));
        processed = upTo;
        pause();
      }
    }
    imports.finished(job.id());
    forget(file);
    log.info("Import {} done", job.id());
  }

  private void importBatch(Import job, java.util.List<CsvRow> batch, int upTo, String source) {
    int created = 0;
    int merged = 0;
    int rejected = 0;
    for (CsvRow row : batch) {
      if (!row.valid()) {
        rejected++;
        for (CsvRow.RowError error : row.errors()) {
          imports.rejectRow(job.id(), row.line(), error.field(), error.reason());
        }
        continue;
      }
      CaptureResult result =
          capture.capture(row.contact().normalized(source), "csv-import:" + job.id());
      if (result.created()) {
        created++;
      } else {
        merged++;
      }
    }
    imports.checkpoint(job.id(), upTo, created, merged, rejected);
  }

  /** The file holds personal data; once its rows are in the lead store it is not kept. */
  private static void forget(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete the imported file {}: {}", file, e.getMessage());
    }
  }

  private void fail(Import job, Path file, String error) {
    imports.failed(job.id(), error);
    forget(file);
  }

  private void pause() {
    if (!properties.pauseBetweenBatches().isZero()) {
      try {
        Thread.sleep(properties.pauseBetweenBatches());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  @Override
  public void start() {
    forgetPartialUploads();
    running = true;
  }

  /** Uploads cut off by a crash or a refused body never became imports: they go at start-up. */
  private void forgetPartialUploads() {
    java.nio.file.Path directory = properties.directory();
    if (!java.nio.file.Files.isDirectory(directory)) {
      return;
    }
    try (var files = java.nio.file.Files.newDirectoryStream(directory, "*.part")) {
      for (java.nio.file.Path file : files) {
        java.nio.file.Files.deleteIfExists(file);
        log.info("Removed the partial upload {} left by an earlier run", file.getFileName());
      }
    } catch (java.io.IOException e) {
      log.warn("Could not clean partial uploads in {}: {}", directory, e.getMessage());
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
