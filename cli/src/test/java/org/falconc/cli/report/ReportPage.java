package org.falconc.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A written report, read back for tests: the page parsed strictly as XML (the report writes
 * XHTML-compatible HTML5, so any unclosed element, stray {@code &} or unescaped {@code <} fails),
 * with the structure a browser needs checked (doctype, charset, unique ids, anchors that resolve,
 * relative links to files that exist, no script, no network) and accessors for its parts.
 */
public final class ReportPage {
    public static final String XHTML = "http://www.w3.org/1999/xhtml";
    public static final String SVG = "http://www.w3.org/2000/svg";

    private final Path dir;
    private final String text;
    private final Document doc;

    private ReportPage(Path dir, String text, Document doc) {
        this.dir = dir;
        this.text = text;
        this.doc = doc;
    }

    /** Reads and checks {@code dir/index.html}. */
    public static ReportPage load(Path dir) throws Exception {
        Path page = dir.resolve(SparsityReport.PAGE);
        assertTrue(Files.isRegularFile(page), "no " + page);
        String text = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<!DOCTYPE html>\n"), "an HTML5 doctype first");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new DefaultHandler() {
            @Override
            public void warning(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        Document doc = b.parse(new InputSource(new StringReader(text)));
        ReportPage p = new ReportPage(dir, text, doc);
        p.checkStructure();
        return p;
    }

    public Document document() {
        return doc;
    }

    public String text() {
        return text;
    }

    private void checkStructure() throws IOException {
        Element html = doc.getDocumentElement();
        assertEquals("html", html.getLocalName());
        assertEquals(XHTML, html.getNamespaceURI());
        assertEquals("en", html.getAttribute("lang"));
        List<Element> children = children(html);
        assertEquals(List.of("head", "body"), children.stream().map(Element::getLocalName).toList());
        Element head = children.get(0);
        assertEquals("utf-8", children(head).get(0).getAttribute("charset"), "<meta charset> first in <head>");
        assertEquals(1, all(XHTML, "title").size());
        assertTrue(all(XHTML, "script").isEmpty() && all(SVG, "script").isEmpty(), "no script");
        assertFalse(text.contains("<?xml"), "no XML declaration in an HTML page");
        // ids unique; every in-page link resolves; every other link is a relative path to a file that exists
        Set<String> ids = new HashSet<>();
        NodeList every = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < every.getLength(); i++) {
            Element e = (Element) every.item(i);
            if (e.hasAttribute("id")) {
                assertTrue(ids.add(e.getAttribute("id")), "duplicate id " + e.getAttribute("id"));
            }
            assertFalse(e.hasAttribute("style") && e.getAttribute("style").contains("url("), "no external style");
        }
        for (Element a : all(XHTML, "a")) {
            String href = a.getAttribute("href");
            assertTrue(href.startsWith("#"), "only in-page links: " + href);
            assertTrue(ids.contains(href.substring(1)), "dangling link " + href);
        }
        for (Element img : all(XHTML, "img")) {
            String src = img.getAttribute("src");
            assertTrue(src.matches("[A-Za-z0-9._-]+"), "a relative file name: " + src);
            assertFalse(img.getAttribute("alt").isBlank(), "alt text for " + src);
            BufferedImage image = ImageIO.read(dir.resolve(src).toFile());
            assertNotNull(image, src + " decodes");
            assertEquals(Integer.toString(image.getWidth()), img.getAttribute("width"), src);
            assertEquals(Integer.toString(image.getHeight()), img.getAttribute("height"), src);
        }
        Matcher url = Pattern.compile("(?i)(https?:|ftp:|//)[^\"'\\s<]*").matcher(text);
        while (url.find()) {
            assertTrue(url.group().equals("http://www.w3.org/1999/xhtml") || url.group().equals("http://www.w3.org/2000/svg"),
                    "nothing fetched from the network: " + url.group());
        }
    }

    /** The layer table's column headers. */
    public List<String> header() {
        Element table = layerTable();
        List<String> h = new ArrayList<>();
        for (Element th : descendants(table, "th")) {
            h.add(th.getTextContent());
        }
        return h;
    }

    /** The layer table's rows, each its cells' text, and the row's id. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        Element tbody = descendants(layerTable(), "tbody").get(0);
        for (Element tr : children(tbody)) {
            List<String> cells = new ArrayList<>();
            for (Element td : children(tr)) {
                assertEquals("td", td.getLocalName());
                cells.add(td.getTextContent());
            }
            assertEquals(header().size(), cells.size(), "cells of row " + tr.getAttribute("id"));
            rows.add(cells);
        }
        return rows;
    }

    /** The totals by their row header. */
    public Map<String, String> totals() {
        Map<String, String> t = new LinkedHashMap<>();
        for (Element table : all(XHTML, "table")) {
            if (table.getAttribute("class").equals("totals")) {
                for (Element tr : descendants(table, "tr")) {
                    t.put(children(tr).get(0).getTextContent(), children(tr).get(1).getTextContent());
                }
            }
        }
        return t;
    }

    /** The heat maps' img elements, in page order. */
    public List<Element> heatMaps() {
        return all(XHTML, "img").stream().filter(e -> e.getAttribute("src").startsWith("heatmap-")).toList();
    }

    /** The figure caption beside an img. */
    public static String caption(Element img) {
        Element figure = (Element) img.getParentNode();
        assertEquals("figure", figure.getLocalName());
        return descendants(figure, "figcaption").get(0).getTextContent();
    }

    /** The chart's per-layer groups. */
    public List<Element> chartGroups() {
        return all(SVG, "g").stream().filter(g -> g.getAttribute("class").equals("layer")).toList();
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    private Element layerTable() {
        return all(XHTML, "table").stream().filter(t -> t.getAttribute("class").equals("layers")).findFirst()
                .orElseThrow();
    }

    public List<Element> all(String ns, String name) {
        NodeList l = doc.getElementsByTagNameNS(ns, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add((Element) l.item(i));
        }
        return out;
    }

    private static List<Element> descendants(Element e, String name) {
        NodeList l = e.getElementsByTagNameNS(XHTML, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add((Element) l.item(i));
        }
        return out;
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    /** The number of distinct colours of a picture. */
    public static int colours(BufferedImage img) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                c.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return c.size();
    }
}
