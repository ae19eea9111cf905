package org.treatywatch.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * OPML 1.0/2.0 feed lists, the format every reader imports and exports: {@code <outline
 * xmlUrl="…" text="…"/>}, nested in folders or not. Read with StAX without DTDs (no entity tricks),
 * at most {@link #MAX_ENTRIES} entries; written with the feeds' names, links, languages and our own
 * attributes (id, kind, interval) so an export imports back the same (the kind is detected again, and
 * kept for a feed that cannot be fetched at import).
 */
public final class Opml {
    public static final int MAX_ENTRIES = 500;
    /** An OPML feed list is a few KB; a bigger "list" is refused before it is read. */
    public static final long MAX_BYTES = 1024 * 1024;
    private static final XMLInputFactory FACTORY = SafeXml.inputFactory(true);

    /** One outline with a feed link; id, language, kind and interval only when the file says them. */
    public record Entry(String url, String title, Optional<String> id, Optional<String> language, Optional<String> interval,
                        Optional<FeedDef.Kind> kind) {}

    private Opml() {}

    /**
     * An OPML file's text, in whatever encoding it came: a BOM, UTF-16 without one (told by its
     * first bytes, as XML itself is), the declared encoding, or detection — one decoding for the
     * bot's received files and the {@code feeds import} command.
     */
    public static String text(byte[] file) {
        if (file.length >= 4 && file[0] == 0 && file[1] == '<' && file[2] == 0 && file[3] == '?') {
            return strippedBom(new String(file, java.nio.charset.StandardCharsets.UTF_16BE));
        }
        if (file.length >= 4 && file[0] == '<' && file[1] == 0 && file[2] == '?' && file[3] == 0) {
            return strippedBom(new String(file, java.nio.charset.StandardCharsets.UTF_16LE));
        }
        Optional<String> declared = declared(file);
        if (declared.isPresent()) return declared.get();
        return strippedBom(org.treatywatch.fetch.Charsets.decode(file, "text/xml"));
    }

    private static final java.util.regex.Pattern ENCODING = java.util.regex.Pattern.compile(
            "^<\\?xml[^>]*encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']");

    /**
     * A feed reader's export says its encoding truthfully (unlike many web pages, which the general
     * decoding second-guesses): the declared one is used when the bytes fit it, and are not UTF-8
     * mislabelled as Latin-1.
     */
    private static Optional<String> declared(byte[] file) {
        String head = new String(file, 0, Math.min(file.length, 200), java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = ENCODING.matcher(head);
        if (!m.find()) return Optional.empty();
        try {
            java.nio.charset.Charset cs = java.nio.charset.Charset.forName(m.group(1));
            if (!cs.equals(java.nio.charset.StandardCharsets.UTF_8) && decodes(file, java.nio.charset.StandardCharsets.UTF_8)) return Optional.empty();
            java.nio.charset.CharsetDecoder d = cs.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
            return Optional.of(d.decode(java.nio.ByteBuffer.wrap(file)).toString());
        } catch (RuntimeException | java.nio.charset.CharacterCodingException e) {
            return Optional.empty(); // an unknown name, or bytes that do not fit it: detection decides
        }
    }

    private static boolean decodes(byte[] file, java.nio.charset.Charset cs) {
        try {
            cs.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(file));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static String strippedBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The feed entries of an OPML document; IllegalArgumentException says why it is not one. */
    public static List<Entry> read(String xml) {
        List<Entry> out = new ArrayList<>();
        boolean opml = false;
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                while (r.hasNext()) {
                    int ev = r.next();
                    if (ev == XMLStreamConstants.DTD) throw new IllegalArgumentException("a DOCTYPE is not allowed in OPML");
                    if (ev != XMLStreamConstants.START_ELEMENT) continue;
                    String name = r.getLocalName().toLowerCase(Locale.ROOT);
                    if (name.equals("opml")) opml = true;
                    if (!name.equals("outline")) continue;
                    String url = attr(r, "xmlUrl");
                    if (url == null || url.isBlank()) continue; // a folder
                    if (out.size() >= MAX_ENTRIES) throw new IllegalArgumentException("more than " + MAX_ENTRIES + " feeds in one file");
                    String title = Optional.ofNullable(attr(r, "title")).filter(t -> !t.isBlank()).orElse(attr(r, "text"));
                    // a name is cleaned at the door: it goes into replies and into both exports
                    out.add(new Entry(url.strip(), title == null ? "" : org.treatywatch.text.OneLine.of(title, FeedDef.MAX_NAME_CHARS), opt(attr(r, "treatywatchId")),
                            opt(attr(r, "language")), opt(attr(r, "treatywatchInterval")), kind(attr(r, "treatywatchKind"))));
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not readable XML: " + e.getMessage().replaceAll("\\s+", " "), e);
        }
        if (!opml) throw new IllegalArgumentException("not an OPML document (no <opml> element)");
        return out;
    }

    /** An OPML 2.0 document listing these feeds. */
    public static String write(String title, List<FeedDef> feeds) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head><title>")
                .append(escape(title)).append("</title></head>\n  <body>\n");
        for (FeedDef f : feeds) {
            sb.append("    <outline type=\"rss\" text=\"").append(escape(f.name())).append("\" title=\"").append(escape(f.name()))
                    .append("\" xmlUrl=\"").append(escape(f.url())).append("\" language=\"").append(escape(f.language()))
                    .append("\" treatywatchId=\"").append(escape(f.id()))
                    .append("\" treatywatchKind=\"").append(f.kind().key())
                    .append("\" treatywatchInterval=\"").append(Durations.format(f.interval())).append("\"/>\n");
        }
        return sb.append("  </body>\n</opml>\n").toString();
    }

    private static String attr(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equalsIgnoreCase(name)) return r.getAttributeValue(i);
        }
        return null;
    }

    // Our own export's kind; anything else is left to detection (or taken for a feed when it cannot be fetched).
    private static Optional<FeedDef.Kind> kind(String s) {
        return opt(s).flatMap(k -> java.util.Arrays.stream(FeedDef.Kind.values()).filter(v -> v.key().equalsIgnoreCase(k)).findFirst());
    }

    private static Optional<String> opt(String s) {
        return Optional.ofNullable(s).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * An attribute value that reads back the same: markup escaped, line breaks and tabs as character
     * references (a parser would turn them into spaces), and what XML 1.0 cannot hold at all (C0
     * controls, U+FFFE/FFFF, lone surrogates) left out, so one odd value cannot make the file unreadable.
     */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c >= ' ' && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
