package dev.earshot.history;

import dev.earshot.config.ImportConfig;
import dev.earshot.database.Database;
import dev.earshot.database.DatabaseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jboss.logging.Logger;

/**
 * Imports the files of one upload for one listener: the export's zip or its JSON files, each history file in a
 * transaction of its own (all of it or none of it), Extended files before Account data (so the Extended row, which
 * has the URI, is the one kept). Anything that is not a history file is reported by name with a plain reason.
 */
@ApplicationScoped
public class ExportImporter {

    private static final Logger LOG = Logger.getLogger(ExportImporter.class);

    /** The longest file name kept and shown (names come from the uploader). */
    private static final int MAX_NAME_CODE_POINTS = 300;

    /** How far from a file's rows the twins it removes can lie: Account rows are to the minute. */
    private static final Duration TWIN_REACH = Duration.ofMinutes(1);

    /** One uploaded file, already on disk in the scratch directory. */
    public record Upload(String name, Path file) {}

    /** A history file waiting to be imported: an upload, or an entry of an uploaded zip. */
    private record Pending(String name, ExportFileKind kind, ZipFile zip, ZipEntry entry, Path file) {}

    /** What became of one history file, with the plays and time it added. */
    private record Outcome(FileReport report, ImportCounts counts) {
        static Outcome refused(Pending file, String reason) {
            return new Outcome(FileReport.refused(file.name(), file.kind(), reason), ImportCounts.NONE);
        }
    }

    private final Database database;
    private final ImportConfig limits;
    private final Clock clock;
    private final RollupBuilder rollups;

    ExportImporter(Database database, ImportConfig limits, Clock clock, RollupBuilder rollups) {
        this.database = database;
        this.limits = limits;
        this.clock = clock;
        this.rollups = rollups;
    }

    public ImportReport importAll(String listenerId, List<Upload> uploads) {
        List<FileReport> reports = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        List<ZipFile> zips = new ArrayList<>();
        try {
            long total = 0;
            for (Upload upload : uploads) {
                total += size(upload.file());
            }
            long maxTotal = limits.maxTotalSize().asLongValue();
            if (total > maxTotal) {
                for (Upload upload : uploads) {
                    reports.add(FileReport.refused(
                            shown(baseName(upload.name())),
                            ExportFileKind.ofUpload(baseName(upload.name())),
                            "The upload is larger than " + ByteSizes.readable(maxTotal)
                                    + " in all, the limit for one import: send the files in parts."));
                }
                return new ImportReport(reports, 0, 0);
            }
            for (Upload upload : uploads) {
                classify(upload, reports, pending, zips);
            }
            // Extended history first: an Account-data row then finds its Extended twin and is not stored.
            pending.sort(Comparator.comparing(file -> file.kind() == ExportFileKind.EXTENDED ? 0 : 1));
            ZipEntryStream.Budget unpacked =
                    new ZipEntryStream.Budget(limits.maxUnpackedSize().asLongValue());
            long plays = 0;
            long msPlayed = 0;
            for (Pending file : pending) {
                Outcome outcome = importOne(listenerId, file, unpacked);
                reports.add(outcome.report());
                plays += outcome.counts().plays();
                msPlayed += outcome.counts().msPlayed();
            }
            rollups.wake();
            return new ImportReport(reports, plays, msPlayed);
        } finally {
            for (ZipFile zip : zips) {
                try {
                    zip.close();
                } catch (IOException e) {
                    LOG.debugf("Closing an uploaded zip failed: %s", e.getMessage());
                }
            }
        }
    }

    private void classify(Upload upload, List<FileReport> reports, List<Pending> pending, List<ZipFile> zips) {
        String name = shown(baseName(upload.name()));
        ExportFileKind kind = ExportFileKind.ofUpload(baseName(upload.name()));
        switch (kind) {
            case ZIP -> classifyZip(upload, name, reports, pending, zips);
            case IGNORED -> reports.add(FileReport.ignored(name));
            case UNKNOWN ->
                reports.add(FileReport.refused(
                        name,
                        kind,
                        "Not a file of Spotify's data export: send the export's zip, or its"
                                + " Streaming_History_Audio_… and StreamingHistory_… JSON files."));
            default -> {
                long maxFile = limits.maxFileSize().asLongValue();
                if (size(upload.file()) > maxFile) {
                    reports.add(FileReport.refused(
                            name,
                            kind,
                            "The file is larger than " + ByteSizes.readable(maxFile)
                                    + ", the limit for one file; Spotify's files are far smaller."));
                } else {
                    pending.add(new Pending(name, kind, null, null, upload.file()));
                }
            }
        }
    }

