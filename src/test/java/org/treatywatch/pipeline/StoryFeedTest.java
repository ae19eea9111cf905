package org.treatywatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles;
import org.treatywatch.deliver.AlertRenderer;
import org.treatywatch.deliver.Templates;
import org.treatywatch.ops.OpsServer;
import org.treatywatch.store.Db;
import org.treatywatch.store.PollRecorder;
import org.treatywatch.store.StoredItem;
import org.treatywatch.store.StoryStore;
import org.treatywatch.story.StoryKey;

/** The stories' Atom feed stays a valid document whatever the outlets put in their titles and names. */
class StoryFeedTest {
    @TempDir
    Path dir;
    Db db;
    StoryFeed feed;

    @BeforeEach
    void setUp() {
        db = Db.open("jdbc:h2:file:" + dir.resolve("tw"));
        Templates templates = new Templates(Path.of("templates"));
        feed = new StoryFeed(new StoryStore(db), TestFiles::shippedGazetteer, templates, new AlertRenderer(templates));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void story(String guid, String title, String outlet, String url) {
        StoredItem item = new StoredItem(0, "outlet", guid, url, title, null, "ar", StoredItem.RELEVANT, 0.9, "");
        StoryStore.StoryRow row = new StoryStore.StoryRow(0, Optional.of("signing"), Set.of(), Set.of(), Optional.empty(), title, "ar",
                Instant.parse("2025-01-17T10:00:00Z"));
        new PollRecorder(db).record("outlet", List.of(new PollRecorder.NewItem(item, Map.of(),
                new PollRecorder.Placement(new StoryKey(url, 0L, row.stage(), Set.of(), Set.of(), Optional.empty()), row, outlet))), Instant.parse("2025-01-17T10:00:00Z"));
    }

    @Test
    void controlCharactersInTitlesAndOutletNamesNeitherBreakTheFeedNorReachIt() throws Exception {
        story("1", "بوتين\u0001 وبزشكيان يوقعان\uFFFE المعاهدة\u0008\uD800", "Outlet\u0007 \u202Eعربي\u200F", "https://outlet.example/ar/1?a=\u0002b");
        story("2", "פוטין ופזשכיאן חתמו על ההסכם", "Hebrew Outlet", "https://outlet.example/he/2");
        try (OpsServer ops = new OpsServer(0, Map.of(), () -> 0, OpsServer.newRegistry())) {
            ops.serve("/stories.ar.atom", "application/atom+xml; charset=utf-8", self -> feed.atom("ar", StoryFeed.DEFAULT_ENTRIES, self));
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ops.port() + "/stories.ar.atom")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            // a strict XML parser, not Rome's lenient reading
            org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
            assertThat(xml.getElementsByTagName("entry").getLength()).isEqualTo(2);
            // our own template's emoji are not controls (Rome writes them as character references)
            assertThat(xml.getElementsByTagName("content").item(0).getTextContent()).contains("📅", "📌");
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertThat(body).contains("بوتين وبزشكيان يوقعان المعاهدة", "Outlet عربي", "https://outlet.example/ar/1?a=b")
                    .doesNotContain("\u202E", "\u200F", "\uFFFE", "\u0001", "&#1;", "&#x1;");
        }
    }

    @Test
    void theSelfLinkIsTheDocumentsOwnNameAndIdsDoNotDependOnHowItWasAddressed() throws Exception {
        story("1", "بوتين وبزشكيان يوقعان المعاهدة", "Outlet", "https://outlet.example/ar/1");
        com.rometools.rome.feed.synd.SyndFeed one = new com.rometools.rome.io.SyndFeedInput().build(
                new java.io.StringReader(feed.atom("ar", 10, "stories.ar.atom")));
        assertThat(one.getLinks()).singleElement().satisfies(l -> {
            assertThat(l.getRel()).isEqualTo("self");
            assertThat(l.getHref()).isEqualTo("stories.ar.atom");
        });
        assertThat(URI.create(one.getUri()).isAbsolute()).isTrue();
        assertThat(URI.create(one.getEntries().get(0).getUri()).isAbsolute()).isTrue();
        assertThat(one.getUri()).doesNotContain("localhost", "127.0.0.1");
    }
}
