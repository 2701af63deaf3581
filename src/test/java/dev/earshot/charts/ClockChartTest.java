package dev.earshot.charts;

import static dev.earshot.charts.ChartAssertions.MARKUP;
import static dev.earshot.charts.ChartAssertions.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.SvgDocuments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ClockChartTest {

    @Test
    void sevenRowsMondayFirstOfTwentyFourHoursLabelledEveryThreeHours() {
        List<Long> plays = zeros();
        plays.set(9, 4L); // Monday 09:00
        plays.set(6 * 24 + 23, 8L); // Sunday 23:00
        plays.set(2 * 24 + 14, 1L); // Wednesday 14:00
        Chart chart = ClockChart.of("clock", "Listening clock", "Based on 13 plays", plays);
        Document document = ChartAssertions.accessible(chart);

        List<Element> cells = cells(document);
        assertEquals(168, cells.size());
        Element mondayNine = cells.get(9);
        assertEquals("Mon 09:00\u201310:00: 4 plays", tooltip(mondayNine));
        assertEquals("level-2", mondayNine.getAttribute("class"));
        assertEquals(ClockChart.LEFT + 9 * ClockChart.STEP, number(mondayNine, "x"));
        assertEquals(ClockChart.TOP, number(mondayNine, "y"));
        Element sundayLate = cells.get(167);
        assertEquals("Sun 23:00\u201300:00: 8 plays", tooltip(sundayLate));
        assertEquals("level-4", sundayLate.getAttribute("class"));
        assertEquals(ClockChart.TOP + 6 * ClockChart.STEP, number(sundayLate, "y"));
        assertEquals("Wed 14:00\u201315:00: 1 play", tooltip(cells.get(62)));
        assertEquals("level-1", cells.get(62).getAttribute("class"));
        assertEquals("level-0", cells.get(0).getAttribute("class"));

        List<String> texts = ChartAssertions.texts(document);
        assertEquals(
                List.of("00:00", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00"), texts.subList(0, 8));
        assertTrue(texts.containsAll(List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Less", "More")));
    }

    @Test
    void theTableHasADayPerRowAndAnHourPerColumn() {
        List<Long> plays = zeros();
        plays.set(24 + 7, 3L); // Tuesday 07:00
        Chart chart = ClockChart.of("clock", "Listening clock", "Based on 3 plays", plays);

        assertEquals(25, chart.table().headings().size());
        assertEquals("Day", chart.table().headings().get(0));
        assertEquals("07", chart.table().headings().get(8));
        assertEquals(7, chart.table().rows().size());
        assertEquals("Monday", chart.table().rows().get(0).get(0));
        assertEquals("3", chart.table().rows().get(1).get(8));
        assertEquals("0", chart.table().rows().get(1).get(9));
    }

    @Test
    void s22_markupLikeDescriptionsComeOutEscapedAndWellFormed() {
        List<Long> plays = zeros();
        plays.set(0, 1L);
        ChartAssertions.accessible(ClockChart.of("m", MARKUP, MARKUP, plays));
    }

    @Test
    void noPlaysMakeAChartThatSaysNoPlays() {
        Chart chart = ClockChart.of("none", "Listening clock", "Based on 0 plays", zeros());
        Document document = ChartAssertions.accessible(chart);

        assertEquals(List.of("No plays"), ChartAssertions.texts(document));
        assertTrue(chart.empty());
    }

    @Test
    void aClockHasExactly168NonNegativeCells() {
        assertThrows(IllegalArgumentException.class, () -> ClockChart.of("c", "t", "d", List.of(1L)));
        List<Long> negative = zeros();
        negative.set(3, -1L);
        assertThrows(IllegalArgumentException.class, () -> ClockChart.of("c", "t", "d", negative));
    }

    private static List<Long> zeros() {
        return new ArrayList<>(Collections.nCopies(168, 0L));
    }

    private static List<Element> cells(Document document) {
        return SvgDocuments.elements(document, "rect").stream()
                .filter(rect -> rect.getAttribute("class").startsWith("level-"))
                .filter(rect -> !rect.getAttribute("class").contains("chart-swatch"))
                .toList();
    }

    private static String tooltip(Element rect) {
        return rect.getElementsByTagNameNS("*", "title").item(0).getTextContent();
    }
}
