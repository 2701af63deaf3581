package dev.earshot.embed;

import dev.earshot.embed.CardOptions.Theme;
import dev.earshot.listening.ArtistCredit;
import dev.earshot.listening.NowPlaying;
import dev.earshot.listening.Track;
import dev.earshot.web.ListeningFormats;
import dev.earshot.web.SvgText;
import java.util.List;
import java.util.Objects;

/**
 * The "now playing" card for a README: one self-contained SVG document that references nothing
 * outside itself (S19) and is well-formed XML whatever the names contain (S22). The same input
 * always gives the same document, so it can carry an ETag.
 */
public final class SvgCard {

    private static final int PAD = 16;
    private static final int ART_GAP = 14;
    private static final int HEIGHT = 124;
    private static final int HEIGHT_WITHOUT_PROGRESS = 100;
    private static final int LABEL_Y = 29;
    private static final int TITLE_Y = 54;
    private static final int SUBTITLE_Y = 74;
    private static final int BAR_Y = 88;
    private static final int TIME_Y = 106;
    /** Room before the label for the equaliser, pause or offline mark. */
    private static final int MARK_ROOM = 18;
    /** Below this text width only the Spotify icon fits beside the label, not the word too. */
    private static final int ROOM_FOR_WORDMARK = 240;
    /** Names in the accessible title are cut too, though more generously than on screen. */
    private static final double ACCESSIBLE_NAME_EMS = 80;

    private static final String FONTS = "-apple-system,BlinkMacSystemFont,\"Segoe UI\",Helvetica,Arial,sans-serif,"
            + "\"Apple Color Emoji\",\"Segoe UI Emoji\"";
    private static final String BASE_STYLE = "text{font-family:" + FONTS + "}"
            + ".label{font-size:12px;font-weight:600}.title{font-size:16px;font-weight:700}.subtitle{font-size:13px}"
            + ".time{font-size:11px;font-variant-numeric:tabular-nums}.brand{font-size:11px;font-weight:600}"
            + ".eq rect{transform-box:fill-box;transform-origin:50% 100%;animation:eq .9s ease-in-out infinite alternate}"
            + ".eq rect:nth-child(2){animation-delay:-.3s}.eq rect:nth-child(3){animation-delay:-.6s}"
            + "@keyframes eq{from{transform:scaleY(.3)}to{transform:scaleY(1)}}"
            + "@media (prefers-reduced-motion:reduce){.eq rect{animation:none}}";
    private static final String LIGHT = ".card{fill:#ffffff;stroke:#d0d7de}.fg{fill:#1f2328}.muted{fill:#59636e}"
            + ".track{fill:#d0d7de}.accent{fill:#1db954}.ph{fill:#eaeef2}.ph-mark{fill:#8c959f}";
    private static final String DARK = ".card{fill:#0d1117;stroke:#30363d}.fg{fill:#e6edf3}.muted{fill:#9198a1}"
            + ".track{fill:#30363d}.accent{fill:#1ed760}.ph{fill:#21262d}.ph-mark{fill:#6e7681}";

    /** The small sign before the label. */
    private enum Mark {
        EQUALISER,
        PAUSED,
        OFFLINE,
        NONE
    }

    /**
     * The words of the card. {@code labels} are alternatives, longest first, for narrow cards;
     * {@code durationMs} is 0 when there is no progress to show; {@code accessibleName} is clean
     * already, its names cut and isolated.
     */
    private record View(
            Mark mark, List<String> labels, String title, String subtitle, long durationMs, String accessibleName) {

        static View of(CardContent content) {
            if (content.showsNowPlaying()) {
                NowPlaying item = content.nowPlaying();
                String title = orUntitled(item.title());
                String subtitle =
                        item.isEpisode() && item.collection() != null ? item.collection() : names(item.creators());
                String label = item.isPlaying() ? "Now playing" : "Paused";
                return new View(
                        item.isPlaying() ? Mark.EQUALISER : Mark.PAUSED,
                        List.of(label),
                        title,
                        subtitle,
                        Math.max(0, item.durationMs()),
                        label + " on Spotify: " + joined(title, subtitle));
            }
            String lead = content.offline() ? "Offline" : "Not playing";
            Mark mark = content.offline() ? Mark.OFFLINE : Mark.NONE;
            if (content.showsLastPlayed()) {
                Track track = content.lastPlayed().track();
                String title = orUntitled(track.name());
                String subtitle = names(track.artists());
                String label = lead + " — last played:";
                return new View(
                        mark,
                        List.of(label, content.offline() ? "Offline" : "Last played:"),
                        title,
                        subtitle,
                        0,
                        label + " " + joined(title, subtitle));
            }
            String title = content.offline() ? "Now playing unavailable" : "Nothing playing";
            return new View(mark, List.of(lead), title, "", 0, lead + " on Spotify: " + title);
        }

        private static String orUntitled(String title) {
            return title == null || title.isBlank() ? "Untitled" : title;
        }

        private static String names(List<ArtistCredit> credits) {
            return credits == null
                    ? ""
                    : String.join(
                            ", ",
                            credits.stream()
                                    .filter(Objects::nonNull)
                                    .map(ArtistCredit::name)
                                    .filter(Objects::nonNull)
                                    .toList());
        }

        /** Title and subtitle for the accessible name, each cleaned, cut and isolated like the visible lines. */
        private static String joined(String title, String subtitle) {
            return subtitle.isBlank() ? isolated(title) : isolated(title) + " — " + isolated(subtitle);
        }

        private static String isolated(String name) {
            return "\u2068" + SvgText.fit(SvgText.clean(name), ACCESSIBLE_NAME_EMS) + "\u2069";
        }
    }

