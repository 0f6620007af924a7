package org.leadhandoff.intake.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Why;
import org.leadhandoff.web.ApiException;
import org.leadhandoff.web.CsvExport;
import org.leadhandoff.web.InvalidFieldException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk intake from a CSV file: trade-show lists, newsletter exports, purchased lists. */
@RestController
@Validated
@Tag(name = "Imports", description = "Import leads from a CSV file and follow the import")
class ImportController {

  /** How many rejected rows a status shows; all are kept. */
  static final int MAX_ERRORS_SHOWN = 1000;

  /** How many imports the list shows. */
  static final int LATEST = 50;

  private final ImportStore imports;
  private final ImportMappings mappings;
  private final ImportProperties properties;
  private final ObjectMapper json;
  private final org.leadhandoff.intake.LeadCaptureService capture;

  private final org.leadhandoff.web.ApiProperties api;
  private final MessageCatalogue catalogue;
  private final HttpServletRequest request;
  private final org.springframework.transaction.support.TransactionTemplate transaction;

  ImportController(
      ImportStore imports,
      ImportMappings mappings,
      ImportProperties properties,
      ObjectMapper json,
      org.leadhandoff.intake.LeadCaptureService capture,
      org.leadhandoff.web.ApiProperties api,
      MessageCatalogue catalogue,
      HttpServletRequest request,
      org.springframework.transaction.support.TransactionTemplate transaction) {
    this.transaction = transaction;
    this.catalogue = catalogue;
    this.request = request;
    this.capture = capture;
    this.imports = imports;
    this.mappings = mappings;
    this.properties = properties;
    this.json = json;
    this.api = api;
  }

  private static final String MAPPING_DOC =
      "Optional JSON object from column names to what they are read as: a lead field (the"
          + " preview's targets list them), attr:<name>, or ignore. Columns it leaves out are"
          + " read by their names. Without it, the mapping saved for the source is used.";

  private static final String CONSENT_DOC =
      "Consent of rows that have no consent or opt-out value (true or false); unknown if left out";

  record Accepted(UUID importId, ImportState state, URI status) {}

