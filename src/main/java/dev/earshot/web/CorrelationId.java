package dev.earshot.web;

/** A short random reference shown on an error page and written in the matching log line (S25). */
public final class CorrelationId {

    private CorrelationId() {}

    public static String create() {
        return UrlSafeRandom.ofBytes(6);
    }
}
