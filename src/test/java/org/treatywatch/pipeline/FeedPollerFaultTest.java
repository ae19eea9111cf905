package org.treatywatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles;
import org.treatywatch.service.Topic;
import org.treatywatch.config.FeedDef;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.deliver.AlertRenderer;
import org.treatywatch.deliver.Templates;
import org.treatywatch.fetch.HttpFetcher;
import org.treatywatch.fetch.TestHttpServer;
import org.treatywatch.fetch.UrlGuard;
import org.treatywatch.store.Db;
import org.treatywatch.store.FeedRow;
import org.treatywatch.store.FeedStore;
import org.treatywatch.store.ItemStore;
import org.treatywatch.store.PollRecorder;

/**
 * Servers that misbehave in every way we have seen: each poll ends, within the fetch timeouts,
 * in a recorded feed error with a clear message and a backoff, and the healthy feed beside them
 * is polled as usual.
 */
class FeedPollerFaultTest {
    @TempDir
    Path dir;
    TestHttpServer server;
    Db db;
    FeedStore feeds;
    FeedPoller poller;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws Exception {
        server = new TestHttpServer();
        db = Db.open("jdbc:h2:file:" + dir.resolve("tw"));
        feeds = new FeedStore(db);
        HttpFetcher fetcher = new HttpFetcher(new UrlGuard(true), Duration.ofSeconds(2), Duration.ofSeconds(3), 5L * 1024 * 1024);
        FeedsFile.Loaded topics = FeedsFile.parse("feeds.yaml", TestFiles.shippedTopics());
        poller = new FeedPoller(feeds, new ItemStore(db), new PollRecorder(db), fetcher,
                new ArticleAnalyzer(Topic.detector(topics, TestFiles.shippedGazetteer()), TestFiles.shippedGazetteer()), new AlertRenderer(new Templates(Path.of("templates"))),
                new org.treatywatch.match.SubscriptionCache(new org.treatywatch.store.ChatStore(db)),
                new org.treatywatch.store.StoryStore(db), () -> { });
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        server.close();
        db.close();
    }

    private FeedRow add(String id, String path) {
        feeds.add(new FeedDef(id, id, server.url(path), FeedDef.Kind.RSS, "ar", Duration.ofMinutes(10), true, Optional.empty()),
                FeedRow.ORIGIN_BOT);
        return feeds.get(id).orElseThrow();
    }