    /** Where things go for the chosen width and parts. */
    private record Layout(int width, int height, int artSize, int textX, int textWidth) {

        static Layout of(CardOptions options) {
            int height = options.showProgress() ? HEIGHT : HEIGHT_WITHOUT_PROGRESS;
            int artSize = height - 2 * PAD;
            int textX = options.showArt() ? PAD + artSize + ART_GAP : PAD;
            return new Layout(options.width(), height, artSize, textX, options.width() - PAD - textX);
        }

        boolean roomForWordmark() {
            return textWidth >= ROOM_FOR_WORDMARK;
        }
    }

    private SvgCard() {}

    /** The complete SVG document for {@code content}, as {@code options} ask. */
    public static String render(CardContent content, CardOptions options) {
        View view = View.of(content);
        Layout layout = Layout.of(options);
        StringBuilder svg = new StringBuilder(
                2048 + (content.artDataUri() == null ? 0 : content.artDataUri().length()));
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(layout.width())
                .append("\" height=\"")
                .append(layout.height())
                .append("\" viewBox=\"0 0 ")
                .append(layout.width())
                .append(' ')
                .append(layout.height())
                .append("\" role=\"img\" aria-labelledby=\"card-title\">\n");
        svg.append("<title id=\"card-title\">")
                .append(SvgText.escape(view.accessibleName()))
                .append("</title>\n");
        svg.append("<style>").append(style(options.theme())).append("</style>\n");
        svg.append("<defs><clipPath id=\"art-clip\"><rect x=\"")
                .append(PAD)
                .append("\" y=\"")
                .append(PAD)
                .append("\" width=\"")
                .append(layout.artSize())
                .append("\" height=\"")
                .append(layout.artSize())
                .append("\" rx=\"6\"/></clipPath><clipPath id=\"text-clip\"><rect x=\"")
                .append(layout.textX())
                .append("\" y=\"0\" width=\"")
                .append(layout.textWidth())
                .append("\" height=\"")
                .append(layout.height())
                .append("\"/></clipPath></defs>\n");
        svg.append("<rect class=\"card\" x=\"0.5\" y=\"0.5\" width=\"")
                .append(layout.width() - 1)
                .append("\" height=\"")
                .append(layout.height() - 1)
                .append("\" rx=\"10\"/>\n");
        if (options.showArt()) {
            art(svg, layout, content.artDataUri());
        }
        // Text is fitted by estimate; the clip keeps an underestimated name inside its column anyway.
        svg.append("<g clip-path=\"url(#text-clip)\">\n");
        mark(svg, layout, view.mark());
        label(svg, layout, view);
        line(svg, "title fg", layout.textX(), TITLE_Y, view.title(), layout.textWidth() / (16 * 1.08));
        if (!view.subtitle().isBlank()) {
            line(svg, "subtitle muted", layout.textX(), SUBTITLE_Y, view.subtitle(), layout.textWidth() / 13.0);
        }
        if (options.showProgress() && view.durationMs() > 0) {
            progress(svg, layout, Math.min(Math.max(0, content.progressMs()), view.durationMs()), view.durationMs());
        }
        svg.append("</g>\n");
        attribution(svg, layout);
        return svg.append("</svg>\n").toString();
    }

    private static String style(Theme theme) {
        return switch (theme) {
            case LIGHT -> BASE_STYLE + LIGHT;
            case DARK -> BASE_STYLE + DARK;
            case AUTO -> BASE_STYLE + LIGHT + "@media (prefers-color-scheme: dark){" + DARK + "}";
        };
    }

    private static void art(StringBuilder svg, Layout layout, String dataUri) {
        int size = layout.artSize();
        // Only a raster data: URI gets in; anything else (a URL, SVG) could reach outside the card.
        if (ImageFormat.isDataUri(dataUri)) {
            svg.append("<image href=\"")
                    .append(dataUri)
                    .append("\" x=\"")
                    .append(PAD)
                    .append("\" y=\"")
                    .append(PAD)
                    .append("\" width=\"")
                    .append(size)
                    .append("\" height=\"")
                    .append(size)
                    .append("\" preserveAspectRatio=\"xMidYMid slice\" clip-path=\"url(#art-clip)\"/>\n");
            return;
        }
        svg.append("<g class=\"placeholder\"><rect class=\"ph\" x=\"")
                .append(PAD)
                .append("\" y=\"")
                .append(PAD)
                .append("\" width=\"")
                .append(size)
                .append("\" height=\"")
                .append(size)
                .append("\" rx=\"6\"/>")
                .append("<g class=\"ph-mark\" transform=\"translate(")
                .append(PAD)
                .append(' ')
                .append(PAD)
                .append(") scale(")
                .append(size / 100.0)
                .append(")\"><rect x=\"52\" y=\"26\" width=\"6\" height=\"42\"/>")
                .append(
                        "<path d=\"M58 26L76 33V42L58 35Z\"/><ellipse cx=\"46\" cy=\"68\" rx=\"11\" ry=\"8.5\"/></g></g>\n");
    }

