package org.treatywatch.service;

import org.treatywatch.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles.RssItem;
import org.treatywatch.bot.FakeBotApi;
import org.treatywatch.config.AppConfig;
import org.treatywatch.fetch.SlowBody;
import org.treatywatch.fetch.TestHttpServer;

/**
 * SIGTERM (the service's close) while a poll downloads a page that drips one byte every 100 ms:
 * the download is cut off and the service stops in well under the minute the page would take.
 */
class ServiceShutdownTest {
    static final String TOKEN = "123456789:AAshutdown-test-token_abcdefghijk";

    @TempDir
    Path dir;

    @Test
    void stopDoesNotWaitForAPageStillDownloading() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        try (TestHttpServer web = new TestHttpServer(); FakeBotApi telegram = new FakeBotApi(TOKEN)) {
            SlowBody.serve(web, "/slow", 600, sent);
            web.serve("/feed.xml", "application/rss+xml", TestFiles.rss(List.of()));
            AppConfig config = AppConfig.fromEnv(Map.of()).withToken(TOKEN).withApiUrl(telegram.url()).withAdmins(Set.of())
                    .withDbUrl("jdbc:h2:file:" + dir.resolve("db/tw")).withFeedsPath(TestFiles.feedsYaml(dir, "slow", web.url("/feed.xml"), "ar", "5s"))
                    .withTemplatesDir(Path.of("templates")).withAllowPrivateFeeds(true);
            Service service = Service.start(config);
            Duration stop;
            try {
                service.scheduling().pollNow("slow"); // the first poll records the (empty) feed
                await().atMost(Duration.ofSeconds(30)).until(() -> service.pipeline().feeds().get("slow").orElseThrow().initialized());
                web.serve("/feed.xml", "application/rss+xml", TestFiles.rss(List.of(
                        new RssItem("1", "روسيا وإيران توقعان المعاهدة", web.url("/slow"), "نص"))));
                service.scheduling().pollNow("slow");
                await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= 5); // the page's body is downloading
            } finally {
                long started = System.nanoTime();
                service.close();
                stop = Duration.ofNanos(System.nanoTime() - started);
            }
            assertThat(stop).as("the service stopped in %s", stop).isLessThan(Duration.ofSeconds(10));
            assertThat(sent.get()).isLessThan(600);
        }
    }
}
