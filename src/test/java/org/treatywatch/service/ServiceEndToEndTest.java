package org.treatywatch.service;

import org.treatywatch.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles.RssItem;
import org.treatywatch.bot.FakeBotApi;
import org.treatywatch.config.AppConfig;
import org.treatywatch.fetch.TestHttpServer;
import org.treatywatch.store.FeedRow;
import org.treatywatch.store.OutboxRow;
import org.treatywatch.store.StoredItem;

/**
 * The whole service for real: a feed server and a fake Bot API on 127.0.0.1, H2 in a temp dir,
 * Quartz, the TelegramBots client and long polling. A user subscribes in Arabic and gets exactly
 * one Arabic alert for the one relevant new item; a restart sends nothing again.
 */
class ServiceEndToEndTest {
    static final String TOKEN = "123456789:AAtest-token-for-the-fake-bot-api_xyz";
    static final long USER = 777001;

    @TempDir
    Path dir;
    TestHttpServer feeds;
    FakeBotApi telegram;
    final List<RssItem> items = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        feeds = new TestHttpServer();
        telegram = new FakeBotApi(TOKEN);
        feeds.serve("/a/old", "text/html; charset=utf-8", TestFiles.resource("fixtures/ar-old-item.html"));
        feeds.serve("/a/signed", "text/html; charset=utf-8", TestFiles.resource("fixtures/ar-treaty-signed.html"));
        feeds.serve("/a/korea", "text/html; charset=utf-8", TestFiles.resource("fixtures/ar-north-korea.html"));
        items.add(new RssItem("old-1", "محادثات روسية إيرانية حول اتفاقية التعاون", feeds.url("/a/old"), "لافروف وعراقجي"));
        publishFeed();
    }

    @AfterEach
    void tearDown() {
        telegram.close();
        feeds.close();
    }

    private void publishFeed() {
        feeds.serve("/feed.xml", "application/rss+xml; charset=utf-8", TestFiles.rss(items));
    }

    private AppConfig config() throws Exception {
        Path yaml = TestFiles.feedsYaml(dir, "test-ar", feeds.url("/feed.xml"), "ar", "5s");
        return AppConfig.fromEnv(java.util.Map.of())
                .withToken(TOKEN)
                .withApiUrl(telegram.url())
                .withAdmins(Set.of())
                .withDbUrl("jdbc:h2:file:" + dir.resolve("db/treatywatch"))
                .withFeedsPath(yaml)
                .withTemplatesDir(Path.of("templates"))
                .withAllowPrivateFeeds(true)
                .withMetricsPort(0);
    }

    @Test
    void theServiceStartsAndPollsWhileTelegramIsUnreachable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        AppConfig config = config().withApiUrl("http://127.0.0.1:" + closedPort);
        try (Service service = Service.start(config)) {
            service.scheduling().pollNow("test-ar"); // the first poll now, not after the start-up jitter
            await().atMost(Duration.ofSeconds(30)).until(() -> feedRow(service).initialized());
            assertThat(service.scheduling().isRunning()).isTrue();
        }
    }

    @Test
    void whenTelegramComesBackTheBotStartsAnsweringWithoutARestart() throws Exception {
        telegram.failNext("deleteWebhook", 2); // the first two attempts to take updates fail
        try (Service service = Service.start(config())) {
            telegram.userSends(USER, "/start", "en");
            await().atMost(Duration.ofSeconds(60)).until(() -> !telegram.sentTo(USER).isEmpty());
        }
    }

    @Test
    void subscriberGetsOneArabicAlertForTheRelevantItemAndNothingAgainAfterRestart() throws Exception {
        AppConfig config = config();
        String signedUrl = feeds.url("/a/signed");
        String koreaUrl = feeds.url("/a/korea");
        try (Service service = Service.start(config)) {
            telegram.userSends(USER, "/start", "en");
            telegram.userSends(USER, "/lang ar", "en");
            telegram.userSends(USER, "/subscribe", "en");
            await().atMost(Duration.ofSeconds(30)).until(() -> telegram.sentTo(USER).size() >= 3);
            assertThat(telegram.sentTo(USER).get(2).text()).contains("تم الاشتراك");

            // The first poll only records what the feed already has.
            service.scheduling().pollNow("test-ar"); // the first poll now, not after the start-up jitter
            await().atMost(Duration.ofSeconds(30)).until(() -> feedRow(service).initialized());
            assertThat(org.treatywatch.store.StoredRows.byFeed(service.pipeline().db(), "test-ar")).extracting(StoredItem::status).containsExactly(StoredItem.BASELINE);

            items.add(new RssItem("new-1", "بوتين وبزشكيان يوقعان معاهدة الشراكة الاستراتيجية الشاملة", signedUrl, "الكرملين"));
            items.add(new RssItem("new-2", "روسيا وكوريا الشمالية تفعّلان معاهدة الشراكة الاستراتيجية", koreaUrl, "بيونغ يانغ"));
            publishFeed();
            service.scheduling().pollNow("test-ar"); // no waiting out the interval

            await().atMost(Duration.ofSeconds(60)).until(() -> org.treatywatch.store.StoredRows.byFeed(service.pipeline().db(), "test-ar").size() == 3
                    && service.pipeline().outbox().count(OutboxRow.PENDING) == 0
                    && service.pipeline().outbox().count(OutboxRow.SENDING) == 0
                    && alertsTo(USER).size() >= 1);
            List<FakeBotApi.Sent> alerts = alertsTo(USER);
            assertThat(alerts).hasSize(1);
            FakeBotApi.Sent alert = alerts.get(0);
            assertThat(alert.parseMode()).isEqualTo("HTML");
            assertThat(alert.text()).contains("<a href=\"" + signedUrl + "\">").contains("🔔 <b>وقّع بوتين وبزشكيان").doesNotContain("لماذا هذا التنبيه"); // the summary already shows the evidence
            assertThat(telegram.sent()).noneMatch(s -> s.text().contains(koreaUrl) || s.text().contains(feeds.url("/a/old")));
            var health = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + service.opsPort().orElseThrow() + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"database\":\"UP\"", "\"scheduler\":\"UP\"", "\"telegram\":\"UP\"");
            String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + service.opsPort().orElseThrow() + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            // this instance's own counts: its polls, its one relevant item, its one alert
            assertThat(metrics).contains("treatywatch_polls_total{result=\"ok\"}").contains("treatywatch_relevant_items_total 1.0")
                    .contains("treatywatch_alerts_sent_total 1.0").contains("treatywatch_outbox_queue 0.0");
            assertThat(org.treatywatch.store.StoredRows.byFeed(service.pipeline().db(), "test-ar")).extracting(StoredItem::guid, StoredItem::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("old-1", StoredItem.BASELINE),
                            org.assertj.core.groups.Tuple.tuple("new-1", StoredItem.RELEVANT),
                            org.assertj.core.groups.Tuple.tuple("new-2", StoredItem.IRRELEVANT));
        }
        int sentBefore = telegram.sent().size();

        Instant restartedAt = Instant.now();
        try (Service service = Service.start(config)) {
            // Wait for a full poll after the restart, then for the sender to have had its chance.
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                FeedRow f = feedRow(service);
                return f.lastSuccess() != null && f.lastSuccess().isAfter(restartedAt);
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> service.pipeline().outbox().count(OutboxRow.PENDING) == 0);
            assertThat(service.pipeline().outbox().count(OutboxRow.SENT)).isEqualTo(1);
            assertThat(telegram.sent()).hasSize(sentBefore);
        }
    }

    private List<FakeBotApi.Sent> alertsTo(long chat) {
        return telegram.sentTo(chat).stream().filter(s -> s.text().startsWith("🔔")).toList();
    }

    private static FeedRow feedRow(Service s) {
        return s.pipeline().feeds().get("test-ar").orElseThrow();
    }
}
