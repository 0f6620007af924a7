package org.leadhandoff.intake.csv;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * An Excel workbook's first sheet as a CSV file beside it (streamed with fastexcel-reader, so a big
 * sheet is never held in memory), which the import then reads like any CSV file. Rows shorter than
 * the header (Excel leaves trailing empty cells out) are padded to its width.
 */
final class Workbooks {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Workbooks.class);

  private Workbooks() {}

  /** Where the sheet of an uploaded workbook is written; it goes with the upload. */
  static Path sheetOf(Path upload) {
    return upload.resolveSibling(upload.getFileName() + ".sheet.csv");
  }

  static Path firstSheetAsCsv(Path workbook) throws IOException, CsvFile.UnreadableFileException {
    Path csv = sheetOf(workbook);
    try (ReadableWorkbook book = new ReadableWorkbook(workbook.toFile());
        Stream<Row> rows = book.getFirstSheet().openStream();
        Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        CSVPrinter printer = CSVFormat.DEFAULT.print(out)) {
      int width = -1;
      int line = 0;
      for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
        Row row = it.next();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
          cells.add(text(row.getCell(i)));
        }
        if (width < 0) {
          width = cells.size();
        }
        // A lone cell without an email is a report's footer line: left alone so it is seen as one.
        boolean footer = cells.size() == 1 && !cells.getFirst().contains("@");
        while (!footer && cells.size() < width) {
          cells.add("");
        }
        // Empty sheet rows stay as blank lines, so a row's line is its row in Excel.
        while (line < row.getRowNum() - 1) {
          printer.println();
          line++;
        }
        printer.printRecord(cells);
        line++;
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(csv);
      // The reader's message names the server's path: the log has it, the sender gets a sentence.
      log.info("Workbook {} could not be read: {}", workbook.getFileName(), e.toString());
      throw new CsvFile.UnreadableFileException(
          org.leadhandoff.system.Why.of("IMPORT_NOT_A_WORKBOOK"));
    }
    return csv;
  }

  /** The value as the sheet shows it: numbers without a trailing ".0", formulas by their result. */
  private static String text(Cell cell) {
    if (cell == null || cell.getRawValue() == null) {
      return "";
    }
    return switch (cell.getType()) {
      case NUMBER -> plain(cell.asNumber());
      case BOOLEAN -> String.valueOf(cell.asBoolean());
      case STRING -> cell.asString();
      default -> cell.getText();
    };
  }

  private static String plain(BigDecimal number) {
    return number == null ? "" : number.stripTrailingZeros().toPlainString();
  }
}
