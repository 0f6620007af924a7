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
      for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
        Row row = it.next();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
          cells.add(text(row.getCell(i)));
        }
        if (width < 0) {
          width = cells.size();
        }
        while (cells.size() < width) {
          cells.add("");
        }
        printer.printRecord(cells);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(csv);
      throw new CsvFile.UnreadableFileException(
          "This is a ZIP archive that Excel cannot open as a workbook (.xlsx): "
              + e.getMessage()
              + ". Export the leads as .xlsx or CSV and import that file.");
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
