package dev.earshot.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hand-made files of Spotify's data export for the import tests: rows in both Extended field sets and Account data. */
final class ExportFiles {

    private ExportFiles() {}

    /** An Extended row in the new field set (ip_addr, audiobook fields). */
    static String track(String ts, long ms, String uri, String name, String artist) {
        return "{\"ts\":\"" + ts + "\",\"platform\":\"android\",\"ms_played\":" + ms
                + ",\"conn_country\":\"SE\",\"ip_addr\":\"203.0.113.9\",\"master_metadata_track_name\":" + json(name)
                + ",\"master_metadata_album_artist_name\":" + json(artist)
                + ",\"master_metadata_album_album_name\":\"An Album\",\"spotify_track_uri\":" + json(uri)
                + ",\"episode_name\":null,\"episode_show_name\":null,\"spotify_episode_uri\":null,"
                + "\"audiobook_title\":null,\"audiobook_uri\":null,\"audiobook_chapter_uri\":null,"
                + "\"audiobook_chapter_title\":null,\"reason_start\":\"trackdone\",\"reason_end\":\"trackdone\","
                + "\"shuffle\":false,\"skipped\":false,\"offline\":false,\"offline_timestamp\":null,\"incognito_mode\":false}";
    }

    /** An Extended row in the old field set (username, ip_addr_decrypted, user_agent_decrypted). */
    static String oldTrack(String ts, long ms, String uri, String name, String artist) {
        return "{\"ts\":\"" + ts + "\",\"username\":\"secret-username\",\"platform\":\"Android OS 9\",\"ms_played\":"
                + ms
                + ",\"conn_country\":\"SE\",\"ip_addr_decrypted\":\"198.51.100.7\",\"user_agent_decrypted\":\"secret-agent\","
                + "\"master_metadata_track_name\":" + json(name) + ",\"master_metadata_album_artist_name\":"
                + json(artist) + ",\"master_metadata_album_album_name\":\"Old Album\",\"spotify_track_uri\":"
                + json(uri)
                + ",\"episode_name\":null,\"episode_show_name\":null,\"spotify_episode_uri\":null,"
                + "\"reason_start\":\"clickrow\",\"reason_end\":\"endplay\",\"shuffle\":null,\"skipped\":null,"
                + "\"offline\":false,\"offline_timestamp\":0,\"incognito_mode\":false}";
    }

    static String episode(String ts, long ms, String uri, String name, String show) {
        return "{\"ts\":\"" + ts + "\",\"ms_played\":" + ms + ",\"master_metadata_track_name\":null,"
                + "\"master_metadata_album_artist_name\":null,\"master_metadata_album_album_name\":null,"
                + "\"spotify_track_uri\":null,\"episode_name\":" + json(name) + ",\"episode_show_name\":" + json(show)
                + ",\"spotify_episode_uri\":" + json(uri) + "}";
    }

    static String audiobook(String ts, long ms) {
        return "{\"ts\":\"" + ts + "\",\"ms_played\":" + ms + ",\"master_metadata_track_name\":null,"
                + "\"spotify_track_uri\":null,\"spotify_episode_uri\":null,\"audiobook_title\":\"A Book\","
                + "\"audiobook_uri\":\"spotify:audiobook:abc\",\"audiobook_chapter_uri\":\"spotify:chapter:def\"}";
    }

    static String blank(String ts, long ms) {
        return "{\"ts\":\"" + ts + "\",\"ms_played\":" + ms + ",\"master_metadata_track_name\":null,"
                + "\"master_metadata_album_artist_name\":null,\"master_metadata_album_album_name\":null,"
                + "\"spotify_track_uri\":null,\"episode_name\":null,\"episode_show_name\":null,\"spotify_episode_uri\":null}";
    }

    static String music(String endTime, String artist, String track, long ms) {
        return "{\"endTime\":\"" + endTime + "\",\"artistName\":" + json(artist) + ",\"trackName\":" + json(track)
                + ",\"msPlayed\":" + ms + "}";
    }

    static String podcast(String endTime, String show, String episode, long ms) {
        return "{\"endTime\":\"" + endTime + "\",\"podcastName\":" + json(show) + ",\"episodeName\":" + json(episode)
                + ",\"msPlayed\":" + ms + "}";
    }

    static byte[] array(String... rows) {
        return ("[\n" + String.join(",\n", rows) + "\n]").getBytes(StandardCharsets.UTF_8);
    }

    /** A zip of these entries (path -> content), in this order. */
    static byte[] zip(Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(String text) {
        if (text == null) {
            return "null";
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
