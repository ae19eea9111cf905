package org.treatywatch.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every source's titles reach alerts as they are read: none may carry hidden controls. */
class FeedItemTest {
    private static final String HIDDEN = "\u206A\u180E\u2028\u00AD\uDB40\uDC41\u0007\u202E";

    @Test
    void sitemapTitlesLoseHiddenControls() throws Exception {
        String sitemap = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>https://example.com/news/1</loc><news:news><news:publication><news:name>x</news:name><news:language>ar</news:language></news:publication>
                <news:publication_date>2025-01-17T10:00:00+03:00</news:publication_date><news:title>بوتين%sوبزشكيان يوقعان المعاهدة</news:title></news:news></url>
                </urlset>""".formatted(HIDDEN);
        List<FeedItem> items = Sources.of("sitemap").items(sitemap, "https://example.com/sitemap.xml", Optional.empty(), u -> null);
        assertThat(items).extracting(FeedItem::title).containsExactly("بوتين وبزشكيان يوقعان المعاهدة");
    }

    @Test
    void pageLinkTitlesLoseHiddenControls() {
        String html = "<html><body><h3><a href=\"/news/1\">פוטין" + HIDDEN + "ופזשכיאן נפגשו</a></h3></body></html>";
        List<FeedItem> items = PageLinkReader.read(html, "https://example.com/", "h3 a");
        assertThat(items).extracting(FeedItem::title).containsExactly("פוטין ופזשכיאן נפגשו");
    }
}
