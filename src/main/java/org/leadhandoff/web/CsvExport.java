package org.leadhandoff.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
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

  /**
   * How a download writes its cells: for programs ({@link #API}: codes, ISO-8601 instants in UTC, a
   * decimal point, commas between cells), or for a person's spreadsheet in a language: dates and
   * times as that language writes them in the reader's time zone, its decimal mark, and where that
   * mark is a comma (German) semicolons between cells, as Excel there expects them.
   */
  public record Flavour(Locale language, ZoneId zone) {

    public static final Flavour API = new Flavour(null, ZoneOffset.UTC);

    /** For a person reading {@code language}, in {@code zone} (UTC when null). */
    public static Flavour of(Locale language, ZoneId zone) {
      return language == null ? API : new Flavour(language, zone == null ? ZoneOffset.UTC : zone);
    }

    /** The time zone a page names (IANA, as browsers give it), or null when it names none. */
    public static ZoneId zone(String name) {
      if (name == null || name.isBlank()) {
        return null;
      }
      try {
        return ZoneId.of(name.strip());
      } catch (java.time.DateTimeException e) {
        throw new ApiException(
            org.springframework.http.HttpStatus.BAD_REQUEST,
            "Invalid time zone",
            "The parameter tz must name a time zone such as Europe/Berlin; '"
                + name
                + "' does not.");
      }
    }

    public boolean forPeople() {
      return language != null;
    }

    char delimiter() {
      return forPeople() && DecimalFormatSymbols.getInstance(language).getDecimalSeparator() == ','
          ? ';'
          : ',';
    }

    /** A cell's text: a person's or a file's own text made safe, our values in the flavour. */
    public String cell(Object value) {
      if (value == null) {
        return "";
      }
      if (!forPeople()) {
        return value instanceof CharSequence text ? safe(text) : String.valueOf(value);
      }
      return switch (value) {
        case Instant instant -> dateTime().format(instant.atZone(zone));
        case OffsetDateTime time -> dateTime().format(time.atZoneSameInstant(zone));
        case LocalDate date -> date().format(date);
        case Double d -> decimal(d);
        case Float f -> decimal(f.doubleValue());
        case java.math.BigDecimal d -> decimal(d.doubleValue());
        case CharSequence text -> safe(text);
        default -> String.valueOf(value);
      };
    }

    private String decimal(double value) {
      NumberFormat format = NumberFormat.getNumberInstance(language);
      format.setGroupingUsed(false);
      format.setMaximumFractionDigits(4);
      return format.format(value);
    }

    /** The language's numeric date (07.12.2026), or ISO where it spells the month (English). */
    private DateTimeFormatter date() {
      String pattern =
          DateTimeFormatterBuilder.getLocalizedDateTimePattern(
              FormatStyle.MEDIUM, null, IsoChronology.INSTANCE, language);
      if (pattern.contains("MMM")) {
        return DateTimeFormatter.ISO_LOCAL_DATE;
      }
      // Four-digit years: a spreadsheet reads "26" as 1926 in some settings.
      return DateTimeFormatter.ofPattern(pattern.replaceAll("y+", "yyyy"), language);
    }

    private DateTimeFormatter dateTime() {
      return new DateTimeFormatterBuilder()
          .append(date())
          .appendLiteral(' ')
          .appendPattern("HH:mm")
          .toFormatter(language);
    }
  }

  /** A CSV download named {@code fileName}: headers set, the byte order mark and header written. */
  public static CSVPrinter attachment(
      HttpServletResponse response, String fileName, String... header) throws IOException {
    return attachment(response, fileName, Flavour.API, header);
  }

  /** The same in a flavour: a person's spreadsheet separates cells as their language does. */
  public static CSVPrinter attachment(
      HttpServletResponse response, String fileName, Flavour flavour, String... header)
      throws IOException {
    response.setContentType("text/csv");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    Writer out = response.getWriter();
    out.write('\uFEFF');
    return printer(out, flavour, header);
  }

  static CSVPrinter printer(Writer out, String... header) throws IOException {
    return printer(out, Flavour.API, header);
  }

  static CSVPrinter printer(Writer out, Flavour flavour, String... header) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(flavour.delimiter())
        .setHeader(header)
        .get()
        .print(out);
  }

  public static void print(CSVPrinter printer, List<?> cells) throws IOException {
    printer.printRecord(cells.stream().map(CsvExport::safe).toList());
  }

  /** A row in a flavour: each value as {@link Flavour#cell} writes it. */
  public static void print(CSVPrinter printer, Flavour flavour, List<?> cells) throws IOException {
    printer.printRecord(cells.stream().map(flavour::cell).toList());
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
