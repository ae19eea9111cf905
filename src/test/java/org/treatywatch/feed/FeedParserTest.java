package org.treatywatch.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    static final String BASE = "https://news.example.com/rss/world.xml";

    @Test
    void rss2ItemsGetTextSummariesAbsoluteLinksAndStableIds() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>t</title><link>https://news.example.com/</link><description>d</description>
                <item><title>بوتين &amp; بزشكيان</title><link>/world/1?utm_source=rss&amp;id=7#top</link>
                  <description>&lt;p&gt;نص &lt;b&gt;عريض&lt;/b&gt;&lt;/p&gt;</description><pubDate>Fri, 17 Jan 2025 12:00:00 GMT</pubDate></item>
                <item><title>بلا رابط</title><description>وصف</description></item>
                <item><guid isPermaLink="false">tag:x,2025:3</guid><title>معرف</title><link>https://News.Example.com:443/a/3</link></item>
                </channel></rss>
                """;
        List<FeedItem> items = FeedParser.parse(xml, BASE);
        assertThat(items).hasSize(3);
        FeedItem first = items.get(0);
        assertThat(first.title()).isEqualTo("بوتين & بزشكيان");
        assertThat(first.url()).isEqualTo("https://news.example.com/world/1?id=7");
        assertThat(first.guid()).isEqualTo(first.url());
        assertThat(first.summary()).isEqualTo("نص عريض");
        assertThat(first.published()).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2025-01-17T12:00:00Z"));
        assertThat(items.get(1).url()).isNull();
        assertThat(items.get(1).guid()).startsWith("sha1:");
        assertThat(FeedParser.parse(xml, BASE).get(1).guid()).isEqualTo(items.get(1).guid());
        assertThat(items.get(2).guid()).isEqualTo("tag:x,2025:3");
        assertThat(items.get(2).url()).isEqualTo("https://news.example.com/a/3");
    }

    @Test
    void hiddenBidiAndZeroWidthControlsAreStrippedButPersianJoinersStay() throws Exception {
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>https://e.com/</link><description>d</description>"
                + "<item><title>\u202Eروسيا\u200B وإيران\u2066 خامنه\u200Cای</title><link>https://e.com/1</link></item></channel></rss>";
        assertThat(FeedParser.parse(xml, BASE).get(0).title()).isEqualTo("روسيا وإيران خامنه\u200Cای");
    }

    @Test
    void rss091WithTheNetscapeDoctypeIsReadButEntityDefinitionsAreRefused() throws Exception {
        String rss091 = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
                <rss version="0.91"><channel><title>t</title><link>https://e.com/</link><description>d</description><language>ar</language>
                <item><title>روسيا&nbsp;وإيران</title><link>https://e.com/1</link></item></channel></rss>
                """;
        assertThat(FeedParser.parse(rss091, BASE)).singleElement().satisfies(i -> assertThat(i.url()).isEqualTo("https://e.com/1"));
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&xxe;</title><link>https://e.com/</link><description>d</description></channel></rss>
                """;
        assertThatThrownBy(() -> FeedParser.parse(xxe, BASE)).isInstanceOf(FeedParseException.class);
    }

    @Test
    void onlyWebLinksSurvive() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>t</title><link>https://news.example.com/</link><description>d</description>
                <item><title>a</title><link>javascript:alert(document.cookie)</link></item>
                <item><title>b</title><link>tg://resolve?domain=phishing_bot</link></item>
                <item><title>c</title><link>data:text/html;base64,PHNjcmlwdD4=</link></item>
                <item><title>d</title><link>file:///etc/passwd</link></item>
                <item><title>e</title><link>https://news.example.com/ok</link></item>
                </channel></rss>
                """;
        List<FeedItem> items = FeedParser.parse(xml, BASE);
        assertThat(items).hasSize(5);
        assertThat(items.subList(0, 4)).allMatch(i -> i.url() == null);
        assertThat(items.get(4).url()).isEqualTo("https://news.example.com/ok");
    }

    @Test
    void atomAndRss1AreReadToo() throws Exception {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id><updated>2025-01-01T00:00:00Z</updated>
                <entry><id>urn:e1</id><title type="html">&lt;em&gt;איראן&lt;/em&gt; ורוסיה</title><link href="e1.html"/>
                <updated>2025-01-02T10:00:00+02:00</updated><summary>תקציר</summary></entry></feed>
                """;
        FeedItem e = FeedParser.parse(atom, "https://he.example.co.il/feeds/atom.xml").get(0);
        assertThat(e.title()).isEqualTo("איראן ורוסיה");
        assertThat(e.url()).isEqualTo("https://he.example.co.il/feeds/e1.html");
        assertThat(e.guid()).isEqualTo("urn:e1");
        assertThat(e.published()).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2025-01-02T08:00:00Z"));

        String rdf = """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                <channel rdf:about="https://x.example/"><title>t</title><link>https://x.example/</link><description>d</description></channel>
                <item rdf:about="https://x.example/1"><title>one</title><link>https://x.example/1</link></item></rdf:RDF>
                """;
        assertThat(FeedParser.parse(rdf, "https://x.example/rss").get(0).url()).isEqualTo("https://x.example/1");
    }

    @Test
    void sloppyFeedsAreReadLeniently() throws Exception {
        String sloppy = "\uFEFF  \n<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A & B</title><link>https://x.example/</link>"
                + "<description>d&nbsp;e</description><item><title>Tom & Jerry&hellip;</title><link>https://x.example/1</link>"
                + "<description>caf&eacute; &bogus; x</description></item></channel></rss>";
        FeedItem item = FeedParser.parse(sloppy, "https://x.example/rss").get(0);
        assertThat(item.title()).isEqualTo("Tom & Jerry…");
        assertThat(item.summary()).isEqualTo("café &bogus; x");
    }

    @Test
    void garbageIsAClearError() {
        assertThatThrownBy(() -> FeedParser.parse("<html><body>not a feed</body></html>", BASE))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("not a readable RSS or Atom feed");
    }

    @Test
    void dublinCoreDatesPermalinkGuidsAndXhtmlAreReadLikeRomeReadsThem() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
                <atom:link href="https://e.com/rss" rel="self"/>
                <item><guid>https://e.com/a/1</guid><title>א</title><dc:date>2025-01-17T14:00:00+02:00</dc:date>
                  <content:encoded><![CDATA[<p>גוף <b>מלא</b></p>]]></content:encoded></item>
                <item><guid isPermaLink="false">id-2</guid><title>ב</title><atom:link href="https://e.com/not-the-link"/></item>
                <item><title>ג</title><link>https://e.com/a/3</link><link>https://e.com/a/3-again</link></item>
                </channel></rss>
                """;
        List<FeedItem> items = FeedParser.parse(rss, BASE);
        assertThat(items).hasSize(3);
        assertThat(items.get(0).url()).as("a guid that is a permalink is the link").isEqualTo("https://e.com/a/1");
        assertThat(items.get(0).published()).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2025-01-17T12:00:00Z"));
        assertThat(items.get(0).summary()).isEqualTo("גוף מלא");
        assertThat(items.get(1).url()).as("a namespaced link is not the item's link").isNull();
        assertThat(items.get(1).guid()).isEqualTo("id-2");
        assertThat(items.get(2).url()).isEqualTo("https://e.com/a/3");

        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
                <entry><id>urn:e</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">the &lt;blink&gt; tag</div></title>
                <link rel="enclosure" href="https://e.com/a.mp3"/><link rel="alternate" href="https://e.com/e"/>
                <published>2025-01-02T10:00:00Z</published><updated>2025-03-01T00:00:00Z</updated>
                <content type="html">&lt;p&gt;content&lt;/p&gt;</content></entry></feed>
                """;
        FeedItem e = FeedParser.parse(atom, BASE).get(0);
        assertThat(e.title()).isEqualTo("the <blink> tag");
        assertThat(e.url()).isEqualTo("https://e.com/e");
        assertThat(e.published()).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("2025-01-02T10:00:00Z"));
        assertThat(e.summary()).isEqualTo("content");
    }

    @Test
    void rss090IsReadToo() throws Exception {
        String rss090 = """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
                <channel><title>t</title><link>https://x.example/</link><description>d</description></channel>
                <item><title>one</title><link>https://x.example/1</link></item></rdf:RDF>
                """;
        assertThat(FeedParser.parse(rss090, BASE)).singleElement().satisfies(i -> assertThat(i.url()).isEqualTo("https://x.example/1"));
    }
}
