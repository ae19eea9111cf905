package org.treatywatch.service;

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
import org.treatywatch.TestFiles;
import org.treatywatch.TestFiles.RssItem;
import org.treatywatch.bot.FakeBotApi;
import org.treatywatch.config.AppConfig;
import org.treatywatch.fetch.TestHttpServer;

/**
 * First to know: the Kremlin (Russian) reports the signing, then IRNA (Persian), then an Arabic and a
 * Hebrew outlet. Through the running service each subscriber gets one alert, from the first report, in
 * their own language — the headline generated in Hebrew or Arabic, the Russian original folded and
 * labeled — and every later report, in any of the four languages, edits that alert instead of sending another.
 */
class SourceLanguagesEndToEndTest {
    static final String TOKEN = "123456789:AAsources-test-token_abcdefghijklm";
    static final long HEBREW_READER = 990001, ARABIC_READER = 990002;

    @TempDir
    Path dir;

    @Test
    void theKremlinAndIrnaReportsOfOneSigningAreOneAlertPerChatInTheReadersLanguage() throws Exception {
        try (TestHttpServer web = new TestHttpServer(); FakeBotApi telegram = new FakeBotApi(TOKEN)) {
            web.serve("/kremlin/1", "text/html; charset=utf-8", TestFiles.resource("fixtures/sources/ru-signing.html"));
            // IRNA's report of the same day ("today" rather than its Solar Hijri date: the test's clock is today's)
            web.serve("/irna/1", "text/html; charset=utf-8",
                    TestFiles.resource("fixtures/sources/fa-signing.html").replace("روز جمعه ۲۸ دی ۱۴۰۳", "امروز"));
            web.serve("/ar/1", "text/html; charset=utf-8", TestFiles.resource("fixtures/ar-treaty-signed.html"));
            web.serve("/he/1", "text/html; charset=utf-8", TestFiles.resource("fixtures/he-treaty-signed.html"));
            Map<String, List<RssItem>> items = Map.of("kremlin", new ArrayList<>(), "irna", new ArrayList<>(),
                    "arabic-outlet", new ArrayList<>(), "hebrew-outlet", new ArrayList<>());
            items.forEach((id, list) -> web.serve("/" + id + ".xml", "application/rss+xml", TestFiles.rss(list)));
            Path feeds = dir.resolve("feeds.yaml");
            Files.writeString(feeds, "feeds:\n"
                    + feed("kremlin", "Kremlin", web, "ru") + feed("irna", "IRNA", web, "fa")
                    + feed("arabic-outlet", "Arabic Outlet", web, "ar") + feed("hebrew-outlet", "Hebrew Outlet", web, "he")
                    + TestFiles.shippedTopics(), StandardCharsets.UTF_8);
            AppConfig config = AppConfig.fromEnv(Map.of()).withToken(TOKEN).withApiUrl(telegram.url()).withAdmins(Set.of())
                    .withDbUrl("jdbc:h2:file:" + dir.resolve("db")).withFeedsPath(feeds).withTemplatesDir(Path.of("templates"))
                    .withAllowPrivateFeeds(true).withMetricsPort(0);
            try (Service service = Service.start(config)) {
                telegram.userSends(HEBREW_READER, "/subscribe", "he");
                telegram.userSends(ARABIC_READER, "/subscribe", "ar");
                items.keySet().forEach(id -> service.scheduling().pollNow(id));
                await().atMost(Duration.ofSeconds(30)).until(() -> service.pipeline().feeds().all().stream().allMatch(f -> f.initialized())
                        && !telegram.sentTo(HEBREW_READER).isEmpty() && !telegram.sentTo(ARABIC_READER).isEmpty());

                publish(web, items, "kremlin", new RssItem("k1", "Российско-иранские переговоры", web.url("/kremlin/1"), ""));
                service.scheduling().pollNow("kremlin");
                await().atMost(Duration.ofSeconds(60)).until(() -> alerts(telegram, HEBREW_READER).size() == 1
                        && alerts(telegram, ARABIC_READER).size() == 1);
                assertThat(alerts(telegram, HEBREW_READER).get(0).text()).contains("📌 חתימה", "המקור ברוסית", "Kremlin");
                assertThat(alerts(telegram, ARABIC_READER).get(0).text()).contains("📌 توقيع", "النص الأصلي بالروسية", "Kremlin");

                int edits = 0;
                for (String[] report : new String[][] {{"irna", "/irna/1", "پیمان مشارکت راهبردی جامع ایران و روسیه در مسکو امضا شد"},
                        {"arabic-outlet", "/ar/1", "بوتين وبزشكيان يوقعان معاهدة الشراكة الاستراتيجية الشاملة في موسكو"},
                        {"hebrew-outlet", "/he/1", "פוטין ופזשכיאן חתמו במוסקבה על הסכם השותפות האסטרטגית"}}) {
                    publish(web, items, report[0], new RssItem(report[0] + "-1", report[2], web.url(report[1]), ""));
                    service.scheduling().pollNow(report[0]);
                    int expected = edits += 2; // the alert of each chat says where else it was reported
                    await().atMost(Duration.ofSeconds(60)).alias(report[0] + " edits the alerts: " + telegram.sent() + telegram.edits())
                            .until(() -> telegram.edits().size() >= expected);
                }
                assertThat(telegram.edits().stream().filter(e -> e.chatId() == HEBREW_READER).reduce((a, b) -> b).orElseThrow().text())
                        .contains("IRNA", "Arabic Outlet", "Hebrew Outlet");
                assertThat(alerts(telegram, HEBREW_READER)).hasSize(1);
                assertThat(alerts(telegram, ARABIC_READER)).hasSize(1);
            }
        }
    }

    private static String feed(String id, String name, TestHttpServer web, String language) {
        return "  - {id: " + id + ", name: \"" + name + "\", url: \"" + web.url("/" + id + ".xml") + "\", language: " + language + ", interval: 5s}\n";
    }

    private static void publish(TestHttpServer web, Map<String, List<RssItem>> items, String id, RssItem item) {
        items.get(id).add(item);
        web.serve("/" + id + ".xml", "application/rss+xml", TestFiles.rss(items.get(id)));
    }

    private static List<FakeBotApi.Sent> alerts(FakeBotApi telegram, long chat) {
        return telegram.sentTo(chat).stream().filter(s -> s.text().startsWith("🔔")).toList();
    }
}
