package org.leadhandoff.intake.csv;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.leadhandoff.web.ApiException;
import org.leadhandoff.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

  private final ImportStore imports;
  private final ImportProperties properties;

  private final org.leadhandoff.web.ApiProperties api;

  ImportController(
      ImportStore imports, ImportProperties properties, org.leadhandoff.web.ApiProperties api) {
    this.imports = imports;
    this.properties = properties;
    this.api = api;
  }

  record Accepted(UUID importId, ImportState state, URI status) {}

  @PostMapping(value = "/api/leads/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Import leads from a CSV file (multipart field 'file')",
      description =
          "The header row names the columns (see the README): email is required; firstName,"
              + " lastName, phone, company, companySize, industry, country, title, source,"
              + " referredBy, consent, and attr:<name> for custom attributes. Answers 202 with the"
              + " import id; follow it at /api/imports/{id}.")
  ResponseEntity<Accepted> importMultipart(
      @RequestPart("file") MultipartFile file,
      @Parameter(description = "Source of rows without a source column")
          @RequestParam(name = "source", defaultValue = "csv-import")
          @Pattern(
              regexp = "^[A-Za-z0-9 _.-]{1,100}$",
              message = "must be letters, digits, spaces, '-', '_' or '.', like trade-show")
          String source) {
    if (file.isEmpty()) {
      throw new InvalidFieldException("file", "is empty; send a CSV file with a header row");
    }
    long limit = api.maxCsvSize().toBytes();
    if (file.getSize() > limit) {
      throw new ApiException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "File too large",
          "The CSV file is larger than the limit of "
              + limit
              + " bytes; split it and import the parts.");
    }
    try (InputStream in = file.getInputStream()) {
      return accept(in, file.getOriginalFilename(), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @PostMapping(
      value = "/api/leads/import",
      consumes = {"text/csv", "application/csv"})
  @Operation(summary = "Import leads from a CSV body (Content-Type: text/csv)")
  ResponseEntity<Accepted> importBody(
      HttpServletRequest request,
      @RequestParam(name = "source", defaultValue = "csv-import")
          @Pattern(
              regexp = "^[A-Za-z0-9 _.-]{1,100}$",
              message = "must be letters, digits, spaces, '-', '_' or '.', like trade-show")
          String source,
      @RequestParam(name = "fileName", required = false) String fileName)
      throws IOException {
    return accept(request.getInputStream(), fileName, source);
  }

  @GetMapping("/api/imports/{importId}")
  @Operation(
      summary = "An import's state, counts, and each rejected row with its line, column and reason")
  ImportStatus status(@PathVariable UUID importId) {
    return imports
        .status(importId, MAX_ERRORS_SHOWN)
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
    // The personal data in the file goes now; a runner still reading it sees the cancellation at
    // its next batch.
    imports.storedPath(importId).map(Path::of).ifPresent(ImportRunner::forget);
    return status(importId);
  }

  private ResponseEntity<Accepted> accept(InputStream in, String fileName, String source)
      throws IOException {
    UUID id = UUID.randomUUID();
    Files.createDirectories(properties.directory());
    Path target = properties.directory().resolve(id + ".csv");
    Path partial = properties.directory().resolve(id + ".csv.part");
    // Streamed to disk, never held in memory; kept until the import is done so a restart resumes.
    // A body cut off or over the limit leaves no partial file behind.
    long bytes;
    try {
      bytes = Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    if (bytes == 0) {
      Files.deleteIfExists(partial);
      throw new InvalidFieldException("file", "is empty; send a CSV file with a header row");
    }
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    imports.create(
        id,
        fileName == null ? null : Path.of(fileName).getFileName().toString(),
        target.toAbsolutePath().toString(),
        source.strip());
    URI status = URI.create("/api/imports/" + id);
    return ResponseEntity.accepted()
        .location(status)
        .body(new Accepted(id, ImportState.QUEUED, status));
  }
}
