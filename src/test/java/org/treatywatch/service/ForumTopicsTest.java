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
 * A supergroup with forum topics: /subscribe sent inside a topic delivers there, /list says so, and
 * when the topic is deleted the alerts go to the general topic with one notice.
 */
class ForumTopicsTest {
    static final String TOKEN = "123456789:AAforum-topics-test-token_abcdefg";
    static final long GROUP = -1_001_234_567_890L;
    static final long ADMIN = 770001;
    static final int TOPIC = 42;

    @TempDir
    Path dir;

    @Test
    void alertsGoToTheTopicTheSubscriptionWasMadeInAndToTheGeneralTopicOnceItIsGone() throws Exception {
        try (TestHttpServer web = new TestHttpServer(); FakeBotApi telegram = new FakeBotApi(TOKEN)) {
            List<RssItem> items = new ArrayList<>();
            web.serve("/ar.xml", "application/rss+xml", TestFiles.rss(items));
            Path feeds = dir.resolve("feeds.yaml");
            Files.writeString(feeds, "feeds:\n  - {id: outlet, name: \"Outlet\", url: \"" + web.url("/ar.xml") + "\", language: ar, interval: 5s}\n"
                    + TestFiles.shippedTopics(), StandardCharsets.UTF_8);
            AppConfig config = AppConfig.fromEnv(Map.of()).withToken(TOKEN).withApiUrl(telegram.url()).withAdmins(Set.of())
                    .withDbUrl("jdbc:h2:file:" + dir.resolve("db")).withFeedsPath(feeds).withTemplatesDir(Path.of("templates"))
                    .withAllowPrivateFeeds(true);
            telegram.setMemberStatus(String.valueOf(GROUP), ADMIN, "administrator");
            try (Service service = Service.start(config)) {
                telegram.userSendsInTopic(GROUP, ADMIN, TOPIC, "/subscribe");
                await().atMost(Duration.ofSeconds(20)).until(() -> service.pipeline().chats().subscriptions(GROUP).size() == 1);
                await().atMost(Duration.ofSeconds(20)).until(() -> !telegram.sentTo(GROUP).isEmpty());
                assertThat(telegram.sentTo(GROUP).get(0).request().path("message_thread_id").asInt()).as("answered in the topic").isEqualTo(TOPIC);
                telegram.userSendsInTopic(GROUP, ADMIN, TOPIC, "/list");
                await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(GROUP).size() >= 2);
                assertThat(telegram.sentTo(GROUP).get(1).text()).contains("בנושא", "#42");

                service.scheduling().pollNow("outlet");
                await().atMost(Duration.ofSeconds(30)).until(() -> service.pipeline().feeds().all().get(0).initialized());
                publish(web, items, service, "1", "روسيا وإيران توقعان معاهدة الشراكة الاستراتيجية الشاملة في موسكو",
                        "وقع الرئيسان بوتين وبزشكيان معاهدة الشراكة الاستراتيجية الشاملة في الكرملين.");
                await().atMost(Duration.ofSeconds(60)).until(() -> alerts(telegram).size() == 1);
                assertThat(alerts(telegram).get(0).request().path("message_thread_id").asInt()).isEqualTo(TOPIC);

                telegram.deleteTopic(GROUP, TOPIC);
                publish(web, items, service, "2", "مجلس الدوما الروسي يصادق على معاهدة الشراكة الاستراتيجية مع إيران",
                        "صادق مجلس الدوما على المعاهدة الموقعة بين روسيا وإيران.");
                await().atMost(Duration.ofSeconds(60)).until(() -> alerts(telegram).size() == 2);
                assertThat(alerts(telegram).get(1).request().hasNonNull("message_thread_id")).as("the general topic").isFalse();
                assertThat(notices(telegram)).hasSize(1);
                assertThat(service.pipeline().chats().subscriptions(GROUP)).singleElement()
                        .satisfies(s -> assertThat(s.threadId()).isNull());

                publish(web, items, service, "3", "دخول معاهدة الشراكة الاستراتيجية بين روسيا وإيران حيز التنفيذ",
                        "دخلت المعاهدة بين روسيا وإيران حيز التنفيذ بعد تبادل وثائق المصادقة.");
                await().atMost(Duration.ofSeconds(60)).until(() -> alerts(telegram).size() == 3);
                assertThat(alerts(telegram).get(2).request().hasNonNull("message_thread_id")).isFalse();
                assertThat(notices(telegram)).as("one notice, not one per alert").hasSize(1);
            }
        }
    }

    private static void publish(TestHttpServer web, List<RssItem> items, Service service, String id, String title, String text) {
        items.add(new RssItem(id, title, "http://example.invalid/" + id, text));
        web.serve("/ar.xml", "application/rss+xml", TestFiles.rss(items));
        service.scheduling().pollNow("outlet");
    }

    private static List<FakeBotApi.Sent> alerts(FakeBotApi telegram) {
        return telegram.sentTo(GROUP).stream().filter(s -> s.text().startsWith("🔔")).toList();
    }

    private static List<FakeBotApi.Sent> notices(FakeBotApi telegram) {
        return telegram.sentTo(GROUP).stream().filter(s -> s.text().startsWith("🧵")).toList();
    }
}
