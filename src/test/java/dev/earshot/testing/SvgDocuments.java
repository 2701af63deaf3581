package dev.earshot.testing;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses rendered SVG (cards, charts) strictly, as an image proxy would: any malformed byte fails the test. */
public final class SvgDocuments {

    private SvgDocuments() {}

    public static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(svg)));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    public static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** The visible lines of text, without the bidi isolates around each name. */
    public static List<String> lines(Document document) {
        return elements(document, "text").stream()
                .map(text -> text.getTextContent().replace("\u2068", "").replace("\u2069", ""))
                .toList();
    }

    public static String title(Document document) {
        return elements(document, "title")
                .get(0)
                .getTextContent()
                .replace("\u2068", "")
                .replace("\u2069", "");
    }

    public static Element byClass(Document document, String name, String cssClass) {
        return elements(document, name).stream()
                .filter(element ->
                        List.of(element.getAttribute("class").split(" ")).contains(cssClass))
                .findFirst()
                .orElse(null);
    }
}
