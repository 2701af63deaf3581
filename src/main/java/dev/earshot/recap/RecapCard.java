package dev.earshot.recap;

import dev.earshot.figures.Ranked;
import dev.earshot.web.SvgText;
import java.util.List;

/**
 * The recap as a card for sharing: one 1200×630 SVG document (the size link previews use) with the headline
 * figures — minutes, top artist and track, the top five artists, the longest streak, the period. It references
 * nothing outside itself (no fonts, no images, no links) and is well-formed XML whatever the names contain: every
 * name is cleaned, cut with "…" to its room and escaped by {@link SvgText} (S22). Anonymous, like a shared recap.
 */
public final class RecapCard {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;

    private static final int LEFT = 72;
    private static final int RIGHT_COLUMN = 720;
    private static final int LEFT_WIDTH = 600;
    private static final int RIGHT_WIDTH = WIDTH - RIGHT_COLUMN - 64;
    /** Names in the title and description are cut too, though more generously than on the card. */
    private static final double ACCESSIBLE_NAME_EMS = 60;

    private static final String FONTS = "-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif,"
            + "'Apple Color Emoji','Segoe UI Emoji'";
    private static final String TEXT = "#eef1f4";
    private static final String MUTED = "#a3acb7";
    private static final String ACCENT = "#1ed760";

    private RecapCard() {}

    public static String of(Recap recap) {
        String heading = recap.period().label() + (recap.soFar() ? " so far" : "");
        String title = "A listener's " + heading + " on Earshot";
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + HEIGHT
                + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\""
                + " aria-labelledby=\"recap-card-title recap-card-desc\" font-family=\"" + FONTS + "\">");
        svg.append("<title id=\"recap-card-title\">")
                .append(SvgText.escape(title))
                .append("</title>");
        svg.append("<desc id=\"recap-card-desc\">").append(description(recap)).append("</desc>");
        svg.append("<rect width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" fill=\"#0f1113\"/>");
        svg.append("<rect width=\"14\" height=\"" + HEIGHT + "\" fill=\"" + ACCENT + "\"/>");
        text(svg, LEFT, 92, 30, 700, ACCENT, "Earshot · " + SvgText.escape(SvgText.fit(SvgText.clean(heading), 30)));
        if (recap.empty()) {
            text(svg, LEFT, 300, 64, 800, TEXT, "Nothing played");
            text(
                    svg,
                    LEFT,
                    360,
                    30,
                    400,
                    MUTED,
                    "in " + SvgText.escape(recap.period().label()));
            return svg.append("</svg>").toString();
        }
        text(svg, LEFT, 152, 26, 400, MUTED, "Minutes listened");
        text(svg, LEFT, 256, 112, 800, TEXT, recap.minutesText());
        List<Ranked> artists = recap.topArtists();
        List<Ranked> tracks = recap.topTracks();
        if (!artists.isEmpty()) {
            text(svg, LEFT, 322, 26, 400, MUTED, "Top artist");
            text(svg, LEFT, 370, 42, 700, TEXT, SvgText.name(artists.get(0).name(), ems(LEFT_WIDTH, 42)));
        }
        if (!tracks.isEmpty()) {
            Ranked track = tracks.get(0);
            text(svg, LEFT, 426, 26, 400, MUTED, "Top track");
            text(svg, LEFT, 470, 36, 700, TEXT, SvgText.name(track.name(), ems(LEFT_WIDTH, 36)));
            if (track.artist() != null) {
                text(svg, LEFT, 506, 26, 400, MUTED, SvgText.name(track.artist(), ems(LEFT_WIDTH, 26)));
            }
        }
        text(svg, LEFT, 574, 30, 700, TEXT, "Longest streak: " + SvgText.escape(recap.longestStreakText()));
        text(svg, RIGHT_COLUMN, 152, 26, 400, MUTED, "Top artists");
        for (int i = 0; i < artists.size(); i++) {
            int y = 214 + i * 72;
            text(svg, RIGHT_COLUMN, y, 36, 800, ACCENT, String.valueOf(i + 1));
            text(
                    svg,
                    RIGHT_COLUMN + 48,
                    y,
                    34,
                    600,
                    TEXT,
                    SvgText.name(artists.get(i).name(), ems(RIGHT_WIDTH - 48, 34)));
        }
        return svg.append("</svg>").toString();
    }

    /** The figures in words, for screen readers and for anyone who cannot see the card. */
    private static String description(Recap recap) {
        if (recap.empty()) {
            return SvgText.escape("Nothing played in " + recap.period().label() + ".");
        }
        StringBuilder words = new StringBuilder();
        words.append(SvgText.escape(recap.minutesText() + " minutes listened."));
        if (!recap.topArtists().isEmpty()) {
            words.append(" Top artist: ")
                    .append(accessible(recap.topArtists().get(0).name()))
                    .append('.');
        }
        if (!recap.topTracks().isEmpty()) {
            Ranked track = recap.topTracks().get(0);
            words.append(" Top track: ").append(accessible(track.name()));
            if (track.artist() != null) {
                words.append(" by ").append(accessible(track.artist()));
            }
            words.append('.');
        }
        words.append(" Longest streak: ")
                .append(SvgText.escape(recap.longestStreakText()))
                .append('.');
        return words.toString();
    }

    private static String accessible(String name) {
        return SvgText.escape("\u2068" + SvgText.fit(SvgText.clean(name), ACCESSIBLE_NAME_EMS) + "\u2069");
    }

    /** How many ems of a font size fit a width. */
    private static double ems(int width, int fontSize) {
        return (double) width / fontSize;
    }

    /** One line of text; {@code content} is escaped already. */
    private static void text(StringBuilder svg, int x, int y, int size, int weight, String fill, String content) {
        svg.append("<text x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" font-size=\"")
                .append(size)
                .append("\" font-weight=\"")
                .append(weight)
                .append("\" fill=\"")
                .append(fill)
                .append("\">")
                .append(content)
                .append("</text>");
    }
}
