package org.treatywatch.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads an outlet page (kind: page): the feed's CSS selector picks article links, which become
 * items like feed entries. Links to other sites are ignored.
 */
public final class PageLinkReader {
    private PageLinkReader() {}

    public static List<FeedItem> read(String html, String pageUrl, String selector) {
        Document doc = Jsoup.parse(html, pageUrl);
        String host = Urls.host(pageUrl);
        Set<String> seen = new LinkedHashSet<>();
        List<FeedItem> items = new ArrayList<>();
        for (Element e : doc.select(selector)) {
            Element a = e.tagName().equals("a") ? e : e.selectFirst("a[href]");
            if (a == null) continue;
            String href = a.absUrl("href");
            if (href.isEmpty() || !href.startsWith("http")) continue;
            String url = Urls.canonical(href);
            if (!Urls.host(url).equals(host) || !seen.add(url)) continue;
            items.add(new FeedItem(url, url, a.text().strip(), "", Optional.empty()));
        }
        return items;
    }
}
