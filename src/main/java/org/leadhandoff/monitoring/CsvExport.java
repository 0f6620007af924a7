package org.leadhandoff.monitoring;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV that a spreadsheet opens as data: a text cell that starts like a formula (=, +, -, @,
 * tab, carriage return) gets a leading apostrophe, so a lead named "=HYPERLINK(...)" stays a name.
 * Numbers are left as they are.
 */
final class CsvExport {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(E-?\\d+)?");

  private CsvExport() {}

  static CSVPrinter printer(Writer out, String... header) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader(header).get().print(out);
  }

  static void print(CSVPrinter printer, List<?> cells) throws IOException {
    printer.printRecord(cells.stream().map(CsvExport::safe).toList());
  }

  static String safe(Object value) {
    if (value == null) {
      return "";
    }
    String text = String.valueOf(value);
    if (text.isEmpty() || NUMBER.matcher(text).matches()) {
      return text;
    }
    char first = text.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
            || first == '\n'
        ? "'" + text
        : text;
  }
}
