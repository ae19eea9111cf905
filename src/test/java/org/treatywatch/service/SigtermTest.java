package org.treatywatch.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles;
import org.treatywatch.bot.FakeBotApi;
import org.treatywatch.config.FeedDef;
import org.treatywatch.fetch.TestHttpServer;
import org.treatywatch.store.ChatStore;
import org.treatywatch.store.Db;
import org.treatywatch.store.FeedStore;
import org.treatywatch.store.OutboxRow;
import org.treatywatch.store.OutboxStore;
import org.treatywatch.store.PollRecorder;
import org.treatywatch.store.StoredItem;

/**
 * The real service in its own JVM, stopped with SIGTERM (what systemd and docker send) while every
 * part is busy: the update loop waits on a long poll, the scheduler polls a feed every five seconds and
 * the sender fans an alert out. It stops cleanly: exit status 0, nothing logged as a warning or an
 * error, no part finding the database closed under it, and no alert lost or left in flight.
 */
class SigtermTest {
    static final String TOKEN = "123456789:AAsigterm-test-token_abcdefghijk";
    static final int CHATS = 400;

    @TempDir
    Path dir;

    @Test
    void sigtermWhileBusyExitsZeroAndLogsNoError() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("db");
        try (TestHttpServer web = new TestHttpServer(); FakeBotApi api = new FakeBotApi(TOKEN)) {
            web.serve("/feed.xml", "application/rss+xml", TestFiles.rss(List.of(
                    new TestFiles.RssItem("1", "news of the day", web.url("/1"), "nothing about the treaty"))));
            Path yaml = TestFiles.feedsYaml(dir, "busy", web.url("/feed.xml"), "ar", "5s");
            web.serve("/quiet.xml", "application/rss+xml", TestFiles.rss(List.of()));
            queueAlertForEveryChat(db, web.url("/quiet.xml"), CHATS);

            Process service = start(api, db, yaml);
            Path log = dir.resolve("service.log");
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> api.sent().size() >= 10
                        && web.hits("/feed.xml") >= 1 && api.calls().stream().filter("getupdates"::equalsIgnoreCase).count() >= 1);
                service.destroy(); // SIGTERM
                assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
            } finally {
                service.destroyForcibly();
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(text).contains("treatywatch stopped");
            assertThat(text.lines().filter(l -> l.contains(" ERROR ") || l.contains(" WARN ")).toList()).as(text).isEmpty();
            assertThat(text).doesNotContainIgnoringCase("already closed");
            assertThat(service.exitValue()).as(text).isZero();
        }
        try (Db d = Db.open(db)) {
            OutboxStore outbox = new OutboxStore(d);
            assertThat(outbox.count(OutboxRow.SENT) + outbox.count(OutboxRow.PENDING)).as("every alert sent or still queued").isEqualTo(CHATS);
        }
    }

    /** A feed, {@code chats} subscribed chats and one relevant item with an alert queued for each of them. */
    static void queueAlertForEveryChat(String db, String feedUrl, int chats) {
        try (Db d = Db.open(db)) {
            new FeedStore(d).add(new FeedDef("f", "F", feedUrl, FeedDef.Kind.RSS, "ar", Duration.ofHours(1), true,
                    Optional.empty()), "bot");
            ChatStore store = new ChatStore(d);
            Map<Long, String> bodies = new HashMap<>();
            for (long c = 1; c <= chats; c++) {
                store.ensure(c, "ar", "private");
                store.subscribeTopic(c);
                bodies.put(c, "🔔 alert for " + c);
            }
            new PollRecorder(d).record("f", List.of(new PollRecorder.NewItem(
                    new StoredItem(0, "f", "g1", "https://e.org/1", "t", null, "ar", StoredItem.RELEVANT, 1, "x"), bodies)),
                    Instant.now());
        }
    }

    private Process start(FakeBotApi api, String db, Path yaml) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.treatywatch.App", "run",
                "--token", TOKEN, "--api-url", api.url(), "--db", db, "--feeds", yaml.toString(), "--templates", "templates",
                "--allow-private-feeds");
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(dir.toFile(), "service.log"));
        return pb.start();
    }
}