    private void classifyZip(
            Upload upload, String name, List<FileReport> reports, List<Pending> pending, List<ZipFile> zips) {
        ZipFile zip;
        try {
            zip = new ZipFile(upload.file().toFile());
        } catch (ZipException e) {
            reports.add(FileReport.refused(name, ExportFileKind.ZIP, "This is not a readable zip file."));
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        zips.add(zip);
        if (zip.size() > limits.maxZipEntries()) {
            reports.add(FileReport.refused(
                    name,
                    ExportFileKind.ZIP,
                    "The zip has " + zip.size() + " entries, more than the " + limits.maxZipEntries()
                            + " an export ever has: refused."));
            return;
        }
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            String path = entry.getName();
            String shownPath = shown(path);
            if (!ZipEntryNames.isSafe(path)) {
                reports.add(FileReport.refused(
                        shownPath,
                        ExportFileKind.UNKNOWN,
                        "The entry's name points outside the export (\"..\" or an absolute path): refused."));
                continue;
            }
            ExportFileKind kind = ExportFileKind.ofZipEntry(path);
            switch (kind) {
                case IGNORED -> reports.add(FileReport.ignored(shownPath));
                case ZIP, UNKNOWN ->
                    reports.add(FileReport.refused(
                            shownPath, ExportFileKind.UNKNOWN, "Not a file of Spotify's data export: left unread."));
                default -> pending.add(new Pending(shownPath, kind, zip, entry, null));
            }
        }
    }

    private Outcome importOne(String listenerId, Pending file, ZipEntryStream.Budget unpacked) {
        try {
            ImportCounts counts = database.inTransaction(connection -> {
                long importId = ImportRecords.start(connection, listenerId, file.name(), file.kind(), clock.instant());
                ImportCounts written;
                try (InputStream in = open(file, unpacked);
                        PlayBatchWriter writer = new PlayBatchWriter(
                                connection, listenerId, importId, file.kind() != ExportFileKind.EXTENDED)) {
                    // The writer holds at most one batch: the file itself is never in memory.
                    ExportFileParser.parse(in, file.kind(), writer);
                    writer.flush();
                    written = writer.counts();
                    if (file.kind() == ExportFileKind.EXTENDED) {
                        written = ExtendedTwins.removeFor(
                                connection, listenerId, importId, writer.earliest(), writer.latest(), written);
                    }
                    if (writer.earliest() != null) {
                        // Twins removed lie within a minute of the file's rows (Account rows are to the minute).
                        Rollups.markDirty(
                                connection,
                                listenerId,
                                writer.earliest().minus(TWIN_REACH),
                                writer.latest().plus(TWIN_REACH));
                    }
                } catch (BadExportFile e) {
                    throw new Refused(e.getMessage());
                } catch (ZipEntryStream.LimitExceeded e) {
                    throw new Refused(e.getMessage());
                } catch (IOException e) {
                    throw new Refused("The file could not be read to its end: " + e.getMessage());
                }
                ImportRecords.finish(connection, importId, written);
                return written;
            });
            return new Outcome(FileReport.imported(file.name(), file.kind(), counts), counts);
        } catch (Refused e) {
            return Outcome.refused(file, e.getMessage() + " Nothing of this file was imported.");
        } catch (DatabaseException e) {
            LOG.errorf(e, "Importing %s failed in the database", file.name());
            return Outcome.refused(
                    file,
                    "Earshot could not store this file (its database failed). Nothing of this file was imported;"
                            + " try again later.");
        }
    }

    private InputStream open(Pending file, ZipEntryStream.Budget unpacked) throws IOException {
        if (file.zip() == null) {
            return Files.newInputStream(file.file());
        }
        long packed = file.entry().getCompressedSize();
        return new ZipEntryStream(
                file.zip().getInputStream(file.entry()),
                packed > 0 ? packed : Files.size(Path.of(file.zip().getName())),
                limits.maxFileSize().asLongValue(),
                limits.maxCompressionRatio(),
                unpacked);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name without any folder the browser or uploader put in front. */
    private static String baseName(String name) {
        String plain = name == null ? "" : name;
        return plain.substring(Math.max(plain.lastIndexOf('/'), plain.lastIndexOf('\\')) + 1);
    }

    private static String shown(String name) {
        String plain = name.isEmpty() ? "(no name)" : name;
        if (plain.codePointCount(0, plain.length()) <= MAX_NAME_CODE_POINTS) {
            return plain;
        }
        return plain.substring(0, plain.offsetByCodePoints(0, MAX_NAME_CODE_POINTS)) + "…";
    }

    /** A file refused halfway: thrown out of the file's transaction so none of its rows stay. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
