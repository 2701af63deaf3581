package dev.earshot.history;

import java.util.List;

/** The answer to an import: every file by name, and the plays and listening time that are new to Earshot. */
public record ImportReport(List<FileReport> files, long plays, long msPlayed) {

    /** True when some file could not be imported (the others were). */
    public boolean hasError() {
        return files.stream().anyMatch(file -> file.error() != null);
    }
}
