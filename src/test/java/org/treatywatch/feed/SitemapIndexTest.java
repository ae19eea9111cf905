package org.treatywatch.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatywatch.fetch.Charsets;
import org.treatywatch.fetch.FetchResult;
import org.treatywatch.fetch.HttpFetcher;
import org.treatywatch.fetch.TestHttpServer;
import org.treatywatch.fetch.UrlGuard;

/**
 * Sitemap indexes as outlets really serve them, over HTTP on 127.0.0.1 and through the real
 * fetcher: indexes that list themselves or nest without end, children that are gone, and
 * children that are gzip files.
 */
class SitemapIndexTest {
    TestHttpServer web;
    HttpFetcher fetcher;

    @BeforeEach
    void setUp() throws IOException {
        web = new TestHttpServer();
        fetcher = new HttpFetcher(new UrlGuard(true), Duration.ofSeconds(5), Duration.ofSeconds(10), HttpFetcher.DEFAULT_MAX_BYTES);
    }

    @AfterEach
    void tearDown() {
        web.close();
    }

    /** What the pollers do: fetch, decode, and hand the source a way to fetch what the body refers to. */
    private List<FeedItem> poll(String path) throws Exception {
        FetchResult r = fetcher.fetch(web.url(path), null, null, false);
        return Sources.of("sitemap").items(Charsets.decode(r.body(), r.contentType()), r.finalUrl(), Optional.empty(), u -> {
            FetchResult more = fetcher.fetch(u, null, null, false);
            return Charsets.decode(more.body(), more.contentType());
        });
    }

    private String news(String path, String... ids) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                + " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
        for (String id : ids) {
            sb.append("<url><loc>").append(web.url(path + id)).append("</loc><news:news><news:publication><news:name>Outlet</news:name>")
                    .append("<news:language>ar</news:language></news:publication><news:publication_date>2025-01-17T10:00:00+03:00")
                    .append("</news:publication_date><news:title>خبر ").append(id).append("</news:title></news:news></url>\n");
        }
        return sb.append("</urlset>\n").toString();
    }

    private String index(String... paths) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<!-- ").append("a long comment pushes the root element out of the first bytes ".repeat(100)).append("-->\n");
        sb.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String p : paths) sb.append("<sitemap><loc>").append(web.url(p)).append("</loc><lastmod>2025-01-18</lastmod></sitemap>\n");
        return sb.append("</sitemapindex>\n").toString();
    }

    @Test
    void anIndexThatListsItselfIsReadOnce() throws Exception {
        web.serve("/index.xml", "application/xml", index("/index.xml", "/news.xml"));
        web.serve("/news.xml", "application/xml", news("/ar/", "1", "2"));
        List<FeedItem> items = poll("/index.xml");
        assertThat(items).extracting(FeedItem::title).containsExactlyInAnyOrder("خبر 1", "خبر 2");
        assertThat(web.hits("/index.xml")).isEqualTo(1);
        assertThat(web.hits("/news.xml")).isEqualTo(1);
    }

    @Test
    void indexesThatNestWithoutEndAreFollowedTwoLevelsDeepWithABoundedNumberOfFetches() throws Exception {
        // every /deep/N is a new index listing its news and two more indexes: a tree without end
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < 2000; i++) {
            int n = i;
            web.handle("/deep/" + n, ex -> {
                served.incrementAndGet();
                byte[] b = index("/news/" + n + ".xml", "/deep/" + (2 * n + 1), "/deep/" + (2 * n + 2))
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/xml");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            });
            web.serve("/news/" + n + ".xml", "application/xml", news("/n" + n + "/", "1"));
        }
        List<FeedItem> items = poll("/deep/0");
        assertThat(items).extracting(FeedItem::url).contains(web.url("/n0/1"), web.url("/n1/1"), web.url("/n2/1"));
        assertThat(served.get()).isLessThanOrEqualTo(1 + SitemapSource.MAX_FETCHES);
    }

    @Test
    void aMissingChildIsSkippedAndTheOthersStillCount() throws Exception {
        web.serve("/index.xml", "application/xml", index("/gone.xml", "/news.xml", "/html"));
        web.serve("/news.xml", "application/xml", news("/ar/", "1"));
        web.serve("/html", "text/html", "<!doctype html><html><body>not a sitemap</body></html>");
        List<FeedItem> items = poll("/index.xml");
        assertThat(items).extracting(FeedItem::title).containsExactly("خبر 1");
        assertThat(web.hits("/gone.xml")).isEqualTo(1);
    }

    @Test
    void anIndexWhoseEveryChildFailsIsAnErrorNamingTheFirstFailure() {
        web.serve("/index.xml", "application/xml", index("/gone.xml", "/also-gone.xml"));
        assertThatThrownBy(() -> poll("/index.xml")).isInstanceOf(FeedParseException.class)
                .hasMessageContaining("gone.xml").hasMessageContaining("404");
    }

    @Test
    void gzippedChildrenServedWithoutContentEncodingAreRead() throws Exception {
        web.serve("/index.xml", "application/xml", index("/news-1.xml.gz", "/news-2.xml.gz"));
        web.serve("/news-1.xml.gz", "application/x-gzip", gzip(news("/ar/", "1")));
        web.serve("/news-2.xml.gz", "application/octet-stream", gzip(news("/he/", "2")));
        List<FeedItem> items = poll("/index.xml");
        assertThat(items).extracting(FeedItem::title).containsExactlyInAnyOrder("خبر 1", "خبر 2");
    }

    @Test
    void aGzipBombIsRefusedNotUnpacked() {
        web.serve("/index.xml", "application/xml", index("/bomb.xml.gz"));
        web.serve("/bomb.xml.gz", "application/x-gzip", gzip("<urlset>" + " ".repeat(64 * 1024 * 1024) + "</urlset>"));
        assertThatThrownBy(() -> poll("/index.xml")).isInstanceOf(FeedParseException.class).hasMessageContaining("bomb.xml.gz");
    }

    @Test
    void aSitemapIsReadUpToTheProtocolsMaximumOfUrls() throws Exception {
        StringBuilder sb = new StringBuilder("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int i = 0; i < 60_000; i++) {
            // the newest ones come after the 50,000th: a sitemap that long is not read to its end
            String day = i < 50_000 ? "2025-01-01" : "2025-02-01";
            sb.append("<url><loc>https://outlet.example/a/").append(i).append("</loc><lastmod>").append(day).append("</lastmod></url>\n");
        }
        List<FeedItem> items = Sources.of("sitemap").items(sb.append("</urlset>").toString(), "https://outlet.example/sitemap.xml",
                Optional.empty(), u -> null);
        assertThat(items).hasSize(SitemapSource.MAX_ITEMS);
        assertThat(items).allSatisfy(i -> assertThat(i.published().orElseThrow().toString()).startsWith("2025-01-01"));
        assertThat(items.get(0).url()).isEqualTo("https://outlet.example/a/0"); // same day: the sitemap's own order
    }

    static byte[] gzip(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
