package dev.earshot.charts;

import static dev.earshot.charts.ChartAssertions.MARKUP;
import static dev.earshot.charts.ChartAssertions.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ColumnChartTest {

    @Test
    void columnsStandInOrderOnOneBaselineTheTallestFullHeight() {
        Chart chart = ColumnChart.of(
                "months",
                "Plays per month",
                "Plays of Ada per month",
                List.of(new Bar("Jan", 2, "2 plays"), new Bar("Feb", 8, "8 plays"), new Bar("Mar", 0, "0 plays")));
        Document document = ChartAssertions.accessible(chart);

        List<Element> columns = ChartAssertions.withClass(document, "rect", "chart-bar");
        double full = ColumnChart.BASELINE - ColumnChart.TOP;
        assertEquals(full / 4, number(columns.get(0), "height"), 0.05);
        assertEquals(full, number(columns.get(1), "height"), 0.05);
        assertEquals(0, number(columns.get(2), "height"));
        for (Element column : columns) {
            assertEquals(ColumnChart.BASELINE, number(column, "y") + number(column, "height"), 0.1);
        }
        assertTrue(number(columns.get(0), "x") < number(columns.get(1), "x"));
        assertEquals(List.of("2 plays", "Jan", "8 plays", "Feb", "0 plays", "Mar"), ChartAssertions.texts(document));
        assertEquals(List.of("Jan: 2 plays", "Feb: 8 plays", "Mar: 0 plays"), ChartAssertions.tooltips(document));
        assertEquals(
                List.of(List.of("Jan", "2 plays"), List.of("Feb", "8 plays"), List.of("Mar", "0 plays")),
                chart.table().rows());
    }

    @Test
    void manyColumnsThinOutTheirLabelsAndWriteOnlyTheTallestValue() {
        List<Bar> months = new ArrayList<>();
        for (int month = 0; month < 60; month++) {
            months.add(new Bar("M" + month, month == 30 ? 99 : 1, (month == 30 ? 99 : 1) + " plays"));
        }
        Chart chart = ColumnChart.of("years", "Plays per month", "Five years", months);
        Document document = ChartAssertions.accessible(chart);

        List<Element> labels = ChartAssertions.withClass(document, "text", "chart-axis-label");
        assertTrue(labels.size() < 12, "labels: " + labels.size());
        for (int index = 1; index < labels.size(); index++) {
            double gap = number(labels.get(index), "x") - number(labels.get(index - 1), "x");
            assertTrue(gap >= ColumnChart.LABEL_ROOM, "labels never overlap: " + gap);
        }
        List<Element> values = ChartAssertions.withClass(document, "text", "chart-value");
        assertEquals(1, values.size());
        assertEquals("99 plays", values.get(0).getTextContent().replaceAll("[\u2068\u2069]", ""));
        assertEquals(60, chart.table().rows().size());
    }

    @Test
    void s22_markupLikeLabelsComeOutEscapedAndWellFormed() {
        Chart chart = ColumnChart.of("m", MARKUP, MARKUP, List.of(new Bar(MARKUP, 1, "1 & <b>")));
        Document document = ChartAssertions.accessible(chart);

        assertEquals(List.of(MARKUP + ": 1 & <b>"), ChartAssertions.tooltips(document));
    }

    @Test
    void noColumnsMakeAChartThatSaysNoPlays() {
        Document document = ChartAssertions.accessible(ColumnChart.of("none", "Plays per month", "d", List.of()));

        assertEquals(List.of("No plays"), ChartAssertions.texts(document));
    }
}
