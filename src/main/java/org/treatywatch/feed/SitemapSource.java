package org.treatywatch.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * A news sitemap ({@code <urlset>} with {@code <news:news>}: title, publication date) or a sitemap
 * index, whose newest few sitemaps are read. Many Arabic and Hebrew outlets publish one and no usable
 * RSS. Read with Jsoup's XML parser, which resolves no entities and no DTD.
 */
final class SitemapSource implements Source {
    /** Newest child sitemaps read from an index, and items kept from one poll. */
    static final int MAX_CHILD_SITEMAPS = 3;
    static final int MAX_ITEMS = 200;

    @Override
    public String kind() {
        return "sitemap";
    }

    @Override
    public boolean recognises(String body) {
        String head = Sources.head(body);
        return head.contains("<urlset") || head.contains("<sitemapindex");
    }

    @Override
    public List<FeedItem> items(String body, String url, Optional<String> links, Fetch more) throws FeedParseException {
        Document doc = Jsoup.parse(body, url, Parser.xmlParser());
        if (!doc.select("sitemapindex").isEmpty()) return fromIndex(doc, more);
        if (doc.select("urlset").isEmpty()) throw new FeedParseException("not a sitemap: no <urlset> or <sitemapindex>", null);
        List<FeedItem> items = new ArrayList<>();
        for (Element u : doc.select("urlset > url")) {
            Optional<String> loc = Urls.web(text(u, "loc"));
            if (loc.isEmpty()) continue;
            String link = Urls.canonical(loc.get());
            String title = text(u, "news|title");
            Optional<Instant> date = date(text(u, "news|publication_date")).or(() -> date(text(u, "lastmod")));
            items.add(new FeedItem(link, link, title, "", date));
        }
        items.sort(Comparator.comparing((FeedItem i) -> i.published().orElse(Instant.EPOCH)).reversed());
        return items.size() > MAX_ITEMS ? List.copyOf(items.subList(0, MAX_ITEMS)) : items;
    }

    private List<FeedItem> fromIndex(Document index, Fetch more) throws FeedParseException {
        List<Element> maps = new ArrayList<>(index.select("sitemapindex > sitemap"));
        maps.sort(Comparator.comparing((Element m) -> date(text(m, "lastmod")).orElse(Instant.EPOCH)).reversed());
        List<FeedItem> items = new ArrayList<>();
        for (Element m : maps.subList(0, Math.min(MAX_CHILD_SITEMAPS, maps.size()))) {
            Optional<String> loc = Urls.web(text(m, "loc"));
            if (loc.isEmpty()) continue;
            try {
                String child = more.get(loc.get());
                if (child != null && !Sources.head(child).contains("<sitemapindex")) items.addAll(items(child, loc.get(), Optional.empty(), more));
            } catch (FeedParseException e) {
                throw e;
            } catch (Exception e) {
                throw new FeedParseException("sitemap " + loc.get() + " not read: " + e.getMessage(), e);
            }
        }
        return items;
    }

    private static String text(Element e, String tag) {
        Element t = e.selectFirst(tag);
        return t == null ? "" : t.text().strip();
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
}