  @PostMapping(value = "/api/leads/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Import leads from a CSV or Excel file (multipart field 'file')",
      description =
          "The header row names the columns (see the README): email is required; firstName,"
              + " lastName, phone, company, companySize, industry, country, title, source,"
              + " referredBy, consent, and attr:<name> for custom attributes; the column names of"
              + " common CRM exports are recognised. Answers 202 with the import id; follow it at"
              + " /api/imports/{id}.")
  ResponseEntity<Accepted> importMultipart(
      @RequestPart("file") MultipartFile file,
      @Parameter(description = "Source of rows without a source column")
          @RequestParam(name = "source", defaultValue = "csv-import")
          @Pattern(regexp = SOURCE, message = SOURCE_MESSAGE)
          String source,
      @Parameter(description = MAPPING_DOC) @RequestParam(name = "mapping", required = false)
          String mapping,
      @Parameter(description = CONSENT_DOC) @RequestParam(name = "consent", required = false)
          Boolean consent,
      @Parameter(description = "Save the mapping for the source, for its next file")
          @RequestParam(name = "saveMapping", defaultValue = "false")
          boolean saveMapping,
      Authentication caller) {
    checkFile(file);
    Map<String, String> columns = mapping(mapping);
    String by = nameOf(caller);
    if (saveMapping) {
      if (columns.isEmpty()) {
        throw new InvalidFieldException("mapping", "is needed to save a mapping for the source");
      }
      mappings.save(source, columns, by);
    }
    try (InputStream in = file.getInputStream()) {
      return accept(
          in,
          file.getOriginalFilename(),
          source,
          new ImportStore.Settings(mappingFor(source, columns), consent, by));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @PostMapping(value = "/api/imports/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "What an import of a file would do, before it starts",
      description =
          "How the file is read (encoding, delimiter), how each column would be read with the"
              + " mapping (or the source's saved mapping), the first rows with their errors and"
              + " warnings, and the data rows it has. Nothing is imported or kept; a file that"
              + " cannot be read is 422 with the reason.")
  ImportPreview.Preview preview(
      @RequestPart("file") MultipartFile file,
      @RequestParam(name = "source", defaultValue = "csv-import")
          @Pattern(regexp = SOURCE, message = SOURCE_MESSAGE)
          String source,
      @Parameter(description = MAPPING_DOC) @RequestParam(name = "mapping", required = false)
          String mapping,
      @Parameter(description = CONSENT_DOC) @RequestParam(name = "consent", required = false)
          Boolean consent)
      throws IOException {
    checkFile(file);
    Map<String, String> columns = mapping(mapping);
    Map<String, String> used = mappingFor(source, columns);
    Files.createDirectories(properties.directory());
    // A name the start-up clean-up removes should the preview be cut off.
    Path copy = properties.directory().resolve("preview-" + UUID.randomUUID() + ".part");
    try {
      try (InputStream in = file.getInputStream()) {
        Files.copy(in, copy);
      }
      return ImportPreview.of(
          copy,
          fileName(file.getOriginalFilename()),
          used,
          consent,
          columns.isEmpty() && !used.isEmpty(),
          source.strip(),
          capture::named,
          capture::isKnown,
          words());
    } catch (CsvFile.UnreadableFileException e) {
      throw new ApiException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          catalogue.text(reader(), "imports.problem.unreadable"),
          words().apply(e.why()));
    } finally {
      ImportRunner.forget(copy);
    }
  }

  @GetMapping("/api/imports")
  @Operation(summary = "The latest 50 imports, newest first, with their states and counts")
  List<ImportSummary> latest() {
    return imports.latest(LATEST);
  }

  @GetMapping("/api/imports/mappings/{source}")
  @Operation(summary = "The column mapping saved for a source; 404 when none is")
  Map<String, String> savedMapping(@PathVariable String source) {
    return mappings
        .find(source)
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.NOT_FOUND,
                    "No saved mapping",
                    "No column mapping is saved for the source '" + source + "'."));
  }

  @GetMapping(value = "/api/imports/{importId}/report.csv", produces = "text/csv")
  @Operation(
      summary = "An import's report as CSV: every rejected row and every warning",
      parameters =
          @Parameter(
              name = "lang",
              description = "The reasons' language (en, de); else Accept-Language, else English"),
      description =
          "Columns: line, column, kind (ERROR: the row was rejected; WARNING: a value"
              + " was left out and the row imported), reason. With lang, as the import page's"
              + " link asks, the header and kinds are in that language's words too, with"
              + " semicolons between cells in German, as Excel there reads them.")
  void report(@PathVariable UUID importId, HttpServletResponse response) throws IOException {
    Function<Why, String> words = words();
    ImportStatus status = status(importId);
    String name =
        status.fileName() == null ? "import" : status.fileName().replaceAll("\\.[^.]*$", "");
    String lang = request.getParameter("lang");
    Locale language = lang == null || lang.isBlank() ? null : reader();
    CsvExport.Flavour flavour = CsvExport.Flavour.of(language, null);
    Function<String, String> named =
        code -> language == null ? code : catalogue.text(language, "imports.report.csv." + code);
    try (var printer =
        CsvExport.attachment(
            response,
            "report-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv",
            flavour,
            named.apply("line"),
            named.apply("column"),
            named.apply("kind"),
            named.apply("reason"))) {
      if (status.state() == ImportState.FAILED && status.error() != null) {
        // Why the whole file failed, before any row's problems.
        CsvExport.print(
            printer,
            flavour,
            java.util.Arrays.asList("", named.apply("file"), named.apply("ERROR"), status.error()));
      }
      imports.eachReportLine(
          importId,
          words,
          line -> {
            try {
              CsvExport.print(
                  printer,
                  flavour,
                  java.util.Arrays.asList(
                      line.line(), line.column(), named.apply(line.severity()), line.reason()));
            } catch (IOException e) {
              // The client went away: the rest of the report has nowhere to go.
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  @PostMapping(
      value = "/api/leads/import",
      consumes = {"text/csv", "application/csv"})
  @Operation(summary = "Import leads from a CSV body (Content-Type: text/csv)")
  ResponseEntity<Accepted> importBody(
      HttpServletRequest request,
      @RequestParam(name = "source", defaultValue = "csv-import")
          @Pattern(regexp = SOURCE, message = SOURCE_MESSAGE)
          String source,
      @RequestParam(name = "fileName", required = false) String fileName,
      @Parameter(description = MAPPING_DOC) @RequestParam(name = "mapping", required = false)
          String mapping,
      @Parameter(description = CONSENT_DOC) @RequestParam(name = "consent", required = false)
          Boolean consent,
      Authentication caller)
      throws IOException {
    return accept(
        request.getInputStream(),
        fileName,
        source,
        new ImportStore.Settings(mappingFor(source, mapping(mapping)), consent, nameOf(caller)));
  }

  // Letters of any language: "Messe Köln 2026" is a German marketer's source.
  private static final String SOURCE = "^[\\p{L}\\p{N} _.-]{1,100}$";
  private static final String SOURCE_MESSAGE =
      "must be letters, digits, spaces, '-', '_' or '.', like trade-show";

  private void checkFile(MultipartFile file) {
    if (file.isEmpty()) {
      throw new InvalidFieldException("file", catalogue.text(reader(), "imports.problem.empty"));
    }
    long limit = api.maxCsvSize().toBytes();
    if (file.getSize() > limit) {
      throw new ApiException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          catalogue.text(reader(), "imports.problem.tooLarge"),
          catalogue.text(
              reader(),
              "imports.problem.tooLargeDetail",
              Map.of("megabytes", api.maxCsvSize().toMegabytes())));
    }
  }

  /** The mapping sent, checked: each target a lead field, attr:<name> or ignore. */
  private Map<String, String> mapping(String text) {
    if (text != null && text.length() > 16_000) {
      throw new InvalidFieldException("mapping", "must be at most 16000 characters");
    }
    try {
      Map<String, String> mapping = MappingJson.parse(json, text);
      CsvColumns.check(mapping);
      return mapping;
    } catch (CsvColumns.UnknownTargetException e) {
      throw new InvalidFieldException("mapping", words().apply(e.why()));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("mapping", e.getMessage());
    }
  }

  /**
   * The language of the person asking: {@code lang} (the page's link to the report), else
   * Accept-Language (the page's calls send its own).
   */
  private Locale reader() {
    return catalogue.language(
        request.getParameter("lang"), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /** Reasons as the person asking reads them. */
  private Function<Why, String> words() {
    Locale language = reader();
    return why -> catalogue.explain(language, why);
  }

  /** The mapping sent, else the one saved for the source (empty when neither is). */
  private Map<String, String> mappingFor(String source, Map<String, String> sent) {
    return sent.isEmpty() ? mappings.find(source).orElse(sent) : sent;
  }

  private static String nameOf(Authentication caller) {
    return caller == null ? null : caller.getName();
  }

  private static String fileName(String name) {
    return name == null ? null : Path.of(name).getFileName().toString();
  }

  @GetMapping("/api/imports/{importId}")
  @Operation(
      summary = "An import's state, counts, and each rejected row with its line, column and reason")
  ImportStatus status(@PathVariable UUID importId) {
    return imports
        .status(importId, MAX_ERRORS_SHOWN, words())
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.NOT_FOUND,
                    "Unknown import",
                    "Import " + importId + " is not known."));
  }

  @PostMapping("/api/imports/{importId}/cancel")
  @Operation(
      summary = "Cancel a queued or running import",
      description =
          "A running import stops at its next batch (that batch is not imported); the rows"
              + " imported before stay. Answers the import's status; 409 when it is finished"
              + " already.")
  ImportStatus cancel(@PathVariable UUID importId) {
    status(importId);
    if (!imports.cancel(importId)) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Import finished",
          "Import "
              + importId
              + " is "
              + imports.state(importId).map(Enum::name).orElse("gone")
              + "; only a queued or running import can be cancelled.");
    }
    // The store's copy of the file went with the cancellation; this instance's working copy goes
    // now (another instance's at its runner's next batch).
    ImportRunner.forget(ImportRunner.workingCopy(properties.directory(), importId));
    return status(importId);
  }

  private ResponseEntity<Accepted> accept(
      InputStream in, String fileName, String source, ImportStore.Settings settings)
      throws IOException {
    UUID id = UUID.randomUUID();
    // Streamed into the store a chunk at a time, never held whole in memory, and kept there until
    // the import is over, so any instance runs it and a restart resumes it. One transaction: a body
    // cut off, over the limit or empty leaves nothing behind.
    try {
      transaction.executeWithoutResult(
          tx -> {
            long bytes;
            try {
              bytes = imports.create(id, fileName(fileName), source.strip(), settings, in);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            if (bytes == 0) {
              throw new InvalidFieldException(
                  "file", catalogue.text(reader(), "imports.problem.empty"));
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    URI status = URI.create("/api/imports/" + id);
    return ResponseEntity.accepted()
        .location(status)
        .body(new Accepted(id, ImportState.QUEUED, status));
  }
}
