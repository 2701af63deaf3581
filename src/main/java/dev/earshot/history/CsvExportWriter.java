package dev.earshot.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The export as CSV (RFC 4180): a header row, CRLF line ends, a cell quoted when it holds a comma, a quote or
 * a line break, quotes doubled. Names are third-party text, so a text cell a spreadsheet would run as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe (OWASP's advice).
 */
final class CsvExportWriter implements ExportWriter {

    static final String HEADER = "ended_at,ms_played,kind,uri,name,artist,album,source";

    private final BufferedWriter out;

    CsvExportWriter(OutputStream stream) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        out.write(HEADER);
        out.write("\r\n");
    }

    @Override
    public void write(StoredStream stream) throws IOException {
        out.write(stream.endedAt().toString());
        out.write(',');
        out.write(Long.toString(stream.msPlayed()));
        for (String text : new String[] {
            stream.kind(), stream.uri(), stream.name(), stream.artist(), stream.album(), stream.source()
        }) {
            out.write(',');
            out.write(cell(text));
        }
        out.write("\r\n");
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    /** One text cell: empty for none, defused when a spreadsheet would take it for a formula, quoted when needed. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String value = startsLikeAFormula(text) ? "'" + text : text;
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static boolean startsLikeAFormula(String text) {
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
