package dev.earshot.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The CSV cells of the export: RFC 4180 quoting, and names a spreadsheet would run as formulas defused. */
class CsvExportWriterTest {

    @Test
    void plainTextStaysAsItIs() {
        assertEquals("Song 2", CsvExportWriter.cell("Song 2"));
        assertEquals("<demons> & 🎸", CsvExportWriter.cell("<demons> & 🎸"));
        assertEquals("", CsvExportWriter.cell(null));
        assertEquals("", CsvExportWriter.cell(""));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertEquals("\"a, b\"", CsvExportWriter.cell("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExportWriter.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvExportWriter.cell("two\nlines"));
        assertEquals("\"cr\rhere\"", CsvExportWriter.cell("cr\rhere"));
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaGetALeadingApostrophe() {
        assertEquals(
                "\"'=HYPERLINK(\"\"https://evil\"\",\"\"x\"\")\"",
                CsvExportWriter.cell("=HYPERLINK(\"https://evil\",\"x\")"));
        assertEquals("'+1", CsvExportWriter.cell("+1"));
        assertEquals("'-2+3", CsvExportWriter.cell("-2+3"));
        assertEquals("'@SUM(A1)", CsvExportWriter.cell("@SUM(A1)"));
        assertEquals("'\tTab", CsvExportWriter.cell("\tTab"));
        assertEquals("\"'\rCR\"", CsvExportWriter.cell("\rCR"));
        assertEquals("a=b", CsvExportWriter.cell("a=b"), "only the first character matters");
    }

    @Test
    void rowsEndWithCrLfAfterAHeaderAndNumbersAndTimesAreWrittenPlainly() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvExportWriter writer = new CsvExportWriter(bytes);
        writer.write(new StoredStream(
                Instant.parse("2024-03-31T01:30:00Z"),
                123_456,
                "track",
                "spotify:track:1",
                "Name, with comma",
                "-Artist",
                null,
                "extended"));
        writer.finish();

        assertEquals(
                CsvExportWriter.HEADER + "\r\n"
                        + "2024-03-31T01:30:00Z,123456,track,spotify:track:1,\"Name, with comma\",'-Artist,,extended\r\n",
                bytes.toString(StandardCharsets.UTF_8));
    }
}
