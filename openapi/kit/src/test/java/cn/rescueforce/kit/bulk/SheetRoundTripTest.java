package cn.rescueforce.kit.bulk;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the writer writes, the reader reads back, in both formats: quotes, commas, line breaks, Chinese, blanks. */
class SheetRoundTripTest {

    static final List<List<String>> ROWS = List.of(
            List.of("单位名称 / name", "备注 / note"),
            List.of("四川省煤炭产业集团有限责任公司", "含\"引号\", 逗号\n和换行"),
            Arrays.asList("", "second cell only"));

    static List<List<String>> roundTrip(SheetFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = SheetWriter.open(format, out)) {
            ROWS.forEach(writer::row);
        }
        List<List<String>> read = new ArrayList<>();
        SheetReader.read(format, new ByteArrayInputStream(out.toByteArray()), (number, cells) -> {
            assertEquals(read.size() + 1, number);
            read.add(cells.stream().map(c -> c == null ? "" : c).toList());
            return true;
        });
        return read;
    }

    /** Out of time, a lost lease, a database failure: the handler's own, never "the file cannot be read". */
    @Test
    void whatTheHandlerThrowsComesOutAsItIsInBothFormats() {
        for (SheetFormat format : SheetFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (SheetWriter writer = SheetWriter.open(format, out)) {
                ROWS.forEach(writer::row);
            }
            IllegalStateException thrown = new IllegalStateException("out of time");
            IllegalStateException caught = assertThrows(IllegalStateException.class, () -> SheetReader.read(format,
                    new ByteArrayInputStream(out.toByteArray()), (number, cells) -> {
                        if (number == 2) {
                            throw thrown;
                        }
                        return true;
                    }));
            assertEquals(thrown, caught, format.name());
        }
    }

    @Test
    void csvRoundTrips() {
        assertEquals(ROWS, roundTrip(SheetFormat.CSV));
    }

    @Test
    void xlsxRoundTrips() {
        assertEquals(ROWS, roundTrip(SheetFormat.XLSX));
    }

    @Test
    void theReaderStopsWhenTheHandlerSaysSo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = SheetWriter.open(SheetFormat.XLSX, out)) {
            ROWS.forEach(writer::row);
        }
        List<Integer> seen = new ArrayList<>();
        SheetReader.read(SheetFormat.XLSX, new ByteArrayInputStream(out.toByteArray()), (number, cells) -> seen.add(number) && number < 2);
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void aFileThatIsNoWorkbookIsUnreadable() {
        assertThrows(SheetReader.UnreadableFile.class, () -> SheetReader.read(SheetFormat.XLSX,
                new ByteArrayInputStream("name,creditCode\n".getBytes(StandardCharsets.UTF_8)), (n, c) -> true));
    }
}
