package dev.earshot.embed;

import java.util.Locale;
import java.util.Objects;

/** How the SVG card looks, as the embedding README asks for it with {@code ?theme=&width=&show=}. */
public record CardOptions(Theme theme, int width, boolean showProgress, boolean showArt) {

    public static final int MIN_WIDTH = 300;
    public static final int MAX_WIDTH = 800;
    public static final int DEFAULT_WIDTH = 480;

    /** Light and dark follow the viewer's colour scheme (auto), or are fixed. */
    public static final CardOptions DEFAULTS = new CardOptions(Theme.AUTO, DEFAULT_WIDTH, true, true);

    static final String THEME_MESSAGE = "theme must be light, dark or auto";
    static final String WIDTH_MESSAGE = "width must be a number between " + MIN_WIDTH + " and " + MAX_WIDTH;
    static final String SHOW_MESSAGE = "show accepts progress and art, comma separated";

    /** The card's colours: fixed light, fixed dark, or the viewer's preference. */
    public enum Theme {
        LIGHT,
        DARK,
        AUTO
    }

    public CardOptions {
        Objects.requireNonNull(theme, THEME_MESSAGE);
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new IllegalArgumentException(WIDTH_MESSAGE);
        }
    }

    /**
     * Options from query parameters; a missing (null or blank) parameter takes its default, and
     * {@code show} present but empty shows neither progress nor art.
     *
     * @throws IllegalArgumentException with a message fit for a 400 answer
     */
    public static CardOptions parse(String theme, String width, String show) {
        return new CardOptions(
                parseTheme(theme),
                parseWidth(width),
                show == null || shows(show, "progress"),
                show == null || shows(show, "art"));
    }

    private static Theme parseTheme(String theme) {
        if (theme == null || theme.isBlank()) {
            return DEFAULTS.theme();
        }
        return switch (theme.strip().toLowerCase(Locale.ROOT)) {
            case "light" -> Theme.LIGHT;
            case "dark" -> Theme.DARK;
            case "auto" -> Theme.AUTO;
            default -> throw new IllegalArgumentException(THEME_MESSAGE);
        };
    }

    private static int parseWidth(String width) {
        if (width == null || width.isBlank()) {
            return DEFAULT_WIDTH;
        }
        // Digits only: Integer.parseInt would also take "+480" and other spellings.
        if (!width.strip().matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException(WIDTH_MESSAGE);
        }
        return Integer.parseInt(width.strip());
    }

    /** Whether the comma-separated {@code show} list names {@code part}, after checking it names nothing unknown. */
    private static boolean shows(String show, String part) {
        boolean found = false;
        for (String item : show.split(",", -1)) {
            String name = item.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.equals("progress") && !name.equals("art")) {
                throw new IllegalArgumentException(SHOW_MESSAGE);
            }
            found |= name.equals(part);
        }
        return found;
    }
}
