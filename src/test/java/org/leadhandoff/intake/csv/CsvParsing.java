package org.leadhandoff.intake.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leadhandoff.lead.Emails;

/** The parse side of an import, for the benchmark: the same format and reader as ImportRunner. */
public final class CsvParsing {

  private CsvParsing() {}

  /** Parses only: the baseline. Returns a checksum so the work cannot be skipped. */
  public static long parseOnly(Path file) throws IOException {
    long checksum = 0;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = ImportRunner.FORMAT.parse(in)) {
      for (CSVRecord record : parser) {
        for (String value : record) {
          checksum += value.length();
        }
      }
    }
    return checksum;
  }

  /** What the import does before the store: parse, validate each row, drop repeated emails. */
  public record Parsed(int valid, int rejected, int duplicates) {}

  public static Parsed parseValidateDeduplicate(Path file) throws IOException {
    int valid = 0;
    int rejected = 0;
    int duplicates = 0;
    Set<String> seen = new HashSet<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = ImportRunner.FORMAT.parse(in)) {
      CsvLeadReader reader = new CsvLeadReader(CsvColumns.of(parser.getHeaderNames()));
      for (CSVRecord record : parser) {
        CsvRow row = reader.read(record);
        if (!row.valid()) {
          rejected++;
        } else if (!seen.add(Emails.normalise(row.contact().email()))) {
          duplicates++;
        } else {
          valid++;
        }
      }
    }
    return new Parsed(valid, rejected, duplicates);
  }
}
