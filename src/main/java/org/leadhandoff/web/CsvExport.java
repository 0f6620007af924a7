package org.leadhandoff.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV that a spreadsheet opens as data: a text cell that starts like a formula (=, +, -, @,
 * tab, carriage return) gets a leading apostrophe, so a lead named "=HYPERLINK(...)" stays a name.
 * Numbers are left as they are. A download starts with a UTF-8 byte order mark: without it Excel
 * reads the file as Windows-1252 and shows "Léa" as "LÃ©a".
 */
public final class CsvExport {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(E-?\\d+)?");

  private CsvExport() {}

  /** A CSV download named {@code fileName}: headers set, the byte order mark and header written. */
  public static CSVPrinter attachment(
      HttpServletResponse response, String fileName, String... header) throws IOException {
    response.setContentType("text/csv");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    Writer out = response.getWriter();
    out.write('\uFEFF');
    return printer(out, header);
  }

  static CSVPrinter printer(Writer out, String... header) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader(header).get().print(out);
  }

  public static void print(CSVPrinter printer, List<?> cells) throws IOException {
    printer.printRecord(cells.stream().map(CsvExport::safe).toList());
  }

  public static String safe(Object value) {
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
