package dev.earshot.history;

import java.time.Instant;

/** One file imported earlier, as the import page lists it. */
public record PastImport(String fileName, String kind, Instant importedAt, ImportCounts counts) {}