    @Test
    void everyFaultIsRecordedWithBackoffAndTheHealthyFeedStillPolls() throws Exception {
        server.serve("/ok.xml", "application/rss+xml", TestFiles.rss(List.of(
                new TestFiles.RssItem("1", "خبر", "http://example.invalid/1", "نص"))));
        server.handle("/500", ex -> ex.sendResponseHeaders(500, -1));
        server.handle("/429", ex -> {
            ex.getResponseHeaders().set("Retry-After", "120");
            ex.sendResponseHeaders(429, -1);
        });
        server.handle("/silent", ex -> {
            try {
                release.await(30, TimeUnit.SECONDS); // never answers while the test runs
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        server.handle("/trickle", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            try {
                while (!release.await(200, TimeUnit.MILLISECONDS)) {
                    out.write('<');
                    out.flush();
                }
            } catch (Exception ignored) {
                // client gave up
            }
        });
        server.handle("/huge", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 50 * 16; i++) out.write(chunk); // 50 MB
            } catch (Exception ignored) {
                // client stopped reading at the cap
            }
        });
        server.handle("/loop", ex -> {
            ex.getResponseHeaders().set("Location", "/loop2");
            ex.sendResponseHeaders(302, -1);
        });
        server.handle("/loop2", ex -> {
            ex.getResponseHeaders().set("Location", "/loop");
            ex.sendResponseHeaders(302, -1);
        });
        server.handle("/badgzip", ex -> {
            byte[] junk = "this is not gzip at all".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, junk.length);
            ex.getResponseBody().write(junk);
        });
        server.serve("/html", "text/html", "<!DOCTYPE html><html><body><h1>Not a feed</h1><p>hello</p></body></html>");

        record Case(String id, String path, String message) {}
        List<Case> cases = List.of(
                new Case("e500", "/500", "HTTP 500"),
                new Case("e429", "/429", "HTTP 429"),
                new Case("silent", "/silent", "timed out"),
                new Case("trickle", "/trickle", "timed out"),
                new Case("huge", "/huge", "larger than 5120 KB"),
                new Case("loop", "/loop", "more than 5 redirects"),
                new Case("badgzip", "/badgzip", "invalid gzip"),
                new Case("html", "/html", "expected RSS or Atom but got an HTML page"));
        List<FeedRow> rows = new ArrayList<>();
        for (Case c : cases) rows.add(add(c.id(), c.path()));
        FeedRow ok = add("healthy", "/ok.xml");

        Instant before = Instant.now();
        for (int i = 0; i < cases.size(); i++) {
            PollReport r = poller.poll(rows.get(i), false);
            assertThat(r.ok()).as(cases.get(i).id()).isFalse();
            assertThat(r.error()).as(cases.get(i).id()).contains(cases.get(i).message());
        }
        PollReport healthy = poller.poll(ok, false);
        assertThat(healthy.ok()).isTrue();
        assertThat(healthy.items()).isEqualTo(1);

        for (Case c : cases) {
            FeedRow f = feeds.get(c.id()).orElseThrow();
            assertThat(f.consecutiveFailures()).as(c.id()).isEqualTo(1);
            assertThat(f.lastError()).as(c.id()).contains(c.message());
            assertThat(f.nextPoll()).as(c.id()).isAfter(before.plus(Duration.ofMinutes(7))); // interval 10m, ±20% jitter
        }
        assertThat(feeds.get("e429").orElseThrow().nextPoll()).isAfter(before.plusSeconds(120));
        assertThat(feeds.get("healthy").orElseThrow().consecutiveFailures()).isZero();
        assertThat(feeds.get("healthy").orElseThrow().lastSuccess()).isNotNull();
    }

    @Test
    void aFailingFeedBacksOffAndAScheduledPollWaitsForIt() {
        server.handle("/500", ex -> ex.sendResponseHeaders(500, -1));
        FeedRow f = add("e500", "/500");
        poller.poll(f, false);
        int hits = server.hits("/500");
        PollReport skipped = poller.pollScheduled("e500");
        assertThat(skipped.ok()).isTrue();
        assertThat(server.hits("/500")).isEqualTo(hits);
        poller.poll(feeds.get("e500").orElseThrow(), false);
        FeedRow twice = feeds.get("e500").orElseThrow();
        assertThat(twice.consecutiveFailures()).isEqualTo(2);
        assertThat(twice.nextPoll()).isAfter(Instant.now().plus(Duration.ofMinutes(15))); // doubled
    }

    @Test
    void aNotModifiedFeedCostsNoParsing() {
        server.handle("/cond.xml", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = TestFiles.rss(List.of(new TestFiles.RssItem("1", "t", "http://example.invalid/1", "d")))
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        });
        FeedRow f = add("cond", "/cond.xml");
        assertThat(poller.poll(f, false).items()).isEqualTo(1);
        PollReport second = poller.poll(feeds.get("cond").orElseThrow(), false);
        assertThat(second.notModified()).isTrue();
        assertThat(feeds.get("cond").orElseThrow().etag()).isEqualTo("\"v1\"");
    }

    @Test
    void aPermanentRedirectUpdatesTheStoredUrl() {
        server.handle("/old.xml", ex -> {
            ex.getResponseHeaders().set("Location", "/new.xml");
            ex.sendResponseHeaders(301, -1);
        });
        server.serve("/new.xml", "application/rss+xml", TestFiles.rss(List.of()));
        FeedRow f = add("moved", "/old.xml");
        assertThat(poller.poll(f, false).ok()).isTrue();
        assertThat(feeds.get("moved").orElseThrow().def().url()).isEqualTo(server.url("/new.xml"));
    }

    @Test
    void aPoisonedItemIsSkippedWithItsReasonAndItsNeighbourIsAlerted() {
        org.treatywatch.store.ChatStore chats = new org.treatywatch.store.ChatStore(db);
        chats.ensure(42, "ar", "private");
        chats.subscribeTopic(42);
        List<TestFiles.RssItem> list = new ArrayList<>(List.of(new TestFiles.RssItem("old", "خبر قديم", server.url("/old"), "قديم")));
        server.serve("/mixed.xml", "application/rss+xml", TestFiles.rss(list));
        FeedRow f = add("mixed", "/mixed.xml");
        assertThat(poller.poll(f, false).ok()).isTrue(); // the first poll only records
        list.add(new TestFiles.RssItem("poisoned", "مجلس الاتحاد الروسي يصادق على معاهدة الشراكة الاستراتيجية مع إيران",
                server.url("/long?" + "x".repeat(25_000)), "موسكو"));
        list.add(new TestFiles.RssItem("good", "بوتين وبزشكيان يوقعان معاهدة الشراكة الاستراتيجية الشاملة في موسكو",
                "http://example.invalid/good", "الكرملين"));
        server.serve("/mixed.xml", "application/rss+xml", TestFiles.rss(list));

        PollReport r = poller.poll(feeds.get("mixed").orElseThrow(), false);
        assertThat(r.ok()).isTrue();
        assertThat(r.queued()).isEqualTo(1);
        assertThat(org.treatywatch.store.StoredRows.byFeed(db, "mixed")).filteredOn(i -> i.guid().equals("poisoned")).singleElement()
                .satisfies(i -> assertThat(i.evidence()).contains("skipped: link longer than 2000"));
        // and the next poll does not fail on it again
        assertThat(poller.poll(feeds.get("mixed").orElseThrow(), false).ok()).isTrue();
        assertThat(feeds.get("mixed").orElseThrow().consecutiveFailures()).isZero();
    }
}
