package org.treatywatch.feed;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/**
 * Reads one sitemap document as a stream: a {@code <urlset>} (with {@code <news:news>} title and
 * publication date) or a {@code <sitemapindex>}. Each entry is taken as its element closes and the
 * element is dropped at once, so memory holds the newest entries kept and the elements still open
 * (nesting is cut at a small depth), whatever the document's length; at most {@link #MAX_URLS}
 * entries are read. Jsoup's XML parser is lenient (an unescaped {@code &} in a URL is common) and
 * resolves no entities and no DTD.
 */
final class SitemapReader {
    /** The protocol's maximum per sitemap; a longer one is read only that far. */
    static final int MAX_URLS = 50_000;
    private static final int MAX_DEPTH = 16;

    /** One {@code <url>} or {@code <sitemap>}: its location, news title (urlsets) and date. */
    record Entry(String loc, String title, Optional<Instant> date) {}

    /** What a document is and its newest entries, newest first (ties in document order). */
    record Sitemap(boolean index, List<Entry> entries, int read, boolean cut) {}

    private SitemapReader() {}

    /** keep: how many of the newest entries to return. */
    static Sitemap read(String body, String url, int keep) throws FeedParseException {
        Newest newest = new Newest(keep);
        Element root = null;
        int read = 0;
        boolean cut = false;
        Parser parser = Parser.xmlParser().setMaxDepth(MAX_DEPTH);
        try (StreamParser stream = new StreamParser(parser).parse(new StringReader(body), url)) {
            String loc = null, title = null, published = null, lastmod = null;
            for (Iterator<Element> it = stream.iterator(); it.hasNext(); ) {
                Element e = it.next();
                Element parent = e.parent();
                if (parent == null) continue;
                if (root == null) root = stream.document().firstElementChild();
                if (e == root) break;
                String name = local(e);
                String in = local(parent);
                if (parent == root && (name.equals("url") || name.equals("sitemap"))) {
                    if (read == MAX_URLS) {
                        cut = true;
                        break;
                    }
                    read++;
                    if (loc != null) newest.add(new Entry(loc, title == null ? "" : title, date(published, lastmod)));
                    loc = title = published = lastmod = null;
                    dropWithWhatPrecedes(e);
                    continue;
                }
                boolean inEntry = parent.parent() == root && (in.equals("url") || in.equals("sitemap"));
                boolean inNews = in.equals("news") && parent.parent() != null && parent.parent().parent() == root;
                if (inEntry && name.equals("loc") && loc == null) loc = e.text().strip();
                else if (inEntry && name.equals("lastmod") && lastmod == null) lastmod = e.text().strip();
                else if (inNews && name.equals("title") && title == null) title = e.text().strip();
                else if (inNews && name.equals("publication_date") && published == null) published = e.text().strip();
                e.remove();
            }
        } catch (UncheckedIOException e) {
            throw new FeedParseException("sitemap " + url + " not read: " + e.getMessage(), e);
        }
        String kind = root == null ? "" : local(root);
        if (!kind.equals("urlset") && !kind.equals("sitemapindex")) {
            throw new FeedParseException("not a sitemap: no <urlset> or <sitemapindex>", null);
        }
        return new Sitemap(kind.equals("sitemapindex"), newest.list(), read, cut);
    }

    // The entry and the whitespace before it (earlier entries are gone already). Not the root's
    // other children: the parser may have opened the next entry there.
    private static void dropWithWhatPrecedes(Element e) {
        for (Node n = e.previousSibling(); n != null; ) {
            Node before = n.previousSibling();
            n.remove();
            n = before;
        }
        e.remove();
    }

    // "news:title" and "title" alike: the prefix a sitemap picks for a namespace is its own affair
    private static String local(Element e) {
        String n = e.normalName();
        int colon = n.indexOf(':');
        return colon < 0 ? n : n.substring(colon + 1);
    }

    private static Optional<Instant> date(String published, String lastmod) {
        Optional<Instant> p = date(published);
        return p.isPresent() ? p : date(lastmod);
    }

    /** W3C datetime as sitemaps write it: a full timestamp with offset, or a date. */
    static Optional<Instant> date(String s) {
        if (s == null || s.isBlank()) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** The newest n entries met so far, in bounded memory; an entry without a date counts as oldest. */
    private static final class Newest {
        private record Seen(Entry entry, Instant date, long order) {}

        // best first: newest, then earliest in the document
        private static final Comparator<Seen> BEST = Comparator.comparing(Seen::date).reversed().thenComparingLong(Seen::order);

        private final int n;
        private final PriorityQueue<Seen> worstFirst = new PriorityQueue<>(BEST.reversed());
        private long order;

        Newest(int n) {
            this.n = n;
        }

        void add(Entry e) {
            worstFirst.add(new Seen(e, e.date().orElse(Instant.EPOCH), order++));
            if (worstFirst.size() > n) worstFirst.poll();
        }

        List<Entry> list() {
            List<Seen> all = new ArrayList<>(worstFirst);
            all.sort(BEST);
            return all.stream().map(Seen::entry).toList();
        }
    }
}
