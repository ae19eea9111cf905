package org.treatywatch.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A sitemap at the protocol's maximum of 50,000 URLs, and one of 470,000 nested elements, read in a
 * JVM whose heap is smaller than either document's tree would be: the reader streams, so it does.
 */
class SitemapMemoryTest {
    static final String HEAP = "-Xmx24m";

    @Test
    void theLargestSitemapsAreReadInASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:+UseSerialGC", HEAP, "-Xss512k", "-cp", System.getProperty("java.class.path"),
                SitemapMemoryTest.class.getName()).redirectErrorStream(true).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) p.destroyForcibly();
        assertThat(ended).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("50000 urls: 200 items", "nested: 1 items");
    }

    /** Runs in the small heap. */
    public static void main(String[] args) throws Exception {
        StringBuilder sb = new StringBuilder(4_200_000).append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append("<url><loc>https://outlet.example/a/").append(i).append("</loc><lastmod>2025-01-17</lastmod></url>\n");
        }
        String big = sb.append("</urlset>").toString();
        sb = null;
        List<FeedItem> items = Sources.of("sitemap").items(big, "https://outlet.example/sitemap.xml", Optional.empty(), u -> null);
        System.out.println("50000 urls: " + items.size() + " items");
        big = null;
        // every <a> left open: a tree 470,000 deep, unless the reader cuts the nesting
        String nested = "<urlset><url><loc>https://outlet.example/b/1</loc></url>" + "<a>".repeat(470_000) + "</urlset>";
        System.out.println("nested: " + Sources.of("sitemap").items(nested, "https://outlet.example/nested.xml", Optional.empty(), u -> null).size()
                + " items");
    }
}
