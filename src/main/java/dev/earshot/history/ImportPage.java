package dev.earshot.history;

import java.util.List;

/**
 * What the import page shows: the listener, the result of the import just sent without JavaScript (or none), the
 * imports before, and whether the demo's sample export is there to try.
 */
public record ImportPage(
        String displayName, ImportReport result, List<PastImport> past, boolean pastUnavailable, boolean demo) {}
