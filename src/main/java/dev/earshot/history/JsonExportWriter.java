package dev.earshot.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/** The export as one JSON array of objects, written as it goes with Jackson's streaming generator. */
final class JsonExportWriter implements ExportWriter {

    private final JsonGenerator json;

    JsonExportWriter(OutputStream out, JsonFactory factory) throws IOException {
        this.json = factory.createGenerator(out);
        // The response stream belongs to the server: finishing the array must not close it.
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartArray();
    }

    @Override
    public void write(StoredStream stream) throws IOException {
        json.writeStartObject();
        json.writeStringField("ended_at", stream.endedAt().toString());
        json.writeNumberField("ms_played", stream.msPlayed());
        json.writeStringField("kind", stream.kind());
        json.writeStringField("uri", stream.uri());
        json.writeStringField("name", stream.name());
        json.writeStringField("artist", stream.artist());
        json.writeStringField("album", stream.album());
        json.writeStringField("source", stream.source());
        json.writeEndObject();
    }

    @Override
    public void finish() throws IOException {
        json.writeEndArray();
        json.close();
    }
}
