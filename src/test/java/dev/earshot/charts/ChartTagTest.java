package dev.earshot.charts;

import static dev.earshot.charts.ChartAssertions.MARKUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.SvgDocuments;
import dev.earshot.testing.WireMockSpotify;
import io.quarkus.qute.Engine;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The {@code {#chart chart=... /}} tag as the app's Qute engine renders it: title, picture, table. The tag's
 * markup is well-formed, so the strict XML parser reads it and any markup a name smuggled in would show.
 */
@QuarkusTest
@WithTestResource(WireMockSpotify.class)
class ChartTagTest {

    @Inject
    Engine engine;

    @Test
    void s22_aChartIsAFigureWithAVisibleTitleItsSvgAndTheSameDataAsATable() {
        Chart chart = BarChart.of(
                        "top-artists",
                        "Top artists " + MARKUP,
                        "Most played",
                        List.of(new Bar(MARKUP, 3, "3 plays"), new Bar("Bo & Co", 1, "1 play")))
                .withTableHeadings("Artist", "Plays");

        String html = render(chart);
        Document page = SvgDocuments.parse(html);

        assertEquals(List.of("top-artists"), texts(page, "/figure[contains(@class, 'chart')]/@id"));
        assertEquals(List.of("Top artists " + MARKUP), texts(page, "/figure/figcaption/h3"));
        assertEquals(
                List.of("top-artists-svg-title top-artists-svg-desc"),
                texts(page, "//*[local-name()='svg'][@role='img']/@aria-labelledby"));
        assertTrue(html.contains(chart.svg()), "the SVG goes in raw, not escaped twice");
        assertEquals(List.of("Show as table"), texts(page, "/figure/details/summary"));
        assertEquals(List.of("Top artists " + MARKUP), texts(page, "//details//table/caption"));
        assertEquals(List.of("Artist", "Plays"), texts(page, "//table/thead/tr/th[@scope='col']"));
        assertEquals(List.of(MARKUP, "3 plays", "Bo & Co", "1 play"), texts(page, "//table/tbody/tr/td"));
        assertEquals(List.of(), texts(page, "//*[local-name()='script']"), "names never become markup");
        assertFalse(html.contains("style="));
    }

    @Test
    void anEmptyChartSaysNoPlaysInsteadOfAnEmptyTable() {
        Document page = SvgDocuments.parse(render(BarChart.of("none", "Top artists", "Nothing yet", List.of())));

        assertEquals(List.of(), texts(page, "//table"));
        assertEquals(List.of("No plays"), texts(page, "/figure/details/p[@class='chart-none']"));
    }

    private String render(Chart chart) {
        return engine.parse("{#chart chart=c /}").data("c", chart).render().strip();
    }

    private static List<String> texts(Document page, String xpath) {
        try {
            NodeList nodes =
                    (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.NODESET);
            List<String> texts = new ArrayList<>();
            for (int index = 0; index < nodes.getLength(); index++) {
                texts.add(nodes.item(index).getTextContent().strip());
            }
            return texts;
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }
}
