package dev.earshot.history;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** The formats {@code GET /api/me/history/export} writes, each with its media type and file extension. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    JSON("application/json", "json");

    public final String mediaType;
    public final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The {@code format} query parameter: {@code csv} or {@code json}; anything else is a {@link BadHistoryQuery}. */
    public static ExportFormat parse(String value) {
        if (value != null) {
            for (ExportFormat format : values()) {
                if (format.extension.equals(value.toLowerCase(Locale.ROOT))) {
                    return format;
                }
            }
        }
        throw new BadHistoryQuery("'format' must be csv or json.");
    }

    /** A writer of this format onto {@code out}. */
    public ExportWriter writer(OutputStream out, JsonFactory json) throws IOException {
        return switch (this) {
            case CSV -> new CsvExportWriter(out);
            case JSON -> new JsonExportWriter(out, json);
        };
    }
}
