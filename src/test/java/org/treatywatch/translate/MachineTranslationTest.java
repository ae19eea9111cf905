package org.treatywatch.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatywatch.TestFiles;
import org.treatywatch.deliver.AlertRenderer;
import org.treatywatch.deliver.Templates;
import org.treatywatch.extract.ArticleExtractor;
import org.treatywatch.fetch.TestHttpServer;
import org.treatywatch.pipeline.ArticleAnalyzer;
import org.treatywatch.summarize.Alert;

/**
 * A LibreTranslate-compatible server on 127.0.0.1: a translated alert shows the translation under
 * the generated headline with the original still folded; an error answer, a broken answer or a
 * server that hangs leave the alert untranslated, and it still goes out.
 */
class MachineTranslationTest {
    static final ObjectMapper JSON = new ObjectMapper();
    TestHttpServer server;
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);

    Alert arabicSigning() {
        ArticleAnalyzer analyzer = new ArticleAnalyzer(TestFiles.shippedDetector(), TestFiles.shippedGazetteer());
        return analyzer.analyse(ArticleExtractor.fromText("بوتين وبزشكيان يوقعان معاهدة الشراكة في موسكو\n"
                + "وقع الرئيسان الروسي والإيراني اليوم في الكرملين معاهدة الشراكة الاستراتيجية الشاملة بين البلدين.", null), "outlet", "https://e.com/a").alert();
    }

    static void answer(com.sun.net.httpserver.HttpExchange ex, int code, String json) throws java.io.IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @BeforeEach
    void start() throws Exception {
        server = new TestHttpServer();
        server.handle("/ok/translate", ex -> {
            requests.add(JSON.readTree(ex.getRequestBody()));
            answer(ex, 200, "{\"translatedText\": [\"פוטין ופזשכיאן חותמים על אמנת השותפות במוסקבה\", \"הנשיאים חתמו היום בקרמלין על האמנה.\"]}");
        });
        server.handle("/refuses/translate", ex -> answer(ex, 403, "{\"error\": \"Invalid API key\"}"));
        server.handle("/broken/translate", ex -> answer(ex, 200, "{\"translatedText\": 42}"));
        server.handle("/hangs/translate", ex -> {
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, 500, "{}");
        });
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    AlertRenderer renderer(String path, Duration timeout) {
        String base = server.url(path).replaceAll("/translate$", "");
        return new AlertRenderer(new Templates(Path.of("templates")), Translator.libreTranslate(base, "k-123", timeout));
    }

    @Test
    void aTranslatedAlertShowsTheTranslationMarkedAndTheOriginalFolded() {
        String he = renderer("/ok/translate", Duration.ofSeconds(5)).render(arabicSigning(), "he");
        assertThat(he).contains("<i>תרגום מכונה:</i> <b>פוטין ופזשכיאן חותמים על אמנת השותפות במוסקבה</b>")
                .contains("הנשיאים חתמו היום בקרמלין על האמנה.")
                .contains("<blockquote expandable><i>המקור בערבית:</i>").contains("بوتين وبزشكيان يوقعان");
        assertThat(he.indexOf("תרגום מכונה")).isLessThan(he.indexOf("<blockquote"));
        JsonNode q = requests.get(0);
        assertThat(q.path("source").asText()).isEqualTo("ar");
        assertThat(q.path("target").asText()).isEqualTo("he");
        assertThat(q.path("format").asText()).isEqualTo("text");
        assertThat(q.path("api_key").asText()).isEqualTo("k-123");
        assertThat(q.path("q")).hasSize(2);
    }

    @Test
    void theSameLanguageIsNeverSentForTranslation() {
        renderer("/ok/translate", Duration.ofSeconds(5)).render(arabicSigning(), "ar");
        assertThat(requests).isEmpty();
    }

    @Test
    void refusedOrBrokenAnswersLeaveTheAlertUntranslatedButComplete() {
        for (String path : List.of("/refuses/translate", "/broken/translate", "/missing/translate")) {
            String he = renderer(path, Duration.ofSeconds(5)).render(arabicSigning(), "he");
            assertThat(he).as(path).doesNotContain("תרגום מכונה").startsWith("🔔 <b>פוטין ופזשכיאן חתמו על הסכם")
                    .contains("<blockquote expandable>");
        }
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyNeverReachesAnotherOriginAndErrorsLogAsOneLine() throws Exception {
        try (TestHttpServer other = new TestHttpServer()) {
            List<String> bodies = new CopyOnWriteArrayList<>();
            other.handle("/steal/translate", ex -> {
                bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                answer(ex, 200, "{\"translatedText\": [\"x\", \"y\"]}");
            });
            server.handle("/moves/translate", ex -> {
                ex.getResponseHeaders().set("Location", other.url("/steal/translate"));
                ex.sendResponseHeaders(307, -1);
                ex.close();
            });
            String he = renderer("/moves/translate", Duration.ofSeconds(5)).render(arabicSigning(), "he");
            assertThat(he).doesNotContain("תרגום מכונה").contains("פוטין ופזשכיאן");
            assertThat(bodies).isEmpty();
            assertThat(other.hits("/steal/translate")).isZero();
        }
        assertThat(LibreTranslateClient.errorOf("{\"error\": \"bad\\n2026-12-04 ERROR forged line\"}")).isEqualTo("bad 2026-12-04 ERROR forged line");
        assertThat(LibreTranslateClient.errorOf("<html>\n<body>\n" + "x".repeat(500))).doesNotContain("\n").hasSizeLessThanOrEqualTo(201);
    }

    @Test
    void aServerThatHangsCostsNoMoreThanTheTimeout() {
        AlertRenderer r = renderer("/hangs/translate", Duration.ofSeconds(1));
        String he = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> r.render(arabicSigning(), "he"));
        assertThat(he).doesNotContain("תרגום מכונה").contains("פוטין ופזשכיאן");
        assertThat(LibreTranslateClient.TIMEOUT).isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void eachItemIsTranslatedOncePerLanguageWhateverTheNumberOfSubscribers(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (org.treatywatch.store.Db db = org.treatywatch.store.Db.open("jdbc:h2:file:" + dir.resolve("tw"))) {
            org.treatywatch.store.ChatStore chats = new org.treatywatch.store.ChatStore(db);
            for (long chat = 1; chat <= 3; chat++) {
                chats.ensure(chat, "he", "private");
                chats.subscribeTopic(chat);
            }
            chats.ensure(4, "ar", "private");
            chats.subscribeTopic(4);
            server.serve("/a/signed", "text/html; charset=utf-8", TestFiles.resource("fixtures/ar-treaty-signed.html"));
            server.serve("/feed.xml", "application/rss+xml", TestFiles.rss(List.of()));
            org.treatywatch.store.FeedStore feeds = new org.treatywatch.store.FeedStore(db);
            feeds.add(new org.treatywatch.config.FeedDef("f", "f", server.url("/feed.xml"), org.treatywatch.config.FeedDef.Kind.RSS, "ar",
                    Duration.ofMinutes(10), true, java.util.Optional.empty()), org.treatywatch.store.FeedRow.ORIGIN_BOT);
            org.treatywatch.pipeline.FeedPoller poller = new org.treatywatch.pipeline.FeedPoller(feeds, new org.treatywatch.store.ItemStore(db),
                    new org.treatywatch.store.PollRecorder(db), new org.treatywatch.fetch.HttpFetcher(new org.treatywatch.fetch.UrlGuard(true)),
                    new ArticleAnalyzer(TestFiles.shippedDetector(), TestFiles.shippedGazetteer()), renderer("/ok/translate", Duration.ofSeconds(5)),
                    new org.treatywatch.match.SubscriptionCache(chats), new org.treatywatch.store.StoryStore(db), () -> { });
            poller.pollScheduled("f");
            server.serve("/feed.xml", "application/rss+xml", TestFiles.rss(List.of(
                    new TestFiles.RssItem("1", "بوتين وبزشكيان يوقعان معاهدة الشراكة الاستراتيجية الشاملة في موسكو", server.url("/a/signed"), "الكرملين"))));
            org.treatywatch.pipeline.PollReport report = poller.pollScheduled("f");
            assertThat(report.queued()).isEqualTo(4);
            assertThat(requests).hasSize(1);
            assertThat(requests.get(0).path("target").asText()).isEqualTo("he");
        }
    }
}
