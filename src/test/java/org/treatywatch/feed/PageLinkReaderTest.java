package org.treatywatch.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageLinkReaderTest {
    @Test
    void theSelectorPicksSameSiteArticleLinksOnce() {
        String html = """
                <html><body>
                <h3><a href="/news/1?utm_medium=x">بوتين يستقبل بزشكيان</a></h3>
                <h3><a href="https://www.example.com/news/2">المعاهدة</a></h3>
                <h3><a href="/news/1">بوتين يستقبل بزشكيان</a></h3>
                <h3><a href="https://other.example.org/news/3">موقع آخر</a></h3>
                <div><a href="/about">من نحن</a></div>
                </body></html>
                """;
        List<FeedItem> items = PageLinkReader.read(html, "https://www.example.com/world", "h3 a");
        assertThat(items).extracting(FeedItem::url)
                .containsExactly("https://www.example.com/news/1", "https://www.example.com/news/2");
        assertThat(items.get(0).title()).isEqualTo("بوتين يستقبل بزشكيان");
        assertThat(items.get(0).guid()).isEqualTo(items.get(0).url());
    }
}
