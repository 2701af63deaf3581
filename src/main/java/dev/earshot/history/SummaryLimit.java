package dev.earshot.history;

/** How many top artists and tracks a summary lists: {@value #DEFAULT} unless asked, at most {@value #MAX}. */
public final class SummaryLimit {

    public static final int DEFAULT = 10;
    public static final int MAX = 50;

    private SummaryLimit() {}

    /** The {@code limit} query parameter; anything but a whole number from 1 to {@value #MAX} is a {@link BadHistoryQuery}. */
    public static int parse(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX) {
            throw new BadHistoryQuery("'limit' must be a whole number from 1 to " + MAX + ".");
        }
        return limit;
    }
}
