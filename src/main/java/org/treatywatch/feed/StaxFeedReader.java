package org.treatywatch.feed;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the common feed formats (RSS 0.9x/2.0, RSS 1.0, Atom 1.0) in one pass with the JDK's
 * StAX parser: no document tree and no per-date formatter, which is where Rome spends most of a
 * poll. It reads only what an item needs. A root it does not know returns empty, and the caller
 * hands the feed to Rome; malformed XML throws, as it would in Rome.
 */
final class StaxFeedReader {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final XMLInputFactory FACTORY = org.treatywatch.config.SafeXml.inputFactory(true);

    /** What an entry holds before it is turned into a {@link FeedItem}. */
    record RawEntry(String id, String link, String title, String description, String content, String published, String updated) {}

    private StaxFeedReader() {}

    /** The entries, or empty if the root is not one this reader knows. */
    static Optional<List<RawEntry>> read(String xml) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
        try {
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                if (r.getEventType() == XMLStreamConstants.DTD) throw new XMLStreamException("a DOCTYPE is not read here");
            }
            if (r.getEventType() != XMLStreamConstants.START_ELEMENT) throw new XMLStreamException("no root element");
            String root = r.getLocalName();
            String ns = r.getNamespaceURI();
            boolean atom = root.equals("feed") && ATOM.equals(ns);
            boolean rss = root.equals("rss") && (ns == null || ns.isEmpty());
            boolean rdf = root.equals("RDF") && RDF.equals(ns);
            if (!atom && !rss && !rdf) return Optional.empty();
            List<RawEntry> entries = new ArrayList<>();
            String entryName = atom ? "entry" : "item";
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(entryName)) {
                    entries.add(atom ? atomEntry(r) : rssItem(r, rdf));
                }
            }
            return Optional.of(entries);
        } finally {
            r.close();
        }
    }

    private static RawEntry rssItem(XMLStreamReader r, boolean rdf) throws XMLStreamException {
        String id = rdf ? r.getAttributeValue(RDF, "about") : null;
        String link = null, title = null, description = null, content = null, published = null;
        boolean permaLink = false;
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                String prefix = r.getPrefix() == null ? "" : r.getPrefix();
                switch (name) {
                    case "title" -> title = first(title, text(r));
                    case "link" -> link = prefix.isEmpty() ? first(link, text(r)) : skipValue(r, link);
                    case "guid" -> {
                        permaLink = !"false".equalsIgnoreCase(r.getAttributeValue(null, "isPermaLink"));
                        id = first(id, text(r));
                    }
                    case "description" -> description = first(description, text(r));
                    case "encoded" -> content = first(content, text(r));
                    case "pubDate" -> published = first(published, text(r));
                    case "date" -> published = first(published, text(r));
                    default -> skip(r);
                }
            }
        }
        if ((link == null || link.isBlank()) && permaLink) link = id; // a permalink guid is the item's link
        return new RawEntry(id, link, title, description, content, published, null);
    }

    private static RawEntry atomEntry(XMLStreamReader r) throws XMLStreamException {
        String id = null, link = null, anyLink = null, title = null, summary = null, content = null, published = null, updated = null;
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "id" -> id = first(id, text(r));
                    case "title" -> title = first(title, atomText(r));
                    case "summary" -> summary = first(summary, atomText(r));
                    case "content" -> content = first(content, atomText(r));
                    case "published" -> published = first(published, text(r));
                    case "updated" -> updated = first(updated, text(r));
                    case "link" -> {
                        String rel = r.getAttributeValue(null, "rel");
                        String href = r.getAttributeValue(null, "href");
                        if (rel == null || rel.equals("alternate")) link = first(link, href);
                        anyLink = first(anyLink, href);
                        skip(r);
                    }
                    default -> skip(r);
                }
            }
        }
        return new RawEntry(id, link != null ? link : anyLink, title, summary, content, published, updated);
    }

    // xhtml content arrives as parsed markup: its text is plain, so it is escaped for the HTML-reading caller.
    private static String atomText(XMLStreamReader r) throws XMLStreamException {
        boolean xhtml = "xhtml".equals(r.getAttributeValue(null, "type"));
        String t = text(r);
        return xhtml ? t.replace("&", "&amp;").replace("<", "&lt;") : t;
    }

    /** The text inside the current element, child elements (Atom's xhtml) included; ends on its end tag. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = null;
        String only = null;
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> {
                    String t = r.getText();
                    if (only == null && sb == null) {
                        only = t;
                    } else {
                        if (sb == null) sb = new StringBuilder(only);
                        sb.append(t);
                    }
                }
                default -> { }
            }
        }
        return sb != null ? sb.toString() : only == null ? "" : only;
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) depth++;
            else if (ev == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    // A namespaced <x:link> (atom:link in RSS) is not the item's link.
    private static String skipValue(XMLStreamReader r, String keep) throws XMLStreamException {
        skip(r);
        return keep;
    }

    private static String first(String current, String value) {
        return current != null && !current.isBlank() ? current : value;
    }
}
