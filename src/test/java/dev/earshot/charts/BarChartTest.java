package dev.earshot.charts;

import static dev.earshot.charts.ChartAssertions.MARKUP;
import static dev.earshot.charts.ChartAssertions.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.web.SvgText;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class BarChartTest {

    private static final String LONG = "L".repeat(999) + "!";

    @Test
    void barsAreProportionalWithTheLongestAtFullWidthAndEveryValueWritten() {
        Chart chart = BarChart.of(
                "top-artists",
                "Top artists",
                "Your five most played artists",
                List.of(new Bar("Ada", 40, "40 plays"), new Bar("Bo", 10, "10 plays"), new Bar("Cy", 0, "0 plays")));
        Document document = ChartAssertions.accessible(chart);

        List<Element> bars = ChartAssertions.withClass(document, "rect", "chart-bar");
        assertEquals(3, bars.size());
        assertEquals(BarChart.BAR_MAX_WIDTH, number(bars.get(0), "width"));
        assertEquals(BarChart.BAR_MAX_WIDTH / 4.0, number(bars.get(1), "width"));
        assertEquals(0, number(bars.get(2), "width"));
        assertEquals(List.of("Ada", "40 plays", "Bo", "10 plays", "Cy", "0 plays"), ChartAssertions.texts(document));
        assertEquals(List.of("Ada: 40 plays", "Bo: 10 plays", "Cy: 0 plays"), ChartAssertions.tooltips(document));
    }

    @Test
    void theTableHoldsTheSameDataAsThePicture() {
        Chart chart = BarChart.of("top", "Top", "d", List.of(new Bar("Ada", 3, "3 plays"), new Bar("Bo", 1, "1 play")))
                .withTableHeadings("Artist", "Plays");

        assertEquals(List.of("Artist", "Plays"), chart.table().headings());
        assertEquals(
                List.of(List.of("Ada", "3 plays"), List.of("Bo", "1 play")),
                chart.table().rows());
    }

    @Test
    void s22_markupLikeNamesComeOutEscapedAndWellFormed() {
        Chart chart = BarChart.of(
                "markup",
                "Top of " + MARKUP,
                "About " + MARKUP,
                List.of(new Bar(MARKUP, 5, "5 plays"), new Bar("a\u0000b\u202Ec\"d'e&f", 1, "1 play")));
        Document document = ChartAssertions.accessible(chart);

        String shown = ChartAssertions.texts(document).get(0);
        assertTrue(shown.endsWith(SvgText.ELLIPSIS) && MARKUP.startsWith(shown.replace(SvgText.ELLIPSIS, "")), shown);
        assertTrue(ChartAssertions.tooltips(document).contains(MARKUP + ": 5 plays"));
        assertTrue(ChartAssertions.tooltips(document).contains("ab\u202Ec\"d'e&f: 1 play"));
        assertEquals(MARKUP, chart.table().rows().get(0).get(0), "the table holds the raw name; Qute escapes it");
    }

    @Test
    void longNamesAreCutWithAnEllipsisInThePictureAndWholeInTheTooltipAndTable() {
        Chart chart = BarChart.of("long", "Long", "d", List.of(new Bar(LONG, 1, "1 play")));
        Document document = ChartAssertions.accessible(chart);

        String shown = ChartAssertions.texts(document).get(0);
        assertTrue(shown.endsWith(SvgText.ELLIPSIS), shown);
        assertTrue(shown.length() < 30, shown);
        assertEquals(List.of(LONG + ": 1 play"), ChartAssertions.tooltips(document));
        assertEquals(LONG, chart.table().rows().get(0).get(0));
    }

    @Test
    void noBarsMakeAChartThatSaysNoPlays() {
        Chart chart = BarChart.of("none", "Top artists", "Nothing yet", List.of());
        Document document = ChartAssertions.accessible(chart);

        assertEquals(List.of("No plays"), ChartAssertions.texts(document));
        assertTrue(chart.empty());
        assertTrue(chart.table().rows().isEmpty());
    }

    @Test
    void idsThatCouldBreakAttributesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BarChart.of("a\" onload=\"x", "t", "d", List.of()));
        assertThrows(IllegalArgumentException.class, () -> BarChart.of("", "t", "d", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Bar("a", -1, "-1"));
    }
}
