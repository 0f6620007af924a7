package org.leadhandoff.intake.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.leadhandoff.intake.CaptureResult;
import org.leadhandoff.intake.Channel;
import org.leadhandoff.intake.LeadCaptureService;
import org.leadhandoff.intake.csv.ImportStore.Import;
import org.leadhandoff.outbox.Outbox;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Why;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through imports one batch at a time, taking turns when several wait (a small file is not
 * stuck behind a big one), streaming each file: a batch of rows and its checkpoint are one
 * transaction, so an import stopped by a restart resumes at the first row not committed, and no row
 * is imported twice. Every instance runs imports: a turn is held with a lease, renewed at each
 * checkpoint, so two instances never run one import at once and one that dies is taken over. Leads
 * are started through the outbox at its throttled rate. A file that cannot be read fails at once
 * with the reason; a problem that may pass makes the import wait while the others go on. A
 * cancelled import stops at its next batch.
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
          // CsvFile.checkHeader refuses a name given twice with a sentence of its own.
          .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
          .get();

  /** Attempts after a problem that may pass before the import fails with it. */
  static final int MAX_ATTEMPTS = 8;

  private final ImportStore imports;
  private final LeadCaptureService capture;
  private final TransactionTemplate transaction;
  private final ImportProperties properties;
  private final Clock clock;
  private final Outbox outbox;
  private final ScheduledExecutorService leases =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("import-lease").daemon().factory());
  private volatile boolean running;

  ImportRunner(
      ImportStore imports,
      LeadCaptureService capture,
      TransactionTemplate transaction,
      ImportProperties properties,
      Clock clock,
      Outbox outbox) {
    this.imports = imports;
    this.capture = capture;
    this.transaction = transaction;
    this.properties = properties;
    this.clock = clock;
    this.outbox = outbox;
  }

  @Scheduled(fixedDelayString = "PT0.5S")
  void work() {
    if (!running) {
      return;
    }
    Optional<Import> next = imports.claim(properties.leaseFor());
    next.ifPresent(this::run);
  }

  /**
   * Runs a turn of an import this instance holds the lease of, then lets the lease go. The lease is
   * renewed at each checkpoint and, in between, every third of its time, so a step longer than the
   * lease (reading a big file through) does not hand the import to another instance.
   */
  void run(Import job) {
    Duration every = properties.leaseFor().dividedBy(3);
    var renewal =
        leases.scheduleWithFixedDelay(
            () -> renew(job), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    try {
      runTurn(job);
    } finally {
      renewal.cancel(false);
      try {
        imports.release(job.id(), job.lease());
      } catch (RuntimeException e) {
        // The store is away: the lease runs out by itself and the import is taken up again.
        log.warn("Import {}: could not let its lease go: {}", job.id(), e.getMessage());
      }
    }
  }

  private void renew(Import job) {
    try {
      if (!imports.renew(job.id(), job.lease(), clock.instant().plus(properties.leaseFor()))) {
        log.warn("Import {}: its lease was taken over while this instance ran it", job.id());
      }
    } catch (RuntimeException e) {
      log.warn("Import {}: could not renew its lease: {}", job.id(), e.getMessage());
    }
  }

  /** Where this instance keeps its working copy of an import's upload. */
  static Path workingCopy(Path directory, UUID id) {
    return directory.resolve(id + ".csv");
  }

  private void runTurn(Import job) {
    Path file = workingCopy(properties.directory(), job.id());
    try {
      if (!Files.isReadable(file) && !fetchUpload(job, file)) {
        log.warn("Import {}: its uploaded file is no longer in the store", job.id());
        fail(job, file, Why.of("IMPORT_FILE_GONE"));
        return;
      }
      CsvFile csv = CsvFile.open(file);
      Layout layout = layout(csv, job.mapping());
      if (!layout.columns().hasEmail()) {
        fail(job, file, noEmail(layout));
        return;
      }
      if (layout.rows() > properties.maxRows()) {
        fail(
            job,
            file,
            Why.of("IMPORT_TOO_MANY_ROWS", "rows", layout.rows(), "limit", properties.maxRows()));
        return;
      }
      if (layout.rows() == 0) {
        // A header alone is an export that went wrong (a filter that matched nobody), not a list.
        fail(job, file, Why.of("IMPORT_NO_ROWS"));
        return;
      }
      if (job.state() == ImportState.QUEUED) {
        List<Why> notes = new ArrayList<>(layout.notes());
        if (job.defaultConsent() != null) {
          notes.add(
              Why.of(
                  job.defaultConsent()
                      ? "IMPORT_DEFAULT_CONSENT_GIVEN"
                      : "IMPORT_DEFAULT_CONSENT_NOT_GIVEN"));
        }
        if (!imports.started(
            job.id(), job.lease(), layout.rows(), layout.columns().ignored(), notes)) {
          forgetUnlessOpen(job, file);
          return;
        }
        log.info(
            "Import {} started: {} rows, {}",
            job.id(),
            layout.rows(),
            MessageCatalogue.english(csv.description()));
      } else {
        log.info(
            "Import {} of {} resumes after row {} of {}",
            job.id(),
            job.fileName(),
            job.rowsProcessed(),
            layout.rows());
      }
      importRows(job, file, csv, layout);
    } catch (CsvFile.UnreadableFileException e) {
      fail(job, file, e.why());
    } catch (Cancelled e) {
      forgetUnlessOpen(job, file);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // A stack overflow is the file's doing (a value no rule expected): it counts as an attempt,
      // so the import fails after a few instead of looping.
      retryLater(job, file, e);
    }
  }

  /** The header's columns and the data rows: a report footer after the data does not count. */
  record Layout(CsvColumns columns, int rows, List<Why> notes) {}

  static Why noEmail(Layout layout) {
    return Why.of(
        "IMPORT_NO_EMAIL",
        "header",
        String.join(
            ", ", layout.columns().columns().stream().map(CsvColumns.Column::name).toList()));
  }

  /**
   * How the file will be read with a person's column mapping (empty: by the header's names).
   *
   * @throws CsvFile.UnreadableFileException with a sentence for the person when it cannot be
   */
  static Layout layout(CsvFile csv, Map<String, String> mapping)
      throws IOException, CsvFile.UnreadableFileException {
    try (Reader reader = csv.reader();
        CSVParser parser = csv.format().parse(reader)) {
      List<String> header = parser.getHeaderNames();
      CsvFile.checkHeader(header);
      CsvColumns columns;
      try {
        columns = CsvColumns.of(header, mapping);
      } catch (CsvColumns.UnknownTargetException e) {
        throw new CsvFile.UnreadableFileException(e.why());
      }
      int rows = 0;
      int dataRows = 0;
      for (Iterator<CSVRecord> it = parser.iterator(); it.hasNext(); ) {
        CSVRecord record = it.next();
        rows++;
        if (!isFooter(record, header.size())) {
          dataRows = rows;
        }
      }
      List<Why> notes = new ArrayList<>();
      notes.add(csv.description());
      List<CsvColumns.Column> mapped =
          columns.columns().stream().filter(c -> c.how() == CsvColumns.How.MAPPED).toList();
      // Each column as the person mapped it, its field in the reader's words.
      mapped.stream()
          .filter(c -> c.readAs() != null)
          .forEach(
              c ->
                  notes.add(
                      Why.of("IMPORT_COLUMN_MAPPED", "column", c.name(), "target", c.readAs())));
      List<String> leftOut =
          mapped.stream().filter(c -> c.readAs() == null).map(CsvColumns.Column::name).toList();
      if (!leftOut.isEmpty()) {
        notes.add(Why.of("IMPORT_COLUMNS_LEFT_OUT", "columns", leftOut));
      }
      notes.addAll(columns.doubled());
      if (rows > dataRows) {
        notes.add(Why.of("IMPORT_FOOTER_SKIPPED", "count", rows - dataRows));
      }
      return new Layout(columns, dataRows, notes);
    } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      throw new CsvFile.UnreadableFileException(unreadable(e));
    }
  }

  /**
   * A line without an email and with at most half the header's values, in a file of several
   * columns, such as the copyright, company and "Generated By" lines a CRM report ends with (a
   * comma left unquoted in them splits one into two values). Only trailing ones are skipped; one
   * between data rows is a row and reported as such.
   */
  private static boolean isFooter(CSVRecord record, int columns) {
    return columns > 1
        && record.size() <= Math.max(1, columns / 2)
        && record.stream().noneMatch(value -> value.contains("@"));
  }

  private static final Pattern LINE = Pattern.compile("\\((?:startline|line) ([\\d,]+)\\)");

  /** Commons CSV's message, as a sentence for the person who sent the file. */
  private static Why unreadable(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    Matcher line = LINE.matcher(message);
    Long from = line.find() ? Long.valueOf(line.group(1).replace(",", "")) : null;
    if (message.contains("EOF reached before encapsulated token finished")) {
      return Why.of(
          from == null ? "IMPORT_UNCLOSED_QUOTE" : "IMPORT_UNCLOSED_QUOTE_AT", "line", from);
    }
    return Why.of(
        from == null ? "IMPORT_NOT_CSV" : "IMPORT_NOT_CSV_AT", "line", from, "problem", message);
  }

  /**
   * The database or the disk failed: the import waits (1 s, 2 s, 4 s ... up to 5 minutes) while
   * other imports go on, and fails with the problem after {@value #MAX_ATTEMPTS} attempts.
   */
  private void retryLater(Import job, Path file, Throwable e) {
    String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
    int attempt = job.attempts() + 1;
    try {
      if (attempt >= MAX_ATTEMPTS) {
        log.warn("Import {} failed after {} attempts: {}", job.id(), attempt, problem);
        fail(job, file, Why.of("IMPORT_GAVE_UP", "attempts", attempt, "problem", problem));
        return;
      }
      Duration wait = Duration.ofSeconds(Math.min(300, 1L << (attempt - 1)));
      log.warn("Import {} could not go on, tries again in {}: {}", job.id(), wait, problem);
      imports.problem(
          job.id(), Why.of("IMPORT_WAITING", "problem", problem), clock.instant().plus(wait));
    } catch (RuntimeException again) {
      // The store itself is down: the import stays as it is and is picked up when it is back.
      log.warn("Import {} could not record its problem either: {}", job.id(), again.getMessage());
    }
  }

  private void importRows(Import job, Path file, CsvFile csv, Layout layout) throws IOException {
    CsvLeadReader reader = new CsvLeadReader(layout.columns(), job.defaultConsent());
    String source = job.source();
    try (Reader in = csv.reader();
        CSVParser parser = csv.format().parse(in)) {
      Iterator<CSVRecord> records = parser.iterator();
      int processed = 0;
      while (processed < job.rowsProcessed() && records.hasNext()) {
        records.next();
        processed++;
      }
      while (processed < layout.rows() && records.hasNext()) {
        if (!running) {
          log.info(
              "Import {} paused at row {} for shutdown; it resumes at start-up",
              job.id(),
              processed);
          return;
        }
        List<CsvRow> batch = new ArrayList<>(properties.batchSize());
        while (batch.size() < properties.batchSize()
            && processed + batch.size() < layout.rows()
            && records.hasNext()) {
          CSVRecord record = records.next();
          // The file's line where the row ends: right after blank lines and multi-line values.
          batch.add(reader.read(record, parser.getCurrentLineNumber() + csv.linesSkipped()));
        }
        int upTo = processed + batch.size();
        transaction.executeWithoutResult(
            tx -> importBatch(job, batch, upTo, source, layout.columns()));
        processed = upTo;
        if (processed < layout.rows() && imports.othersWaiting(job.id())) {
          // Its turn is over: the other imports get a batch each before it goes on.
          log.info("Import {} lets another import go first at row {}", job.id(), processed);
          return;
        }
        pause();
        awaitTheEngine();
      }
    }
    imports.finished(job.id());
    forget(file);
    log.info("Import {} done", job.id());
  }

  /**
   * The upload, from the store to this instance's disk (a chunk at a time), where the file readers
   * can go through it as often as they need.
   *
   * @return false if the store has no upload for the import
   */
  private boolean fetchUpload(Import job, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".part");
    boolean there;
    try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(partial))) {
      there = imports.copyUpload(job.id(), out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    if (!there) {
      Files.deleteIfExists(partial);
      return false;
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  /**
   * The runner may not go on with the import: a person cancelled it (its file goes), or its lease
   * ran out and another instance took it over (this copy waits for this instance's next turn).
   */
  private void forgetUnlessOpen(Import job, Path file) {
    if (imports.isOver(job.id())) {
      log.info("Import {} was cancelled; the rows imported before stay", job.id());
      forget(file);
    } else {
      log.warn("Import {}: another instance took it over (this one held it too long)", job.id());
    }
  }

  /**
   * The import was cancelled or taken over while a batch was read: the batch rolls back, this
   * runner stops.
   */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super("cancelled", null, false, false);
    }
  }

  private void importBatch(
      Import job, List<CsvRow> batch, int upTo, String source, CsvColumns columns) {
    int created = 0;
    int merged = 0;
    int rejected = 0;
    for (CsvRow row : batch) {
      for (CsvRow.RowError warning : row.warnings()) {
        imports.warnRow(job.id(), row.line(), warning);
      }
      if (!row.valid()) {
        rejected++;
        for (CsvRow.RowError error : row.errors()) {
          imports.rejectRow(job.id(), row.line(), error);
        }
        continue;
      }
      CaptureResult result =
          capture.capture(row.contact().normalized(source), "csv-import:" + job.id(), Channel.LIST);
      for (String field : result.kept()) {
        // No values in the sentence: the report outlives an erasure of the person.
        imports.warnRow(
            job.id(),
            row.line(),
            new CsvRow.RowError(columns.columnOf(field), Why.of("CSV_VALUE_KEPT")));
      }
      if (result.created()) {
        created++;
      } else {
        merged++;
      }
    }
    if (!imports.checkpoint(
        job.id(),
        job.lease(),
        clock.instant().plus(properties.leaseFor()),
        upTo,
        created,
        merged,
        rejected)) {
      throw new Cancelled();
    }
  }

  /** The file holds personal data; once its rows are in the lead store it is not kept. */
  static void forget(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(Workbooks.sheetOf(file));
    } catch (IOException e) {
      log.warn("Could not delete the uploaded file {}: {}", file, e.getMessage());
    }
  }

  private void fail(Import job, Path file, Why error) {
    imports.failed(job.id(), error);
    forget(file);
  }

  /**
   * Waits while the bulk lane holds more than {@code ahead-of-engine} leads for the engine: it
   * takes a list at its own pace, and reading far ahead of it only takes CPU from a person's lead
   * (a hot lead took 1.0 s instead of 0.44 while a 20,000-row list was read in at once,
   * ImportBenchmark) and lengthens the outbox. The lease is renewed meanwhile as in any long step.
   */
  private void awaitTheEngine() {
    while (running
        && outbox.bulkWaiting(properties.aheadOfEngine() + 1) > properties.aheadOfEngine()) {
      try {
        Thread.sleep(AHEAD_CHECK.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  private static final Duration AHEAD_CHECK = Duration.ofMillis(200);

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
    forgetLeftovers(true);
    running = true;
  }

  /**
   * Working copies of imports that are over go (another instance may have finished them), and so do
   * copies cut off by a crash; uploads of imports that are over are cleared from the store should
   * the instance that ended them have died first.
   */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
  void forgetLeftovers() {
    forgetLeftovers(false);
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  @SchedulerLock(name = "forget-uploads-of-imports-over", lockAtLeastFor = "PT5M")
  void forgetUploadsOfImportsOver() {
    int chunks = imports.forgetUploadsOfImportsOver();
    if (chunks > 0) {
      log.info("Removed {} chunks of uploads whose imports are over", chunks);
    }
  }

  /**
   * @param startUp at start-up nothing of this instance's is being written: every partial copy
   *     goes; later only those an hour old
   */
  private void forgetLeftovers(boolean startUp) {
    Path directory = properties.directory();
    if (!Files.isDirectory(directory)) {
      return;
    }
    Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
    try (var files = Files.newDirectoryStream(directory, "*.{part,csv}")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        boolean leftover =
            name.endsWith(".part")
                ? startUp || Files.getLastModifiedTime(file).toInstant().isBefore(anHourAgo)
                : importOf(name).map(imports::isOver).orElse(false);
        if (leftover) {
          Files.deleteIfExists(file);
          log.info("Removed {} left by an earlier run", name);
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Could not clean left-over uploads in {}: {}", directory, e.getMessage());
    }
  }

  /** The import a working copy ({@code <id>.csv}, its sheet {@code <id>.csv.sheet.csv}) is of. */
  private static Optional<UUID> importOf(String fileName) {
    try {
      return Optional.of(UUID.fromString(fileName.substring(0, fileName.indexOf('.'))));
    } catch (IllegalArgumentException | IndexOutOfBoundsException notOurs) {
      return Optional.empty();
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @jakarta.annotation.PreDestroy
  void close() {
    leases.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
