package org.leadhandoff.intake.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.leadhandoff.system.MessageCatalogue;
import org.leadhandoff.system.Why;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * How an uploaded file is to be read, found from its bytes: the encoding (a byte order mark, else
 * strict UTF-8, else what Mozilla's detector in juniversalchardet finds, else Windows-1252, which
 * reads any byte) and the delimiter (comma, semicolon or tab, whichever the header uses most). A
 * file that is no text at all, an Excel workbook or a header that names a column twice is refused
 * with a sentence that says so. An Excel workbook (.xlsx) is read from its first sheet.
 */
final class CsvFile {

  /**
   * The file cannot be imported as it is; {@link #why} says why, for the person who sent it (in
   * their language), the message in English.
   */
  static final class UnreadableFileException extends Exception {
    private final transient Why why;

    UnreadableFileException(Why why) {
      super(MessageCatalogue.english(why));
      this.why = why;
    }

    Why why() {
      return why;
    }
  }

  private static final int SAMPLE = 64 * 1024;
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final char[] DELIMITERS = {',', ';', '\t'};

  private final Path path;
  private final Charset charset;
  private final int bomLength;
  private final char delimiter;
  private final Why readAs;

  /** Excel's "sep=;" line before the header, which names the delimiter and is no row. */
  private final boolean sepLine;

  private CsvFile(Path path, Charset charset, int bomLength, char delimiter, Why readAs) {
    this(path, charset, bomLength, delimiter, readAs, false);
  }

  private CsvFile(
      Path path, Charset charset, int bomLength, char delimiter, Why readAs, boolean sepLine) {
    this.path = path;
    this.charset = charset;
    this.bomLength = bomLength;
    this.delimiter = delimiter;
    this.readAs = readAs;
    this.sepLine = sepLine;
  }

  static CsvFile open(Path path) throws IOException, UnreadableFileException {
    byte[] sample = head(path);
    if (startsWith(sample, new byte[] {'P', 'K', 3, 4})) {
      CsvFile sheet = open(Workbooks.firstSheetAsCsv(path));
      return new CsvFile(
          sheet.path,
          sheet.charset,
          sheet.bomLength,
          sheet.delimiter,
          Why.of("IMPORT_READ_FROM_WORKBOOK"));
    }
    if (startsWith(sample, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
      throw new UnreadableFileException(Why.of("IMPORT_OLD_WORKBOOK"));
    }
    Charset charset;
    int bom = 0;
    Charset unmarked = utf16WithoutMark(sample);
    if (startsWith(sample, UTF8_BOM)) {
      charset = StandardCharsets.UTF_8;
      bom = 3;
    } else if (startsWith(sample, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
      charset = StandardCharsets.UTF_16LE;
      bom = 2;
    } else if (startsWith(sample, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
      charset = StandardCharsets.UTF_16BE;
      bom = 2;
    } else if (unmarked != null) {
      charset = unmarked;
    } else {
      if (looksBinary(sample)) {
        throw new UnreadableFileException(Why.of("IMPORT_NOT_TEXT"));
      }
      charset = isUtf8(path) ? StandardCharsets.UTF_8 : guess(path);
    }
    CsvFile file = new CsvFile(path, charset, bom, ',', null);
    String header = file.firstLine();
    if (header.isBlank()) {
      throw new UnreadableFileException(Why.of("IMPORT_NO_HEADER"));
    }
    java.util.regex.Matcher sep = SEP_LINE.matcher(header.strip());
    if (sep.matches()) {
      CsvFile afterSep = new CsvFile(path, charset, bom, sep.group(1).charAt(0), null, true);
      if (afterSep.firstLine().isBlank()) {
        throw new UnreadableFileException(Why.of("IMPORT_NO_HEADER_AFTER_SEP"));
      }
      return afterSep;
    }
    return new CsvFile(path, charset, bom, delimiterOf(header), null);
  }

  private static final java.util.regex.Pattern SEP_LINE =
      java.util.regex.Pattern.compile("(?i)sep=(.)");

  Charset charset() {
    return charset;
  }

  char delimiter() {
    return delimiter;
  }

  /** The text of the file, without its byte order mark. */
  Reader reader() throws IOException {
    InputStream in = Files.newInputStream(path);
    in.skipNBytes(bomLength);
    // A byte that is no character in the encoding becomes U+FFFD rather than stopping the import.
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    Reader reader = new java.io.BufferedReader(new InputStreamReader(in, decoder), 64 * 1024);
    if (sepLine) {
      for (int c = reader.read(); c != -1 && c != '\n'; c = reader.read()) {
        // Excel's "sep=;" line is skipped up to its line break.
      }
    }
    return reader;
  }

  CSVFormat format() {
    return ImportRunner.FORMAT.builder().setDelimiter(delimiter).get();
  }

  /** What the status says about how the file was read. */
  Why description() {
    if (readAs != null) {
      return readAs;
    }
    return Why.of(
        "IMPORT_READ_AS",
        "charset",
        charset.displayName(Locale.ROOT),
        "delimiter",
        switch (delimiter) {
          case ';' -> "SEMICOLON";
          case '\t' -> "TAB";
          default -> "COMMA";
        },
        "sepLine",
        sepLine ? true : null);
  }

  /** Lines of the file before the reader's first: Excel's "sep=" line, for the report's lines. */
  int linesSkipped() {
    return sepLine ? 1 : 0;
  }

  /**
   * Refuses a header that names a column twice: which of the two a field comes from would be a
   * guess. Blank column names are allowed (spreadsheets leave them), names are compared as people
   * read them: case and surrounding spaces ignored.
   */
  static void checkHeader(List<String> header) throws UnreadableFileException {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i) == null ? "" : header.get(i).strip();
      if (name.isEmpty()) {
        continue;
      }
      Integer first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i + 1);
      if (first != null) {
        throw new UnreadableFileException(
            Why.of("IMPORT_COLUMN_TWICE", "column", name, "first", first, "second", i + 1));
      }
    }
  }