    private static void mark(StringBuilder svg, Layout layout, Mark mark) {
        int x = layout.textX();
        switch (mark) {
            case EQUALISER ->
                svg.append("<g class=\"eq accent\"><rect x=\"")
                        .append(x)
                        .append("\" y=\"19\" width=\"3\" height=\"10\"/>")
                        .append("<rect x=\"")
                        .append(x + 5)
                        .append("\" y=\"19\" width=\"3\" height=\"10\"/>")
                        .append("<rect x=\"")
                        .append(x + 10)
                        .append("\" y=\"19\" width=\"3\" height=\"10\"/></g>\n");
            case PAUSED ->
                svg.append("<g class=\"paused fg\"><rect x=\"")
                        .append(x + 1)
                        .append("\" y=\"19\" width=\"3\" height=\"10\"/>")
                        .append("<rect x=\"")
                        .append(x + 8)
                        .append("\" y=\"19\" width=\"3\" height=\"10\"/></g>\n");
            case OFFLINE ->
                svg.append("<circle class=\"offline muted\" cx=\"")
                        .append(x + 6)
                        .append("\" cy=\"24\" r=\"4\"/>\n");
            case NONE -> {
                // Idle: the label stands alone.
            }
        }
    }

    private static void label(StringBuilder svg, Layout layout, View view) {
        int markRoom = view.mark() == Mark.NONE ? 0 : MARK_ROOM;
        int brandRoom = layout.roomForWordmark() ? 72 : 26;
        double ems = (layout.textWidth() - markRoom - brandRoom) / (12 * 1.04);
        String label = view.labels().stream()
                .filter(candidate -> SvgText.fits(candidate, ems))
                .findFirst()
                .orElse(view.labels().get(view.labels().size() - 1));
        line(svg, "label muted", layout.textX() + markRoom, LABEL_Y, label, ems);
    }

    private static void line(StringBuilder svg, String classes, int x, int y, String text, double ems) {
        svg.append("<text class=\"")
                .append(classes)
                .append("\" x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" direction=\"ltr\">")
                .append(SvgText.name(text, ems))
                .append("</text>\n");
    }

    private static void progress(StringBuilder svg, Layout layout, long elapsedMs, long durationMs) {
        long filled = Math.round((double) layout.textWidth() * elapsedMs / durationMs);
        svg.append("<rect class=\"track\" x=\"")
                .append(layout.textX())
                .append("\" y=\"")
                .append(BAR_Y)
                .append("\" width=\"")
                .append(layout.textWidth())
                .append("\" height=\"4\" rx=\"2\"/>\n");
        svg.append("<rect class=\"fill accent\" x=\"")
                .append(layout.textX())
                .append("\" y=\"")
                .append(BAR_Y)
                .append("\" width=\"")
                .append(filled)
                .append("\" height=\"4\" rx=\"2\"/>\n");
        svg.append("<text class=\"time muted\" x=\"")
                .append(layout.textX())
                .append("\" y=\"")
                .append(TIME_Y)
                .append("\">")
                .append(ListeningFormats.clock(elapsedMs))
                .append(" / ")
                .append(ListeningFormats.clock(durationMs))
                .append("</text>\n");
    }

    /** Spotify's round mark, drawn here because the card may load nothing, and its name when there is room. */
    private static void attribution(StringBuilder svg, Layout layout) {
        int right = layout.width() - PAD;
        int centreX = layout.roomForWordmark() ? right - 52 : right - 7;
        svg.append("<g class=\"spotify\"><circle class=\"accent\" cx=\"")
                .append(centreX)
                .append("\" cy=\"24\" r=\"7\"/>")
                .append("<g transform=\"translate(")
                .append(centreX)
                .append(" 24)\" fill=\"none\" stroke=\"#000000\" stroke-linecap=\"round\">")
                .append("<path d=\"M-4.2 -2.2Q0 -3.8 4.2 -1.4\" stroke-width=\"1.5\"/>")
                .append("<path d=\"M-3.5 0.5Q0 -0.8 3.5 1\" stroke-width=\"1.2\"/>")
                .append("<path d=\"M-2.9 2.9Q0 2 2.9 3.2\" stroke-width=\"1\"/></g>");
        if (layout.roomForWordmark()) {
            svg.append("<text class=\"brand muted\" x=\"")
                    .append(right)
                    .append("\" y=\"")
                    .append(LABEL_Y)
                    .append("\" text-anchor=\"end\">Spotify</text>");
        }
        svg.append("</g>\n");
    }
}
