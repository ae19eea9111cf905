package org.treatywatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles;
import org.treatywatch.config.FeedDef;
import org.treatywatch.deliver.AlertRenderer;
import org.treatywatch.deliver.Templates;
import org.treatywatch.fetch.HttpFetcher;
import org.treatywatch.fetch.TestHttpServer;
import org.treatywatch.fetch.UrlGuard;
import org.treatywatch.match.SubscriptionCache;
import org.treatywatch.store.ChatStore;
import org.treatywatch.store.Db;
import org.treatywatch.store.FeedRow;
import org.treatywatch.store.FeedStore;
import org.treatywatch.store.ItemStore;
import org.treatywatch.store.PollRecorder;
import org.treatywatch.store.StoryStore;

/**
 * Shutdown does not wait out a hanging page: the poll in progress ends as soon as it is told to
 * stop (the page timeout here is a minute), and the items it did not reach are taken next time.
 */
class FeedPollerStopTest {
    @TempDir
    Path dir;

    @Test
    void stopCancelsAHangingPageFetchAndLeavesTheRestForTheNextPoll() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestHttpServer server = new TestHttpServer(); Db db = Db.open("jdbc:h2:file:" + dir.resolve("tw"))) {
            server.handle("/hang", ex -> {
                try {
                    release.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.sendResponseHeaders(500, -1);
            });
            server.serve("/feed.xml", "application/rss+xml", TestFiles.rss(List.of()));
            FeedStore feeds = new FeedStore(db);
            feeds.add(new FeedDef("f", "f", server.url("/feed.xml"), FeedDef.Kind.RSS, "ar", Duration.ofMinutes(10), true, Optional.empty()),
                    FeedRow.ORIGIN_BOT);
            HttpFetcher slow = new HttpFetcher(new UrlGuard(true), Duration.ofSeconds(60), Duration.ofSeconds(60), 5L * 1024 * 1024);
            FeedPoller poller = new FeedPoller(feeds, new ItemStore(db), new PollRecorder(db), slow,
                    new ArticleAnalyzer(TestFiles.shippedDetector(), TestFiles.shippedGazetteer()), new AlertRenderer(new Templates(Path.of("templates"))),
                    new SubscriptionCache(new ChatStore(db)), new StoryStore(db), () -> { });
            poller.pollScheduled("f"); // the first poll only records what is there (nothing)
            server.serve("/feed.xml", "application/rss+xml", TestFiles.rss(List.of(
                    new TestFiles.RssItem("1", "روسيا وإيران توقعان المعاهدة", server.url("/hang"), "نص"),
                    new TestFiles.RssItem("2", "خبر ثان", server.url("/hang"), "نص"))));
            CompletableFuture<PollReport> poll = CompletableFuture.supplyAsync(() -> poller.pollScheduled("f"));
            await().atMost(Duration.ofSeconds(20)).until(() -> server.hits("/hang") >= 1);
            poller.stop();
            PollReport report = poll.get(20, TimeUnit.SECONDS); // well under the page timeout: the fetch was cancelled
            assertThat(report.newItems()).isEqualTo(2);
            assertThat(new ItemStore(db).knownGuids("f", java.util.List.of("2")).contains("2")).as("the item the poll never reached is taken next time").isFalse();
        } finally {
            release.countDown();
        }
    }
}
