package dev.earshot.charts;

import java.util.Locale;

/** Numbers as the charts write them: "1 play", "1,234 plays". */
final class Counts {

    private Counts() {}

    static String of(long count, String one, String many) {
        return number(count) + " " + (count == 1 ? one : many);
    }

    static String number(long count) {
        return String.format(Locale.ENGLISH, "%,d", count);
    }
}
