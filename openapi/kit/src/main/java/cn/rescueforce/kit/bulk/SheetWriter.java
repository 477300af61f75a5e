package cn.rescueforce.kit.bulk;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a bulk file row by row: CSV through Commons CSV (UTF-8 with a byte-order mark, so a spreadsheet opens the
 * Chinese headers right), XLSX through POI's streaming SXSSFWorkbook (100 rows in memory, the rest flushed to a
 * temporary file, deleted on close). Every cell is text, so an export re-imports exactly.
 */
public abstract class SheetWriter implements AutoCloseable {

    public static SheetWriter open(SheetFormat format, OutputStream out) {
        return format == SheetFormat.CSV ? new Csv(out) : new Xlsx(out);
    }

    public abstract void row(List<String> cells);

    @Override
    public abstract void close();

    private static final class Csv extends SheetWriter {
        private final CSVPrinter printer;

        Csv(OutputStream out) {
            try {
                OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write('\uFEFF');
                printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(List<String> cells) {
            try {
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Xlsx extends SheetWriter {
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private final SXSSFSheet sheet = workbook.createSheet();
        private final CellStyle header;
        private int next;

        Xlsx(OutputStream out) {
            this.out = out;
            header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
        }

        @Override
        public void row(List<String> cells) {
            Row row = sheet.createRow(next);
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(cells.get(i));
                if (next == 0) {
                    cell.setCellStyle(header);
                }
            }
            next++;
        }

        @Override
        public void close() {
            try {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    workbook.close(); // deletes the temporary file
                } catch (IOException ignored) {
                    // nothing left to do
                }
            }
        }
    }
}
