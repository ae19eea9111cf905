package org.treatywatch.feed;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Every kind of source, by name, and what a fetched body is. */
public final class Sources {
    // order matters for detection: a feed or sitemap is XML; a page is whatever HTML is left
    private static final List<Source> ALL = List.of(new RssSource(), new SitemapSource(), new PageSource());

    private Sources() {}

    /** The kinds, by the name used in feeds.yaml. */
    public static List<String> kinds() {
        return ALL.stream().map(Source::kind).toList();
    }

    public static Source of(String kind) {
        for (Source s : ALL) if (s.kind().equalsIgnoreCase(kind)) return s;
        throw new IllegalArgumentException("unknown source kind \"" + kind + "\" (known: " + String.join(", ", kinds()) + ")");
    }

    /** The kind of a fetched body, if it is one we read. */
    public static Optional<Source> detect(String body) {
        for (Source s : ALL) if (s.recognises(body)) return Optional.of(s);
        return Optional.empty();
    }

    /** The RSS or Atom feed an HTML page advertises ({@code <link rel="alternate" type="application/rss+xml">}). */
    public static Optional<String> advertisedFeed(String html, String pageUrl) {
        for (Element l : Jsoup.parse(html, pageUrl).select("link[rel~=(?i)alternate][href]")) {
            String type = l.attr("type").toLowerCase(Locale.ROOT);
            if (type.contains("rss") || type.contains("atom")) {
                Optional<String> href = Urls.web(l.absUrl("href"));
                if (href.isPresent()) return href;
            }
        }
        return Optional.empty();
    }

    /** The start of a body, lower-cased, for recognising its kind. */
    static String head(String body) {
        String b = body == null ? "" : body.stripLeading();
        return b.substring(0, Math.min(b.length(), 2048)).toLowerCase(Locale.ROOT);
    }
}
