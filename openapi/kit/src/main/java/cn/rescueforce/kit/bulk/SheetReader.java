package cn.rescueforce.kit.bulk;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Streams the rows of a bulk file to a handler, one at a time, never holding the file's rows: CSV through Apache
 * Commons CSV (UTF-8, a byte-order mark tolerated, RFC 4180 quoting), XLSX through POI's event reader (XSSFReader's
 * SAX events over the first sheet, shared strings read-only), not a workbook in memory. Rows are numbered as a
 * spreadsheet numbers them (the header is row 1); an empty row is passed on as empty cells.
 */
public final class SheetReader {

    /** Receives each row's cells; false stops the reading. */
    @FunctionalInterface
    public interface RowHandler {
        boolean row(int number, List<String> cells);
    }

    /** The file could not be read as its format (reported as the job's failure, not a row's problem). */
    public static final class UnreadableFile extends RuntimeException {
        UnreadableFile(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private SheetReader() {
    }

    public static void read(SheetFormat format, InputStream in, RowHandler handler) {
        // what the handler throws is its own (out of time, a lost lease, a database failure): passed on as it is, never
        // taken for a file that cannot be read
        RowHandler guarded = (number, cells) -> {
            try {
                return handler.row(number, cells);
            } catch (RuntimeException e) {
                throw new HandlerFailure(e);
            }
        };
        try {
            if (format == SheetFormat.CSV) {
                readCsv(in, guarded);
            } else {
                readXlsx(in, guarded);
            }
        } catch (Stop stop) {
            // the handler asked to stop
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HandlerFailure failure) {
                    throw failure.failure;
                }
            }
            if (e instanceof UnreadableFile unreadable) {
                throw unreadable;
            }
            throw new UnreadableFile("the file cannot be read as " + format + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** A failure of the row handler on its way out through the parser. */
    private static final class HandlerFailure extends RuntimeException {
        private final RuntimeException failure;

        HandlerFailure(RuntimeException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    private static void readCsv(InputStream in, RowHandler handler) throws IOException {
        Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            int number = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                number++;
                if (!handler.row(number, record.toList())) {
                    return;
                }
            }
        }
    }

    private static void readXlsx(InputStream in, RowHandler handler) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler),
                        new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        }
    }

    /** Gathers one row's cells (a skipped cell is empty) and hands the row on; rows left out of the sheet are empty. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();
        private int lastRow = -1;

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            while (lastRow + 1 < rowNum) {
                lastRow++;
                deliver(lastRow, List.of());
            }
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            lastRow = rowNum;
            deliver(rowNum, new ArrayList<>(cells));
        }

        private void deliver(int rowIndex, List<String> row) {
            if (!handler.row(rowIndex + 1, row)) {
                throw new Stop();
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(formattedValue);
        }
    }

    /** Dates as yyyy-MM-dd and numbers without grouping, whatever the cell's display format. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString)
                    && org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(value)) {
                return org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return Double.toString(value);
        }
    }
}
