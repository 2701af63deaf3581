package dev.earshot.history;

import java.io.IOException;

/**
 * Writes the export one stream at a time, in the export's columns: {@code ended_at} (ISO, UTC),
 * {@code ms_played}, {@code kind}, {@code uri}, {@code name}, {@code artist}, {@code album}, {@code source}.
 * {@link #finish()} ends the document and flushes, without closing the response stream under it; a writer that
 * is not finished (the database failed half-way) leaves a visibly broken document, never a short but valid one.
 */
public interface ExportWriter {

    void write(StoredStream stream) throws IOException;

    void finish() throws IOException;
}
