package dev.earshot.history;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a file of Spotify's data export is, told by its name alone (only known names are ever parsed, S28). */
public enum ExportFileKind {
    /** Extended streaming history: {@code Streaming_History_Audio_<years>_<n>.json}. */
    EXTENDED("extended"),
    /** Account data, music: {@code StreamingHistory_music_<n>.json} (older exports: {@code StreamingHistory<n>.json}). */
    ACCOUNT_MUSIC("account-music"),
    /** Account data, podcasts: {@code StreamingHistory_podcast_<n>.json}. */
    ACCOUNT_PODCAST("account-podcast"),
    /** Part of the export but not listening history (video history, the PDF, account details): left alone. */
    IGNORED("ignored"),
    /** The export's zip itself: its entries are classified one by one. */
    ZIP("zip"),
    /** Not a file of the export: refused by name. */
    UNKNOWN("unknown");

    private static final Pattern EXTENDED_NAME =
            Pattern.compile("Streaming_History_Audio_[0-9_-]{1,40}\\.json", Pattern.CASE_INSENSITIVE);
    private static final Pattern VIDEO_NAME =
            Pattern.compile("Streaming_History_Video_[0-9_-]{1,40}\\.json", Pattern.CASE_INSENSITIVE);
    private static final Pattern MUSIC_NAME =
            Pattern.compile("StreamingHistory(_music_)?[0-9]{1,4}\\.json", Pattern.CASE_INSENSITIVE);
    private static final Pattern PODCAST_NAME =
            Pattern.compile("StreamingHistory_podcast_[0-9]{1,4}\\.json", Pattern.CASE_INSENSITIVE);

    /** The folders Spotify puts its files in; another file in them is part of the export, just not history. */
    private static final String[] EXPORT_FOLDERS = {"Spotify Extended Streaming History/", "Spotify Account Data/"};

    /** How the kind is written in the JSON answer and in {@code history_import.kind}. */
    public final String label;

    ExportFileKind(String label) {
        this.label = label;
    }

    /** True for the kinds whose rows are imported. */
    public boolean isHistory() {
        return this == EXTENDED || this == ACCOUNT_MUSIC || this == ACCOUNT_PODCAST;
    }

    /** The kind of an uploaded file, by its base name. */
    public static ExportFileKind ofUpload(String baseName) {
        if (baseName.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return ZIP;
        }
        ExportFileKind kind = ofBaseName(baseName);
        return kind == null ? UNKNOWN : kind;
    }

    /** The kind of an entry of the export's zip, by its path inside the zip. */
    public static ExportFileKind ofZipEntry(String path) {
        String baseName = path.substring(path.lastIndexOf('/') + 1);
        ExportFileKind kind = ofBaseName(baseName);
        if (kind != null) {
            return kind;
        }
        for (String folder : EXPORT_FOLDERS) {
            if (path.startsWith(folder) && path.indexOf('/', folder.length()) < 0) {
                return IGNORED;
            }
        }
        return UNKNOWN;
    }

    private static ExportFileKind ofBaseName(String baseName) {
        if (EXTENDED_NAME.matcher(baseName).matches()) {
            return EXTENDED;
        }
        if (PODCAST_NAME.matcher(baseName).matches()) {
            return ACCOUNT_PODCAST;
        }
        if (MUSIC_NAME.matcher(baseName).matches()) {
            return ACCOUNT_MUSIC;
        }
        if (VIDEO_NAME.matcher(baseName).matches()
                || baseName.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            return IGNORED;
        }
        return null;
    }
}