  private String firstLine() throws IOException {
    try (Reader in = reader()) {
      StringBuilder line = new StringBuilder();
      boolean quoted = false;
      for (int c = in.read(); c != -1 && line.length() < SAMPLE; c = in.read()) {
        if (c == '"') {
          quoted = !quoted;
        } else if ((c == '\n' || c == '\r') && !quoted) {
          break;
        }
        line.append((char) c);
      }
      return line.toString();
    }
  }

  /** The delimiter the header uses most outside quotes; a one-column file has none (comma). */
  static char delimiterOf(String header) {
    Map<Character, Integer> counts = new HashMap<>();
    boolean quoted = false;
    for (char c : header.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        for (char d : DELIMITERS) {
          if (c == d) {
            counts.merge(d, 1, Integer::sum);
          }
        }
      }
    }
    char best = ',';
    int most = 0;
    for (char d : DELIMITERS) {
      int n = counts.getOrDefault(d, 0);
      if (n > most) {
        best = d;
        most = n;
      }
    }
    return best;
  }

  private static byte[] head(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(SAMPLE);
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * UTF-16 saved without its byte order mark (some exports and scripts write it so): a CSV is
   * mostly Latin letters, digits and separators, so every other byte is NUL, the odd ones in
   * little-endian, the even ones in big-endian, and the others almost never are. Null when the
   * sample does not look so.
   */
  private static Charset utf16WithoutMark(byte[] sample) {
    int pairs = sample.length / 2;
    if (pairs < 8) {
      return null;
    }
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i + 1 < sample.length; i += 2) {
      evenZero += sample[i] == 0 ? 1 : 0;
      oddZero += sample[i + 1] == 0 ? 1 : 0;
    }
    if (oddZero * 10 >= pairs * 9 && evenZero * 10 <= pairs) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZero * 10 >= pairs * 9 && oddZero * 10 <= pairs) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /** NUL bytes, or many control bytes that no text has. */
  private static boolean looksBinary(byte[] sample) {
    int control = 0;
    for (byte b : sample) {
      if (b == 0) {
        return true;
      }
      if (b > 0 && b < 32 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    return sample.length > 0 && control * 100 > sample.length;
  }

  /** Whether every byte of the file is UTF-8: plain ASCII is too. */
  private static boolean isUtf8(Path path) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = Files.newInputStream(path)) {
      ByteBuffer bytes = ByteBuffer.allocate(SAMPLE);
      CharBuffer chars = CharBuffer.allocate(SAMPLE);
      int n;
      while ((n = in.read(bytes.array(), bytes.position(), bytes.remaining())) != -1) {
        bytes.position(bytes.position() + n);
        bytes.flip();
        var result = decoder.decode(bytes, chars, false);
        if (result.isError()) {
          return false;
        }
        bytes.compact();
        chars.clear();
      }
      bytes.flip();
      var result = decoder.decode(bytes, chars, true);
      return !result.isError() && !decoder.flush(chars).isError();
    }
  }

  /** Not UTF-8: what the detector finds from the whole file, else Windows-1252. */
  private static Charset guess(Path path) throws IOException {
    UniversalDetector detector = new UniversalDetector();
    byte[] buffer = new byte[SAMPLE];
    try (InputStream in = Files.newInputStream(path)) {
      int n;
      while ((n = in.read(buffer)) > 0 && !detector.isDone()) {
        detector.handleData(buffer, 0, n);
      }
    }
    detector.dataEnd();
    String name = detector.getDetectedCharset();
    List<Charset> usable = new ArrayList<>();
    if (name != null && Charset.isSupported(name)) {
      usable.add(Charset.forName(name));
    }
    // US-ASCII cannot be right (the file has bytes above 127); a UTF-8 guess means a file that is
    // UTF-8 but for a few bytes: those become U+FFFD, the rest reads right.
    return usable.stream()
        .filter(c -> !c.equals(StandardCharsets.US_ASCII))
        .findFirst()
        .orElse(WINDOWS_1252);
  }
}
