package dev.earshot.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads one history file of the export with Jackson's streaming parser, one object at a time, so memory stays
 * bounded whatever the file's size (S28), and hands each stream on as a {@link PlayRow}. Only the fields Earshot
 * keeps are read; IP addresses, user agents, usernames, platform and country are skipped unread (S30).
 */
final class ExportFileParser {

    /** Where the rows of a file go. */
    interface Rows {
        void row(PlayRow row) throws SQLException;

        /** A row that is no track and no episode (an audiobook, or every field null). */
        void skipped();
    }

    private static final JsonFactory JSON = JsonFactory.builder()
            // An export row is a flat object of short values: anything deep or huge is not Spotify's.
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxStringLength(1_000_000)
                    .build())
            .build();

    private static final DateTimeFormatter ACCOUNT_END_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    /** A Spotify URI is short; a longer one is not Spotify's and would not fit its column. */
    private static final int MAX_URI_LENGTH = 200;

    private ExportFileParser() {}

    static void parse(InputStream in, ExportFileKind kind, Rows rows) throws BadExportFile, IOException, SQLException {
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new BadExportFile("This is not a list of streams (a JSON array) as Spotify's export has.");
            }
            Fields fields = new Fields();
            long index = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new BadExportFile("The file ends in the middle of the list (cut off?).");
                }
                index++;
                if (token != JsonToken.START_OBJECT) {
                    throw new BadExportFile("Item " + index + " of the list is not a stream (a JSON object).");
                }
                fields.read(parser, index);
                PlayRow row = kind == ExportFileKind.EXTENDED ? fields.extended(index) : fields.account(kind, index);
                if (row == null) {
                    rows.skipped();
                } else {
                    rows.row(row);
                }
            }
            if (parser.nextToken() != null) {
                throw new BadExportFile("There is more after the list of streams.");
            }
        } catch (JsonProcessingException e) {
            throw new BadExportFile(
                    "This is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ").");
        }
    }

    /** The fields of one object that Earshot keeps; reused for every object of a file. */
    private static final class Fields {
        private boolean sawTs;
        private boolean sawEndTime;
        private String ts;
        private Long msPlayed;
        private String trackName;
        private String artistName;
        private String albumName;
        private String trackUri;
        private String episodeName;
        private String showName;
        private String episodeUri;
        private String endTime;
        private String podcastName;

        void read(JsonParser parser, long index) throws IOException, BadExportFile {
            sawTs = false;
            sawEndTime = false;
            ts = trackName = artistName = albumName = trackUri = episodeName = showName = episodeUri = null;
            endTime = podcastName = null;
            msPlayed = null;
            String field;
            while ((field = parser.nextFieldName()) != null) {
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "ts" -> {
                        sawTs = true;
                        ts = text(parser, value, field, index);
                    }
                    case "endTime" -> {
                        sawEndTime = true;
                        endTime = text(parser, value, field, index);
                    }
                    case "ms_played", "msPlayed" -> msPlayed = number(parser, value, field, index);
                    case "master_metadata_track_name", "trackName" -> trackName = text(parser, value, field, index);
                    case "master_metadata_album_artist_name", "artistName" ->
                        artistName = text(parser, value, field, index);
                    case "master_metadata_album_album_name" -> albumName = text(parser, value, field, index);
                    case "spotify_track_uri" -> trackUri = text(parser, value, field, index);
                    case "episode_name", "episodeName" -> episodeName = text(parser, value, field, index);
                    case "episode_show_name" -> showName = text(parser, value, field, index);
                    case "podcastName" -> podcastName = text(parser, value, field, index);
                    case "spotify_episode_uri" -> episodeUri = text(parser, value, field, index);
                    // Everything else — ip_addr, user_agent_decrypted, username, platform, conn_country,
                    // audiobook fields, reason_start... — is passed over unread and never stored.
                    default -> parser.skipChildren();
                }
            }
        }

        PlayRow extended(long index) throws BadExportFile {
            if (!sawTs) {
                throw new BadExportFile("Item " + index
                        + " has no \"ts\": this is not Extended streaming history as Spotify writes it.");
            }
            if (ts == null || msPlayed == null) {
                return null;
            }
            Instant endedAt = instant(ts, index);
            if (usable(trackUri)) {
                return new PlayRow(
                        endedAt,
                        msPlayed,
                        PlayRow.Kind.TRACK,
                        trackUri,
                        trackName == null ? trackUri : trackName,
                        artistName,
                        albumName,
                        PlayRow.Source.EXTENDED);
            }
            if (usable(episodeUri)) {
                return new PlayRow(
                        endedAt,
                        msPlayed,
                        PlayRow.Kind.EPISODE,
                        episodeUri,
                        episodeName == null ? episodeUri : episodeName,
                        showName,
                        null,
                        PlayRow.Source.EXTENDED);
            }
            // An audiobook chapter, or a row with every metadata field null.
            return null;
        }

        PlayRow account(ExportFileKind kind, long index) throws BadExportFile {
            if (!sawEndTime) {
                throw new BadExportFile(
                        "Item " + index + " has no \"endTime\": this is not Account data as Spotify writes it.");
            }
            if (endTime == null || msPlayed == null) {
                return null;
            }
            Instant endedAt;
            try {
                endedAt = LocalDateTime.parse(endTime, ACCOUNT_END_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new BadExportFile("Item " + index + " has an endTime that is not a time like 2024-01-31 18:22.");
            }
            if (kind == ExportFileKind.ACCOUNT_PODCAST) {
                return episodeName == null
                        ? null
                        : new PlayRow(
                                endedAt,
                                msPlayed,
                                PlayRow.Kind.EPISODE,
                                null,
                                episodeName,
                                podcastName,
                                null,
                                PlayRow.Source.ACCOUNT);
            }
            return trackName == null
                    ? null
                    : new PlayRow(
                            endedAt,
                            msPlayed,
                            PlayRow.Kind.TRACK,
                            null,
                            trackName,
                            artistName,
                            null,
                            PlayRow.Source.ACCOUNT);
        }

        private static boolean usable(String uri) {
            return uri != null && !uri.isEmpty() && uri.length() <= MAX_URI_LENGTH;
        }

        private static Instant instant(String text, long index) throws BadExportFile {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new BadExportFile("Item " + index + " has a ts that is not a time like 2024-01-31T18:22:05Z.");
            }
        }

        private static String text(JsonParser parser, JsonToken value, String field, long index)
                throws IOException, BadExportFile {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.VALUE_STRING) {
                throw new BadExportFile("Item " + index + " has a \"" + field + "\" that is not text.");
            }
            return parser.getText();
        }

        private static Long number(JsonParser parser, JsonToken value, String field, long index)
                throws IOException, BadExportFile {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new BadExportFile("Item " + index + " has a \"" + field + "\" that is not a whole number.");
            }
            long ms = parser.getLongValue();
            if (ms < 0) {
                throw new BadExportFile("Item " + index + " has a negative \"" + field + "\".");
            }
            return ms;
        }
    }
}
