package dev.earshot.demo;

/** The {@code limit} and {@code offset} of a Web API request, validated within Spotify's bounds. */
record PageWindow(int limit, int offset) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    static PageWindow parse(String limit, String offset) {
        return new PageWindow(
                number(limit, DEFAULT_LIMIT, 1, MAX_LIMIT, "Invalid limit"),
                number(offset, 0, 0, Integer.MAX_VALUE, "Invalid offset"));
    }

    private static int number(String raw, int absent, int min, int max, String complaint) {
        if (raw == null || raw.isEmpty()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below, like any other out-of-range value.
        }
        throw new WebApiFailure(400, complaint);
    }
}
