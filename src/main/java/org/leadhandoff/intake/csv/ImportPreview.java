package org.leadhandoff.intake.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leadhandoff.lead.LeadContact;
import org.leadhandoff.system.Why;

/**
 * What an import of a file would do, before it starts: how the file is read, how each column is
 * read with a mapping, and its first rows as they would be imported (with their errors and
 * warnings). Nothing is stored; the import page shows it so that marketing can map columns first.
 */
final class ImportPreview {

  /** Rows shown, enough to judge a column by its values. */
  static final int SAMPLE_ROWS = 10;

  /**
   * @param notes how the file is read (encoding, delimiter, workbook) and the mapping's effect
   * @param rowsTotal the data rows the import would read (report footers left out)
   * @param columns every header column in order, with how it is read and its sample values
   * @param rows the first rows as the import would take them
   * @param targets what a column can be mapped to, besides {@code attr:<name>} and {@code ignore}
   * @param problem why the import would fail as mapped (no column is read as email), else null
   * @param savedMapping whether the source's saved mapping was used
   */
  record Preview(
      String fileName,
      String problem,
      List<String> notes,
      int rowsTotal,
      List<ColumnPreview> columns,
      List<RowPreview> rows,
      List<String> targets,
      boolean savedMapping) {}

  /**
   * @param readAs the field it fills, {@code attr:<name>}, or null when it is ignored
   * @param how RECOGNISED by its name, MAPPED by the person, IGNORED, or DOUBLED (another column
   *     means the same field)
   */
  record ColumnPreview(String name, String readAs, CsvColumns.How how, List<String> samples) {}

  /**
   * @param outcome NEW (a lead is created), MERGE (into the stored lead with this email, as it
   *     would be now), MERGE_ROW (into the lead of an earlier row of the file with the same email,
   *     with a warning naming that row) or REJECTED
   * @param lead the lead's fields as the import would store them (a country as its code, a size as
   *     a number, the source and industry by the criteria's names); empty when rejected
   */
  record RowPreview(
      long line,
      String outcome,
      Map<String, Object> lead,
      List<Problem> errors,
      List<Problem> warnings) {}

  /** A row's error or warning: the column and why, in the reader's words. */
  record Problem(String field, String reason) {}

  private ImportPreview() {}

  static Preview of(
      Path file,
      String fileName,
      Map<String, String> mapping,
      Boolean defaultConsent,
      boolean savedMapping,
      String source,
      java.util.function.UnaryOperator<LeadContact> taxonomy,
      java.util.function.Predicate<String> knownEmail,
      java.util.function.Function<Why, String> words)
      throws IOException, CsvFile.UnreadableFileException {
    CsvFile csv = CsvFile.open(file);
    ImportRunner.Layout layout = ImportRunner.layout(csv, mapping);
    List<CsvColumns.Column> columns = layout.columns().columns();
    List<List<String>> samples = new ArrayList<>();
    columns.forEach(c -> samples.add(new ArrayList<>()));
    List<RowPreview> rows = new ArrayList<>();
    CsvLeadReader reader = new CsvLeadReader(layout.columns(), defaultConsent);
    // Each email's first row in the sample: a later row with it merges into that row's lead.
    Map<String, Long> earlier = new java.util.HashMap<>();
    try (Reader in = csv.reader();
        CSVParser parser = csv.format().parse(in)) {
      Iterator<CSVRecord> records = parser.iterator();
      while (rows.size() < Math.min(SAMPLE_ROWS, layout.rows()) && records.hasNext()) {
        CSVRecord record = records.next();
        CsvRow row = reader.read(record, parser.getCurrentLineNumber() + csv.linesSkipped());
        String outcome = "REJECTED";
        List<Problem> warnings = problems(row.warnings(), words);
        if (row.valid()) {
          String email = row.contact().email();
          Long first =
              earlier.putIfAbsent(org.leadhandoff.lead.Emails.normalise(email), row.line());
          if (first != null) {
            outcome = "MERGE_ROW";
            warnings = new ArrayList<>(warnings);
            warnings.add(
                new Problem("email", words.apply(Why.of("IMPORT_REPEATED_EMAIL", "line", first))));
          } else {
            outcome = knownEmail.test(email) ? "MERGE" : "NEW";
          }
        }
        rows.add(
            new RowPreview(
                row.line(),
                outcome,
                row.valid() ? taxonomy.apply(row.contact().normalized(source)).fields() : Map.of(),
                problems(row.errors(), words),
                warnings));
        for (int i = 0; i < columns.size(); i++) {
          samples.get(i).add(i < record.size() ? record.get(i) : "");
        }
      }
    }
    List<ColumnPreview> shown = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      CsvColumns.Column column = columns.get(i);
      shown.add(new ColumnPreview(column.name(), column.readAs(), column.how(), samples.get(i)));
    }
    return new Preview(
        fileName,
        layout.columns().hasEmail() ? null : words.apply(ImportRunner.noEmail(layout)),
        layout.notes().stream().map(words).toList(),
        layout.rows(),
        shown,
        rows,
        CsvColumns.targets(),
        savedMapping);
  }

  private static List<Problem> problems(
      List<CsvRow.RowError> found, java.util.function.Function<Why, String> words) {
    return found.stream().map(p -> new Problem(p.field(), words.apply(p.why()))).toList();
  }
}
