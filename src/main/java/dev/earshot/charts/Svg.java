package dev.earshot.charts;

import dev.earshot.web.SvgText;
import java.util.Locale;

/**
 * Writes one chart's SVG markup: the root with its accessible name and description, then shapes and text.
 * Geometry goes in attributes; colours, fonts and anchors come from classes in earshot.css (the CSP allows no
 * style attributes, and classes follow light and dark mode).
 */
final class Svg {

    private final StringBuilder out = new StringBuilder(4096);

    /** Opens the root element: {@code kind} is the class that styles this kind of chart. */
    Svg(String id, String kind, int width, int height, String title, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg ")
                .append(kind)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-svg-title ")
                .append(id)
                .append("-svg-desc\"><title id=\"")
                .append(id)
                .append("-svg-title\">")
                .append(SvgText.full(title))
                .append("</title><desc id=\"")
                .append(id)
                .append("-svg-desc\">")
                .append(SvgText.full(description))
                .append("</desc>");
    }

    /** Opens a group whose tooltip ({@code <title>}) is {@code title}, shown whole. */
    Svg group(String cssClass, String title) {
        out.append("<g class=\"").append(cssClass).append("\"><title>");
        out.append(SvgText.full(title)).append("</title>");
        return this;
    }

    Svg endGroup() {
        out.append("</g>");
        return this;
    }

    /** A rectangle; {@code title}, when not null, is its own tooltip. */
    Svg rect(String cssClass, double x, double y, double width, double height, String title) {
        out.append("<rect class=\"")
                .append(cssClass)
                .append("\" x=\"")
                .append(number(x))
                .append("\" y=\"")
                .append(number(y))
                .append("\" width=\"")
                .append(number(width))
                .append("\" height=\"")
                .append(number(height))
                .append('"');
        if (title == null) {
            out.append("/>");
        } else {
            out.append("><title>").append(SvgText.full(title)).append("</title></rect>");
        }
        return this;
    }

    Svg line(String cssClass, double x1, double y1, double x2, double y2) {
        out.append("<line class=\"")
                .append(cssClass)
                .append("\" x1=\"")
                .append(number(x1))
                .append("\" y1=\"")
                .append(number(y1))
                .append("\" x2=\"")
                .append(number(x2))
                .append("\" y2=\"")
                .append(number(y2))
                .append("\"/>");
        return this;
    }

    /** Text cut to about {@code maxWidth} user units at {@code fontSize} (an ellipsis when cut), escaped. */
    Svg text(String cssClass, double x, double y, String text, double maxWidth, double fontSize) {
        out.append("<text class=\"")
                .append(cssClass)
                .append("\" x=\"")
                .append(number(x))
                .append("\" y=\"")
                .append(number(y))
                .append("\">")
                .append(SvgText.name(text, Math.max(1, maxWidth / fontSize)))
                .append("</text>");
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }

    /** Coordinates with at most one decimal, always with a dot. */
    static String number(double value) {
        long rounded = Math.round(value * 10);
        if (rounded % 10 == 0) {
            return Long.toString(rounded / 10);
        }
        return String.format(Locale.ROOT, "%.1f", rounded / 10.0);
    }
}
