package dev.earshot.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The five shades of the heatmap and the clock in earshot.css: one hue, and lightness that differs enough from level
 * to level to be told apart in greyscale, in light mode (darker is more) and in dark mode (lighter is more).
 */
class ChartColoursTest {

    /** CIE L* steps between neighbouring levels; 10 is clearly visible in greyscale. */
    private static final double MIN_STEP = 10;

    private static final Pattern LEVELS = Pattern.compile(
            "\\.chart-figure \\{ --level-0: (#\\w{6}); --level-1: (#\\w{6}); --level-2: (#\\w{6}); --level-3: (#\\w{6});"
                    + " --level-4: (#\\w{6}); }");

    @Test
    void levelsDifferInLightnessStepByStepInLightAndDarkMode() throws IOException {
        List<List<String>> modes = modes();
        assertEquals(2, modes.size(), "light, then dark inside prefers-color-scheme");

        List<Double> light =
                modes.get(0).stream().map(ChartColoursTest::lightness).toList();
        List<Double> dark =
                modes.get(1).stream().map(ChartColoursTest::lightness).toList();
        for (int level = 1; level < 5; level++) {
            assertTrue(
                    light.get(level - 1) - light.get(level) >= MIN_STEP, "light mode, level " + level + ": " + light);
            assertTrue(dark.get(level) - dark.get(level - 1) >= MIN_STEP, "dark mode, level " + level + ": " + dark);
        }
    }

    @Test
    void levelsAboveZeroAreOneGreenHueNeverRedAgainstGreen() throws IOException {
        for (List<String> mode : modes()) {
            for (String colour : mode.subList(1, 5)) {
                double hue = hue(colour);
                assertTrue(hue > 120 && hue < 160, colour + " has hue " + hue);
            }
        }
    }

    private static List<List<String>> modes() throws IOException {
        String css;
        try (InputStream in = ChartColoursTest.class.getResourceAsStream("/META-INF/resources/css/earshot.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<List<String>> modes = new ArrayList<>();
        Matcher matcher = LEVELS.matcher(css);
        while (matcher.find()) {
            List<String> colours = new ArrayList<>();
            for (int group = 1; group <= 5; group++) {
                colours.add(matcher.group(group));
            }
            modes.add(colours);
        }
        return modes;
    }

    private static double[] rgb(String hex) {
        return new double[] {
            Integer.parseInt(hex.substring(1, 3), 16) / 255.0,
            Integer.parseInt(hex.substring(3, 5), 16) / 255.0,
            Integer.parseInt(hex.substring(5, 7), 16) / 255.0
        };
    }

    /** CIE L* of an sRGB colour: how light it looks, and so how light it prints in greyscale. */
    static double lightness(String hex) {
        double[] c = rgb(hex);
        double y = 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
        return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    private static double hue(String hex) {
        double[] c = rgb(hex);
        double max = Math.max(c[0], Math.max(c[1], c[2]));
        double min = Math.min(c[0], Math.min(c[1], c[2]));
        double d = max - min;
        double hue;
        if (max == c[0]) {
            hue = 60 * (((c[1] - c[2]) / d) % 6);
        } else if (max == c[1]) {
            hue = 60 * ((c[2] - c[0]) / d + 2);
        } else {
            hue = 60 * ((c[0] - c[1]) / d + 4);
        }
        return hue < 0 ? hue + 360 : hue;
    }
}
