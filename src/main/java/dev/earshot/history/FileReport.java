package dev.earshot.history;

/**
 * One file of an upload in the import's answer: what it was taken for and what became of its rows, or why it was
 * not imported ({@code error}, a plain sentence; then nothing of it was kept).
 */
public record FileReport(
        String name, String kind, long rows, long imported, long duplicates, long skipped, String error) {

    static FileReport imported(String name, ExportFileKind kind, ImportCounts counts) {
        return new FileReport(
                name, kind.label, counts.rows(), counts.imported(), counts.duplicates(), counts.skipped(), null);
    }

    static FileReport ignored(String name) {
        return new FileReport(name, ExportFileKind.IGNORED.label, 0, 0, 0, 0, null);
    }

    static FileReport refused(String name, ExportFileKind kind, String reason) {
        return new FileReport(name, kind.label, 0, 0, 0, 0, reason);
    }

    /** True when the file was left out on purpose (part of the export, but not listening history). */
    public boolean isIgnored() {
        return error == null && ExportFileKind.IGNORED.label.equals(kind);
    }
}
