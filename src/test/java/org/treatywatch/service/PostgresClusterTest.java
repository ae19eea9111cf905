package org.treatywatch.service;

import org.treatywatch.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles.RssItem;
import org.treatywatch.bot.FakeBotApi;
import org.treatywatch.fetch.TestHttpServer;

/**
 * Two service instances (separate JVMs, as in production) on one real PostgreSQL poll 50 feeds:
 * Quartz's clustered job store shares the work, one instance takes Telegram updates, and every
 * item is stored once and every alert sent once.
 */
class PostgresClusterTest {
    static final String TOKEN = "123456789:AAcluster-test-token_abcdefghijklm";
    static final long USER = 990001;
    static final int FEEDS = 50;

    @TempDir
    Path dir;

    @Test
    void twoInstancesShareFiftyFeedsWithoutDuplicates() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             TestHttpServer web = new TestHttpServer();
             FakeBotApi telegram = new FakeBotApi(TOKEN)) {
            String db = pg.getJdbcUrl("postgres", "postgres");
            String[] pages = {"ar-treaty-signed.html", "he-kazan-1255.html", "ar-duma-1256.html", "ar-north-korea.html"};
            for (String p : pages) {
                byte[] bytes = PostgresClusterTest.class.getResourceAsStream("/fixtures/" + p).readAllBytes();
                web.serve("/page/" + p, "text/html", bytes);
            }
            StringBuilder yaml = new StringBuilder("feeds:\n");
            List<List<RssItem>> items = new ArrayList<>();
            for (int i = 0; i < FEEDS; i++) {
                List<RssItem> list = new ArrayList<>(List.of(new RssItem("old-" + i, "قديم", "http://example.invalid/old/" + i, "")));
                items.add(list);
                web.serve("/feed/" + i, "application/rss+xml", TestFiles.rss(list));
                yaml.append("  - {id: feed-").append(i).append(", name: \"Outlet ").append(i).append("\", url: \"")
                        .append(web.url("/feed/" + i)).append("\", language: ar, interval: 5s}\n");
            }
            yaml.append(TestFiles.shippedTopics());
            Path feeds = dir.resolve("feeds.yaml");
            Files.writeString(feeds, yaml, StandardCharsets.UTF_8);

            List<Process> instances = List.of(start(telegram, db, feeds, "a"), start(telegram, db, feeds, "b"));
            try {
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> count(pg, "SELECT COUNT(*) FROM feeds WHERE initialized") == FEEDS);
                // Both instances have checked in to the Quartz cluster (a busy 2-core machine can take a while).
                await().atMost(Duration.ofSeconds(90)).until(() -> count(pg, "SELECT COUNT(DISTINCT instance_name) FROM qrtz_scheduler_state") == 2);
                int before = telegram.sentTo(USER).size();
                telegram.userSends(USER, "/subscribe", "ar");
                await().atMost(Duration.ofSeconds(30)).until(() -> telegram.sentTo(USER).size() > before);

                for (int i = 0; i < FEEDS; i++) {
                    items.get(i).add(new RssItem("new-" + i, "خبر " + i, web.url("/page/" + pages[i % pages.length]) + "?feed=" + i, ""));
                    web.serve("/feed/" + i, "application/rss+xml", TestFiles.rss(items.get(i)));
                }
                await().atMost(Duration.ofSeconds(120)).until(() -> count(pg, "SELECT COUNT(*) FROM items") == 2L * FEEDS
                        && count(pg, "SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')") == 0
                        && count(pg, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'") >= 1);
                await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true); // a late duplicate would show now
            } catch (Throwable t) {
                for (String name : List.of("a", "b")) {
                    List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
                    System.out.println("---- instance " + name + " (last lines) ----");
                    lines.stream().filter(l -> !l.contains("polled:")).limit(60).forEach(System.out::println);
                }
                throw t;
            } finally {
                for (Process p : instances) {
                    p.destroy();
                    p.waitFor();
                }
            }
            List<String> alerts = telegram.sentTo(USER).stream().map(FakeBotApi.Sent::text).filter(t -> t.startsWith("🔔")).toList();
            assertThat(alerts).doesNotHaveDuplicates();
            assertThat((long) alerts.size()).isEqualTo(count(pg, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'"));
            assertThat(count(pg, "SELECT COUNT(*) FROM items WHERE status = 'relevant'")).isGreaterThanOrEqualTo(FEEDS * 3L / 4 - 1);
            assertThat(count(pg, "SELECT COUNT(*) FROM (SELECT feed_id, guid FROM items GROUP BY feed_id, guid HAVING COUNT(*) > 1) d")).isZero();
        }
    }

    private static long count(EmbeddedPostgres pg, String sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Process start(FakeBotApi api, String db, Path yaml, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.treatywatch.App", "run",
                "--token", TOKEN, "--api-url", api.url(), "--db", db, "--feeds", yaml.toString(), "--templates", "templates",
                "--allow-private-feeds");
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(dir.toFile(), name + ".log"));
        return pb.start();
    }
}
