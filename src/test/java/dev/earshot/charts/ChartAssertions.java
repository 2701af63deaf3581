package dev.earshot.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.testing.SvgDocuments;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What every chart must be: well-formed SVG with its accessible name, no style attributes, no script. */
final class ChartAssertions {

    static final String MARKUP = "<script>alert(\"x\" & 'y')</script>";

    private ChartAssertions() {}

    /** Parses the chart's SVG strictly and checks the parts every chart shares; returns the document. */
    static Document accessible(Chart chart) {
        Document document = SvgDocuments.parse(chart.svg());
        Element svg = document.getDocumentElement();
        assertEquals("svg", svg.getLocalName());
        assertEquals("img", svg.getAttribute("role"));
        assertEquals(chart.id() + "-svg-title " + chart.id() + "-svg-desc", svg.getAttribute("aria-labelledby"));
        List<Element> titles = SvgDocuments.elements(document, "title");
        Element title = titles.get(0);
        assertEquals(chart.id() + "-svg-title", title.getAttribute("id"));
        assertEquals(svg, title.getParentNode(), "the chart's own <title> is the root's first child");
        assertEquals(chart.title(), title.getTextContent());
        Element desc = SvgDocuments.elements(document, "desc").get(0);
        assertEquals(chart.id() + "-svg-desc", desc.getAttribute("id"));
        assertEquals(chart.description(), desc.getTextContent());
        assertTrue(svg.getAttribute("viewBox").matches("0 0 \\d+ \\d+"), svg.getAttribute("viewBox"));
        assertFalse(chart.svg().contains("style"), "no style attribute or element: the CSP forbids them");
        assertFalse(chart.svg().contains("fill="), "colours come from classes, for light and dark mode");
        assertTrue(SvgDocuments.elements(document, "script").isEmpty());
        assertFalse(chart.svg().contains("<script"), chart.svg());
        return document;
    }

    /** Visible texts of the SVG, without the bidi isolates around each. */
    static List<String> texts(Document document) {
        return SvgDocuments.lines(document);
    }

    /** The tooltips of the shapes (every {@code <title>} but the chart's own). */
    static List<String> tooltips(Document document) {
        List<Element> titles = SvgDocuments.elements(document, "title");
        return titles.subList(1, titles.size()).stream()
                .map(Element::getTextContent)
                .toList();
    }

    static List<Element> withClass(Document document, String name, String cssClass) {
        return SvgDocuments.elements(document, name).stream()
                .filter(element ->
                        List.of(element.getAttribute("class").split(" ")).contains(cssClass))
                .toList();
    }

    static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }
}
