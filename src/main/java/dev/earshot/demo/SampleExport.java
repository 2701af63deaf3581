package dev.earshot.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A generated data export in Spotify's format, as "Download your data" delivers it: a zip with the Extended
 * streaming history (older files in the old field set, newer ones in the new, audiobook and all-null rows among
 * them, a video history and a PDF) and an Account-data folder repeating the last year. The same seed and row
 * count always give the same bytes; the demo serves a small one, the import benchmark asks for a million rows.
 */
public final class SampleExport {

    /** The demo's export: several thousand streams over a few years. */
    public static final int DEMO_ROWS = 6000;

    public static final long DEMO_SEED = 20_261_130L;

    public static final String EXTENDED_FOLDER = "Spotify Extended Streaming History/";
    public static final String ACCOUNT_FOLDER = "Spotify Account Data/";

    /** Spotify splits the history into files of at most about 12 MB. */
    static final int ROWS_PER_FILE = 25_000;

    /** The last stream of every sample ends here: fixed, so the bytes depend on the seed alone. */
    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

    /** Files from this year on carry the new field set (ip_addr, audiobook fields). */
    private static final int NEW_FIELDS_FROM_YEAR = 2024;

    private static final DateTimeFormatter ACCOUNT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private static final JsonFactory JSON = new JsonFactory();

    private static final String[] ARTIST_STEMS = {
        "Sleepwalk Avenue",
        "<demons>",
        "The \"Quoted\" Band",
        "Rock & Roll 'n' Tea",
        "🎧 Late Night 🌙",
        "فرقة الليل",
        "להקת הבוקר",
        "Ωmega Drift",
        "Nordlys Kollektiv",
        "Café Noir",
        "東京 Sunset",
        "The Longest Name That Anyone Ever Gave To A Band Because They Simply Could Not Stop Adding Words To It "
                .repeat(3)
                .trim(),
        "Moth & Lantern",
        "</script><b>bold</b>",
        "Zeynep Ay",
        "Los Pájaros"
    };

    private static final String[] TRACK_WORDS = {
        "Night",
        "River",
        "Echo",
        "Gold",
        "Paper",
        "Satellite",
        "Glass",
        "Summer",
        "Static",
        "Ghost",
        "Neon",
        "Tide",
        "Ember",
        "Velvet",
        "Signal",
        "Harbour"
    };

    private static final String[] SHOWS = {"The Daily Drone", "Tech & <Tea>", "حكايات", "Slow Science 🧪"};

    private record Song(String uri, String name, String artist, String album, long lengthMs) {}

    private record Episode(String uri, String name, String show) {}

    /** One stream as both halves of the export tell it. */
    private record Stream(Instant end, long msPlayed, Song song, Episode episode, boolean audiobook, boolean blank) {}

    private SampleExport() {}

    /** Writes the zip of {@code extendedRows} Extended streams (plus Account data for the last year) to {@code out}. */
    public static void write(OutputStream out, long seed, int extendedRows) throws IOException {
        Random random = new Random(seed);
        List<Song> songs = songs(random);
        List<Episode> episodes = episodes(random);
        // Spread the streams over at least three years, at least a second apart, each ending later than the last.
        Duration span = Duration.ofDays(Math.max(3 * 365, extendedRows / 400));
        long averageGapMs = Math.max(1000, span.toMillis() / Math.max(1, extendedRows));
        Instant start = END.minus(span);
        Instant accountFrom = END.minus(Duration.ofDays(365));
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<Stream> lastYear = new ArrayList<>();
        Instant time = start;
        int written = 0;
        int fileNumber = 0;
        while (written < extendedRows) {
            int inFile = Math.min(ROWS_PER_FILE, extendedRows - written);
            List<Stream> file = new ArrayList<>(inFile);
            for (int i = 0; i < inFile; i++) {
                time = time.plusMillis(1000 + (long) (random.nextDouble() * 2 * (averageGapMs - 1000)));
                Stream stream = stream(random, time, songs, episodes);
                file.add(stream);
                if (!time.isBefore(accountFrom) && !stream.audiobook() && !stream.blank()) {
                    lastYear.add(stream);
                }
            }
            int fromYear = file.get(0).end().atZone(ZoneOffset.UTC).getYear();
            int toYear = file.get(file.size() - 1).end().atZone(ZoneOffset.UTC).getYear();
            String years = fromYear == toYear ? "" + fromYear : fromYear + "-" + toYear;
            zip.putNextEntry(
                    new ZipEntry(EXTENDED_FOLDER + "Streaming_History_Audio_" + years + "_" + fileNumber++ + ".json"));
            writeExtended(zip, file, toYear >= NEW_FIELDS_FROM_YEAR);
            zip.closeEntry();
            written += inFile;
        }
        zip.putNextEntry(new ZipEntry(EXTENDED_FOLDER + "Streaming_History_Video_2024-2026.json"));
        zip.write(("[{\"ts\":\"2025-02-03T10:11:12Z\",\"platform\":\"android\",\"ms_played\":61000,"
                        + "\"conn_country\":\"SE\",\"ip_addr\":\"192.0.2.1\",\"video_title\":\"A video\"}]")
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(EXTENDED_FOLDER + "ReadMeFirst_ExtendedStreamingHistory.pdf"));
        zip.write("%PDF-1.4\n% A sample export's read-me\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(ACCOUNT_FOLDER + "StreamingHistory_music_0.json"));
        writeAccount(zip, lastYear, false);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(ACCOUNT_FOLDER + "StreamingHistory_podcast_0.json"));
        writeAccount(zip, lastYear, true);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(ACCOUNT_FOLDER + "Userdata.json"));
        zip.write("{\"username\":\"sample-listener\",\"country\":\"SE\"}".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }

    private static List<Song> songs(Random random) {
        List<Song> songs = new ArrayList<>();
        for (int a = 0; a < ARTIST_STEMS.length * 4; a++) {
            String artist = a < ARTIST_STEMS.length ? ARTIST_STEMS[a] : ARTIST_STEMS[a % ARTIST_STEMS.length] + " " + a;
            String album = word(random) + " " + word(random);
            for (int t = 0; t < 8; t++) {
                String name = t == 0 && a == 1 ? "<demons> (Live)" : word(random) + " " + word(random);
                songs.add(new Song(
                        "spotify:track:" + id(random), name, artist, album, 120_000 + random.nextInt(240_000)));
            }
        }
        return songs;
    }

    private static List<Episode> episodes(Random random) {
        List<Episode> episodes = new ArrayList<>();
        for (String show : SHOWS) {
            for (int e = 1; e <= 12; e++) {
                episodes.add(new Episode("spotify:episode:" + id(random), "Episode " + e + ": " + word(random), show));
            }
        }
        return episodes;
    }

    private static Stream stream(Random random, Instant end, List<Song> songs, List<Episode> episodes) {
        int roll = random.nextInt(100);
        if (roll < 2) {
            return new Stream(end, random.nextInt(600_000), null, null, true, false);
        }
        if (roll < 4) {
            return new Stream(end, random.nextInt(20_000), null, null, false, true);
        }
        if (roll < 12) {
            Episode episode = episodes.get(random.nextInt(episodes.size()));
            return new Stream(end, 30_000 + random.nextInt(3_000_000), null, episode, false, false);
        }
        // Favourites come up more often: a skewed pick over the catalogue.
        Song song = songs.get((int) (songs.size() * Math.pow(random.nextDouble(), 2.2)));
        long ms = random.nextInt(10) < 3 ? random.nextInt(30_000) : song.lengthMs() - random.nextInt(5_000);
        return new Stream(end, ms, song, null, false, false);
    }

    private static void writeExtended(OutputStream out, List<Stream> streams, boolean newFields) throws IOException {
        JsonGenerator json = JSON.createGenerator(new NonClosing(out), JsonEncoding.UTF8);
        json.writeStartArray();
        for (Stream stream : streams) {
            json.writeStartObject();
            json.writeStringField("ts", stream.end().toString().replaceAll("\\.\\d+Z$", "Z"));
            if (!newFields) {
                json.writeStringField("username", "sample-listener");
            }
            json.writeStringField("platform", newFields ? "android" : "Android OS 9 API 28 (samsung, SM-G960F)");
            json.writeNumberField("ms_played", stream.msPlayed());
            json.writeStringField("conn_country", "SE");
            json.writeStringField(newFields ? "ip_addr" : "ip_addr_decrypted", "192.0.2.44");
            if (!newFields) {
                json.writeStringField("user_agent_decrypted", "unknown");
            }
            Song song = stream.song();
            Episode episode = stream.episode();
            nullable(json, "master_metadata_track_name", song == null ? null : song.name());
            nullable(json, "master_metadata_album_artist_name", song == null ? null : song.artist());
            nullable(json, "master_metadata_album_album_name", song == null ? null : song.album());
            nullable(json, "spotify_track_uri", song == null ? null : song.uri());
            nullable(json, "episode_name", episode == null ? null : episode.name());
            nullable(json, "episode_show_name", episode == null ? null : episode.show());
            nullable(json, "spotify_episode_uri", episode == null ? null : episode.uri());
            if (newFields) {
                nullable(json, "audiobook_title", stream.audiobook() ? "A Sample Audiobook" : null);
                nullable(json, "audiobook_uri", stream.audiobook() ? "spotify:audiobook:0sample0audiobook0000" : null);
                nullable(
                        json,
                        "audiobook_chapter_uri",
                        stream.audiobook() ? "spotify:chapter:0sample0chapter000000" : null);
                nullable(json, "audiobook_chapter_title", stream.audiobook() ? "Chapter 1" : null);
            }
            json.writeStringField("reason_start", "trackdone");
            json.writeStringField("reason_end", stream.msPlayed() < 30_000 ? "fwdbtn" : "trackdone");
            json.writeBooleanField("shuffle", false);
            json.writeBooleanField("skipped", stream.msPlayed() < 30_000);
            json.writeBooleanField("offline", false);
            json.writeNullField("offline_timestamp");
            json.writeBooleanField("incognito_mode", false);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.close();
    }

    private static void writeAccount(OutputStream out, List<Stream> streams, boolean podcasts) throws IOException {
        JsonGenerator json = JSON.createGenerator(new NonClosing(out), JsonEncoding.UTF8);
        json.writeStartArray();
        for (Stream stream : streams) {
            if (podcasts ? stream.episode() == null : stream.song() == null) {
                continue;
            }
            json.writeStartObject();
            json.writeStringField("endTime", ACCOUNT_TIME.format(stream.end()));
            if (podcasts) {
                json.writeStringField("podcastName", stream.episode().show());
                json.writeStringField("episodeName", stream.episode().name());
            } else {
                json.writeStringField("artistName", stream.song().artist());
                json.writeStringField("trackName", stream.song().name());
            }
            json.writeNumberField("msPlayed", stream.msPlayed());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.close();
    }

    private static void nullable(JsonGenerator json, String field, String value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value);
        }
    }

    private static String word(Random random) {
        return TRACK_WORDS[random.nextInt(TRACK_WORDS.length)];
    }

    private static String id(Random random) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder id = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** Keeps the generator from closing the zip when it finishes one entry. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
