package org.treatywatch.service;

import org.treatywatch.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles.RssItem;
import org.treatywatch.bot.FakeBotApi;
import org.treatywatch.config.AppConfig;
import org.treatywatch.fetch.TestHttpServer;

/**
 * One event, three reports: an Arabic outlet, a Hebrew outlet, and a second Arabic site that
 * republishes the first article. The subscriber gets one alert, edited to say where else it was
 * reported, and /timeline shows one story.
 */
class StoriesEndToEndTest {
    static final String TOKEN = "123456789:AAstories-test-token_abcdefghijklm";
    static final long USER = 880001;

    @TempDir
    Path dir;

    @Test
    void oneAlertPerStoryAcrossOutletsAndLanguagesThenATimeline() throws Exception {
        try (TestHttpServer web = new TestHttpServer(); FakeBotApi telegram = new FakeBotApi(TOKEN)) {
            String arabicPage = TestFiles.resource("fixtures/ar-treaty-signed.html");
            web.serve("/ar/1", "text/html; charset=utf-8", arabicPage);
            web.serve("/copy/7", "text/html; charset=utf-8", arabicPage.replace("أخبار العالم", "موقع آخر"));
            web.serve("/he/1", "text/html; charset=utf-8", TestFiles.resource("fixtures/he-treaty-signed.html"));
            List<RssItem> ar = new ArrayList<>(), he = new ArrayList<>(), copy = new ArrayList<>();
            web.serve("/ar.xml", "application/rss+xml", TestFiles.rss(ar));
            web.serve("/he.xml", "application/rss+xml", TestFiles.rss(he));
            web.serve("/copy.xml", "application/rss+xml", TestFiles.rss(copy));
            String yaml = "feeds:\n"
                    + "  - {id: arabic-outlet, name: \"Arabic Outlet\", url: \"" + web.url("/ar.xml") + "\", language: ar, interval: 5s}\n"
                    + "  - {id: hebrew-outlet, name: \"Hebrew Outlet\", url: \"" + web.url("/he.xml") + "\", language: he, interval: 5s}\n"
                    + "  - {id: copy-site, name: \"Copy Site\", url: \"" + web.url("/copy.xml") + "\", language: ar, interval: 5s}\n"
                    + TestFiles.shippedTopics();
            Path feeds = dir.resolve("feeds.yaml");
            Files.writeString(feeds, yaml, StandardCharsets.UTF_8);
            AppConfig config = AppConfig.fromEnv(Map.of()).withToken(TOKEN).withApiUrl(telegram.url()).withAdmins(Set.of())
                    .withDbUrl("jdbc:h2:file:" + dir.resolve("db")).withFeedsPath(feeds).withTemplatesDir(Path.of("templates"))
                    .withAllowPrivateFeeds(true).withMetricsPort(0);
            try (Service service = Service.start(config)) {
                telegram.userSends(USER, "/subscribe", "he");
                for (String id : List.of("arabic-outlet", "hebrew-outlet", "copy-site")) service.scheduling().pollNow(id); // not after the start-up jitter
                await().atMost(Duration.ofSeconds(30)).until(() -> service.pipeline().feeds().all().stream().allMatch(f -> f.initialized())
                        && !telegram.sentTo(USER).isEmpty());

                ar.add(new RssItem("a1", "بوتين وبزشكيان يوقعان معاهدة الشراكة الاستراتيجية الشاملة في موسكو", web.url("/ar/1"), ""));
                web.serve("/ar.xml", "application/rss+xml", TestFiles.rss(ar));
                service.scheduling().pollNow("arabic-outlet"); // no waiting out the interval
                await().atMost(Duration.ofSeconds(60)).until(() -> alerts(telegram).size() == 1);

                he.add(new RssItem("h1", "פוטין ופזשכיאן חתמו במוסקבה על הסכם השותפות האסטרטגית", web.url("/he/1"), ""));
                web.serve("/he.xml", "application/rss+xml", TestFiles.rss(he));
                service.scheduling().pollNow("hebrew-outlet");
                await().atMost(Duration.ofSeconds(60)).until(() -> telegram.edits().size() == 1);
                assertThat(telegram.edits().get(0).text()).contains("דווח גם במקור נוסף אחד").contains(web.url("/he/1"));

                copy.add(new RssItem("c7", "نقلا عن وكالات: توقيع المعاهدة الروسية الإيرانية", web.url("/copy/7"), ""));
                web.serve("/copy.xml", "application/rss+xml", TestFiles.rss(copy));
                service.scheduling().pollNow("copy-site");
                await().atMost(Duration.ofSeconds(60)).until(() -> telegram.edits().size() == 2);
                assertThat(telegram.edits().get(1).text()).contains("דווח גם ב-2 מקורות").contains("Copy Site");
                assertThat(alerts(telegram)).hasSize(1);

                int before = telegram.sentTo(USER).size();
                telegram.userSends(USER, "/timeline", "he");
                await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(USER).size() > before);
                String timeline = telegram.sentTo(USER).get(before).text();
                assertThat(timeline).contains("ציר הזמן", "📌 חתימה", "מוסקבה", "Arabic Outlet", "Hebrew Outlet", "Copy Site");
                assertThat(timeline.split("📅", -1)).hasSize(2); // one story

                // The same story in a feed reader: valid Atom in each language, generated headline, every outlet linked.
                int port = service.ops().orElseThrow().port();
                com.rometools.rome.feed.synd.SyndFeed heFeed = atom("http://127.0.0.1:" + port + "/stories.he.atom");
                assertThat(heFeed.getFeedType()).isEqualTo("atom_1.0");
                assertThat(heFeed.getEntries()).singleElement().satisfies(e -> {
                    assertThat(e.getTitle()).contains("פוטין", "חתמו");
                    assertThat(e.getContents().get(0).getValue()).contains("📌 חתימה", web.url("/ar/1"), web.url("/he/1"),
                            web.url("/copy/7"), "Copy Site");
                    assertThat(e.getLink()).isEqualTo(web.url("/ar/1"));
                });
                // The archive: words found in their other forms, one result per story with its outlets and link.
                String found = reply(telegram, "/search معاهدة");
                assertThat(found).contains("חיפוש", "תוצאה אחת", "Arabic Outlet", "Copy Site", "<a href=\"" + web.url("/")).contains("📌 חתימה");
                assertThat(reply(telegram, "/search פזשכיאן")).contains("תוצאה אחת", "Hebrew Outlet", web.url("/he/1"));
                assertThat(reply(telegram, "/search גשם בצפון")).contains("לא נמצאו");
                assertThat(reply(telegram, "/search")).contains("/search");
                com.rometools.rome.feed.synd.SyndFeed arFeed = atom("http://127.0.0.1:" + port + "/stories.ar.atom");
                assertThat(arFeed.getEntries()).singleElement().satisfies(e -> {
                    assertThat(e.getTitle()).contains("بوتين");
                    assertThat(e.getContents().get(0).getValue()).contains(web.url("/he/1"));
                });
            }
        }
    }

    private static String reply(FakeBotApi telegram, String text) {
        int before = telegram.sentTo(USER).size();
        telegram.userSends(USER, text, "he");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(USER).size() > before);
        return telegram.sentTo(USER).get(before).text();
    }

    private static com.rometools.rome.feed.synd.SyndFeed atom(String url) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        return new com.rometools.rome.io.SyndFeedInput().build(new java.io.StringReader(r.body()));
    }

    private static List<FakeBotApi.Sent> alerts(FakeBotApi telegram) {
        return telegram.sentTo(USER).stream().filter(s -> s.text().startsWith("🔔")).toList();
    }
}
