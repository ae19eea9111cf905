package org.treatywatch.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {
    @Test
    void canonicalUrlsDropTrackingFragmentsAndDefaultPorts() {
        assertThat(Urls.canonical("HTTPS://WWW.Example.COM:443/a/b?utm_source=tw&id=1&fbclid=xyz#frag"))
                .isEqualTo("https://www.example.com/a/b?id=1");
        assertThat(Urls.canonical("http://example.com")).isEqualTo("http://example.com/");
        assertThat(Urls.canonical("https://example.com/x?gclid=1")).isEqualTo("https://example.com/x");
    }

    @Test
    void relativeLinksResolveAgainstTheFeed() {
        assertThat(Urls.resolve("https://e.com/rss/feed.xml", "../news/1")).isEqualTo("https://e.com/news/1");
        assertThat(Urls.resolve("https://e.com/rss/feed.xml", "//cdn.e.com/x")).isEqualTo("https://cdn.e.com/x");
    }
}
