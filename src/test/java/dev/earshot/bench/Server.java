package dev.earshot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A server the benchmark starts: its name in the report, its command and environment, and its now-playing URL. */
record Server(String name, List<String> command, Map<String, String> environment, String url) {

    /** The server's origin, e.g. {@code http://127.0.0.1:41234}. */
    String base() {
        return url.substring(0, url.indexOf("/api/"));
    }

    /** The name as a file name. */
    String slug() {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** The same server with {@code flag} among its JVM options (before {@code -jar}), under another name. */
    Server withJvmFlag(String newName, String flag) {
        List<String> flagged = new ArrayList<>(command);
        flagged.add(flagged.indexOf("-jar"), flag);
        return new Server(newName, flagged, environment, url);
    }
}
