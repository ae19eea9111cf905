package org.treatywatch.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** News sitemaps and sitemap indexes as a source kind, recognised among feeds and pages. */
class SitemapSourceTest {
    static final String NEWS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>https://outlet.example/ar/1?utm_source=x</loc>
                <news:news><news:publication><news:name>Outlet</news:name><news:language>ar</news:language></news:publication>
                <news:publication_date>2025-01-17T10:00:00+03:00</news:publication_date>
                <news:title>بوتين وبزشكيان يوقعان المعاهدة</news:title></news:news></url>
              <url><loc>https://outlet.example/ar/2</loc><lastmod>2025-01-18</lastmod></url>
              <url><loc>javascript:alert(1)</loc></url>
            </urlset>
            """;

    @Test
    void aNewsSitemapGivesItemsWithTitlesDatesAndCanonicalWebLinks() throws Exception {
        List<FeedItem> items = Sources.of("sitemap").items(NEWS, "https://outlet.example/sitemap.xml", Optional.empty(), u -> null);
        assertThat(items).extracting(FeedItem::url).containsExactly("https://outlet.example/ar/2", "https://outlet.example/ar/1");
        FeedItem signed = items.get(1);
        assertThat(signed.title()).isEqualTo("بوتين وبزشكيان يوقعان المعاهدة");
        assertThat(signed.published()).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2025-01-17T07:00:00Z"));
        assertThat(items.get(0).published()).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2025-01-18T00:00:00Z"));
    }

    @Test
    void anIndexIsFollowedToItsNewestSitemaps() throws Exception {
        String index = """
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://outlet.example/old.xml</loc><lastmod>2020-01-01</lastmod></sitemap>
                  <sitemap><loc>https://outlet.example/news.xml</loc><lastmod>2025-01-18</lastmod></sitemap>
                </sitemapindex>""";
        List<String> fetched = new ArrayList<>();
        Map<String, String> web = Map.of("https://outlet.example/news.xml", NEWS, "https://outlet.example/old.xml", "<urlset></urlset>");
        List<FeedItem> items = Sources.of("sitemap").items(index, "https://outlet.example/index.xml", Optional.empty(), u -> {
            fetched.add(u);
            return web.get(u);
        });
        assertThat(fetched.get(0)).isEqualTo("https://outlet.example/news.xml");
        assertThat(items).hasSize(2);
    }

    @Test
    void everyKindIsRecognisedAndEntitiesAreNeverResolved() throws Exception {
        assertThat(Sources.detect(NEWS)).hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo("sitemap"));
        assertThat(Sources.detect("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>")).hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo("rss"));
        assertThat(Sources.detect("<!doctype html><html><body></body></html>")).hasValueSatisfying(s -> assertThat(s.kind()).isEqualTo("page"));
        assertThat(Sources.detect("{\"json\": true}")).isEmpty();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE u [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<urlset><url><loc>https://e.com/&x;</loc></url></urlset>";
        List<FeedItem> items = Sources.of("sitemap").items(xxe, "https://e.com/s.xml", Optional.empty(), u -> null);
        assertThat(items).allMatch(i -> !i.url().contains("root:"));
        assertThatThrownBy(() -> Sources.of("sitemap").items("<html></html>", "https://e.com/", Optional.empty(), u -> null))
                .isInstanceOf(FeedParseException.class);
    }
}
