package dev.earshot.charts;

import static dev.earshot.charts.ChartAssertions.MARKUP;
import static dev.earshot.charts.ChartAssertions.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CalendarHeatmapChartTest {

    private static final LocalDate YEAR_START = LocalDate.of(2025, 1, 1);
    private static final LocalDate NEXT_YEAR = LocalDate.of(2026, 1, 1);

    @Test
    void aYearIsFiftyThreeWeekColumnsOfOneCellPerDayWithItsOwnTooltip() {
        Chart chart = CalendarHeatmap.of("year", "2025", YEAR_START, NEXT_YEAR, Map.of(LocalDate.of(2025, 3, 4), 42L));
        Document document = ChartAssertions.accessible(chart);

        List<Element> days = days(document);
        assertEquals(365, days.size());
        long columns =
                days.stream().map(day -> day.getAttribute("x")).distinct().count();
        assertEquals(53, columns);
        assertTrue(ChartAssertions.tooltips(document).contains("Tue 4 Mar 2025: 42 minutes"));
        assertTrue(ChartAssertions.tooltips(document).contains("Wed 1 Jan 2025: 0 minutes"));
        assertEquals(List.of(List.of("Tue 4 Mar 2025", "42")), chart.table().rows());
        assertEquals(List.of("Day", "Minutes"), chart.table().headings());
        assertEquals(
                "Minutes listened per day from Wed 1 Jan 2025 to Wed 31 Dec 2025: 42 minutes on 1 day, most on"
                        + " Tue 4 Mar 2025 (42 minutes). Darker cells are more minutes.",
                chart.description());
    }

    @Test
    void theFirstColumnStartsOnMondaySoTheFirstDaySitsInItsWeekdayRow() {
        // 1 Jan 2025 is a Wednesday: the first column's Monday and Tuesday are left out.
        Document document = ChartAssertions.accessible(
                CalendarHeatmap.of("year", "2025", YEAR_START, NEXT_YEAR, Map.of(YEAR_START, 5L)));

        Element first = days(document).get(0);
        assertEquals("Wed 1 Jan 2025: 5 minutes", tooltip(first));
        assertEquals(CalendarHeatmap.LEFT, number(first, "x"));
        assertEquals(CalendarHeatmap.TOP + 2 * CalendarHeatmap.STEP, number(first, "y"));
        Element sunday = days(document).get(4);
        assertEquals("Sun 5 Jan 2025: 0 minutes", tooltip(sunday));
        assertEquals(CalendarHeatmap.TOP + 6 * CalendarHeatmap.STEP, number(sunday, "y"));
        Element monday = days(document).get(5);
        assertEquals(CalendarHeatmap.LEFT + CalendarHeatmap.STEP, number(monday, "x"));
        assertEquals(CalendarHeatmap.TOP, number(monday, "y"));
        assertEquals(List.of("Mon", "Wed", "Fri"), weekdayLabels(document));
        assertTrue(ChartAssertions.texts(document).containsAll(List.of("Jan", "Feb", "Dec")));
    }

    @Test
    void aDaylightSavingChangeDayIsOneCellLikeAnyOther() {
        LocalDate springForward = LocalDate.of(2025, 3, 30);
        LocalDate fallBack = LocalDate.of(2025, 10, 26);
        Chart chart = CalendarHeatmap.of(
                "dst",
                "DST",
                LocalDate.of(2025, 3, 24),
                LocalDate.of(2025, 11, 3),
                Map.of(springForward, 1380L, fallBack, 1500L));
        Document document = ChartAssertions.accessible(chart);

        List<String> tooltips = ChartAssertions.tooltips(document);
        assertEquals(
                1,
                tooltips.stream().filter(t -> t.startsWith("Sun 30 Mar 2025")).count());
        assertEquals(
                1,
                tooltips.stream().filter(t -> t.startsWith("Sun 26 Oct 2025")).count());
        assertTrue(tooltips.contains("Sun 30 Mar 2025: 1,380 minutes"));
        assertEquals(
                ChronoUnit.DAYS.between(LocalDate.of(2025, 3, 24), LocalDate.of(2025, 11, 3)),
                days(document).size());
    }

    @Test
    void levelsSplitTheBusiestDayIntoQuartersAndTheLegendGoesFromLessToMore() {
        Map<LocalDate, Long> minutes = new HashMap<>();
        long[] values = {0, 1, 25, 26, 50, 51, 75, 76, 100};
        for (int index = 0; index < values.length; index++) {
            minutes.put(YEAR_START.plusDays(index), values[index]);
        }
        Document document =
                ChartAssertions.accessible(CalendarHeatmap.of("levels", "t", YEAR_START, NEXT_YEAR, minutes));

        List<String> classes = days(document).subList(0, values.length).stream()
                .map(day -> day.getAttribute("class"))
                .toList();
        assertEquals(
                List.of(
                        "level-0", "level-1", "level-1", "level-2", "level-2", "level-3", "level-3", "level-4",
                        "level-4"),
                classes);
        List<String> texts = ChartAssertions.texts(document);
        assertEquals(List.of("Less", "More"), texts.subList(texts.size() - 2, texts.size()));
        List<String> tooltips = ChartAssertions.tooltips(document);
        assertEquals(
                List.of(
                        "No minutes",
                        "1\u201325 minutes",
                        "26\u201350 minutes",
                        "51\u201375 minutes",
                        "76\u2013100 minutes"),
                tooltips.subList(tooltips.size() - 5, tooltips.size()));
    }

    @Test
    void s22_markupLikeTitlesComeOutEscapedAndWellFormed() {
        Chart chart = CalendarHeatmap.of("m", MARKUP, YEAR_START, NEXT_YEAR, Map.of(YEAR_START, 3L));

        ChartAssertions.accessible(chart);
    }

    @Test
    void aYearOfDaysStaysSmall() {
        Map<LocalDate, Long> minutes = new HashMap<>();
        for (LocalDate day = YEAR_START; day.isBefore(NEXT_YEAR); day = day.plusDays(1)) {
            minutes.put(day, 100L + day.getDayOfYear() * 7L);
        }
        Chart chart = CalendarHeatmap.of("size", "2025", YEAR_START, NEXT_YEAR, minutes);

        int bytes = chart.svg().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(bytes < 60_000, "a year heatmap is " + bytes + " bytes");
    }

    @Test
    void noListeningMakesAChartThatSaysNoPlays() {
        Chart chart = CalendarHeatmap.of("none", "2025", YEAR_START, NEXT_YEAR, Map.of(YEAR_START, 0L));
        Document document = ChartAssertions.accessible(chart);

        assertEquals(List.of("No plays"), ChartAssertions.texts(document));
        assertTrue(chart.empty());
        assertThrows(
                IllegalArgumentException.class, () -> CalendarHeatmap.of("x", "t", NEXT_YEAR, YEAR_START, Map.of()));
    }

    private static List<Element> days(Document document) {
        return dev.earshot.testing.SvgDocuments.elements(document, "rect").stream()
                .filter(rect -> rect.getAttribute("class").startsWith("level-"))
                .filter(rect -> !rect.getAttribute("class").contains("chart-swatch"))
                .toList();
    }

    private static List<String> weekdayLabels(Document document) {
        return ChartAssertions.withClass(document, "text", "chart-end").stream()
                .map(text -> text.getTextContent().replaceAll("[\u2068\u2069]", ""))
                .toList();
    }

    private static String tooltip(Element rect) {
        return rect.getElementsByTagNameNS("*", "title").item(0).getTextContent();
    }
}
