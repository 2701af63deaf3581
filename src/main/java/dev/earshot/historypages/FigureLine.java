package dev.earshot.historypages;

/**
 * One total of the period with how it compares with the period before, in words and a text arrow (never colour
 * alone): "▲" and "12% on 2025".
 *
 * @param symbol ▲, ▼ or =; null when there is nothing to compare with
 * @param change the comparison in words, such as "12% on 2025" or "new: none in 2025"; null when none
 * @param direction up, down or same, for the style only
 */
public record FigureLine(String name, String value, String symbol, String change, String direction) {}
