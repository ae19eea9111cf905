package org.treatywatch.service;

import org.treatywatch.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.bot.FakeBotApi;
import org.treatywatch.store.Db;
import org.treatywatch.store.OutboxRow;
import org.treatywatch.store.OutboxStore;

/**
 * The real service in its own JVM, killed with SIGKILL while it fans an alert out, then restarted:
 * every chat gets the alert, and at most the one message in flight at the kill is sent twice.
 */
class KillNineTest {
    static final String TOKEN = "123456789:AAkill-nine-test-token_abcdefghijk";
    static final int CHATS = 120;

    @TempDir
    Path dir;

    @Test
    void killDashNineDuringFanOutLosesNothingAndDuplicatesAtMostOne() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("db");
        Path yaml = TestFiles.feedsYaml(dir, "quiet", "file://" + dir.resolve("none.xml"), "ar", "24h");
        SigtermTest.queueAlertForEveryChat(db, "https://e.org/rss", CHATS);
        try (FakeBotApi api = new FakeBotApi(TOKEN)) {
            Process first = start(api, db, yaml, "first");
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> api.sent().size() >= 30);
            } finally {
                first.destroyForcibly(); // SIGKILL
                first.waitFor();
            }
            int atKill = api.sent().size();
            assertThat(atKill).isLessThan(CHATS);
            Process second = start(api, db, yaml, "second");
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> api.sent().stream().map(FakeBotApi.Sent::chatId).distinct().count() == CHATS);
            } finally {
                second.destroy();
                second.waitFor();
            }
            assertThat(api.sent().size() - CHATS).as("duplicates").isBetween(0, 1);
        }
        try (Db d = Db.open(db)) {
            assertThat(new OutboxStore(d).count(OutboxRow.SENT)).isEqualTo(CHATS);
        }
    }

    private Process start(FakeBotApi api, String db, Path yaml, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.treatywatch.App", "run",
                "--token", TOKEN, "--api-url", api.url(), "--db", db, "--feeds", yaml.toString(), "--templates", "templates");
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(dir.toFile(), name + ".log"));
        return pb.start();
    }
}
