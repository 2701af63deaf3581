package dev.earshot.history;

/**
 * What importing one file came to: every row read is imported (new to Earshot), a duplicate (a stream Earshot
 * already had, perhaps from another file, an earlier import, the Account data or the recorder) or skipped (no
 * track and no episode). Plays and listening time are those of the imported rows.
 */
public record ImportCounts(long rows, long imported, long duplicates, long skipped, long plays, long msPlayed) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0);

    /** These counts after {@code replaced} imported rows turned out to be streams Earshot had already. */
    ImportCounts lessReplaced(long replaced, long replacedPlays, long replacedMs) {
        return new ImportCounts(
                rows,
                imported - replaced,
                duplicates + replaced,
                skipped,
                plays - replacedPlays,
                msPlayed - replacedMs);
    }
}
