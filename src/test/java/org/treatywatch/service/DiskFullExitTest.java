package org.treatywatch.service;

import org.treatywatch.App;
import org.treatywatch.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.bot.FakeBotApi;
import org.treatywatch.fetch.TestHttpServer;
import org.treatywatch.store.FullDisk;

/**
 * The disk fills up under a running {@code treatywatch run} (a child JVM, its database on a disk
 * that fails every write once told to): H2 closes the database for good, and instead of staying up
 * with nothing working, the process says why and exits non-zero, so systemd's Restart=always brings
 * it back.
 */
class DiskFullExitTest {
    static final String TOKEN = "123456789:AAdisk-full-test-token_abcdefghijk";

    @TempDir
    Path dir;

    /** {@code treatywatch run} with its database on a {@link FullDisk}, filled when the file {@code fill} appears. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path dbDir = Path.of(args[0]);
            String url = FullDisk.url(dbDir, "tw");
            Thread filler = new Thread(() -> {
                try {
                    while (!Files.exists(dbDir.resolve("fill"))) Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                FullDisk.fill(dbDir);
            }, "filler");
            filler.setDaemon(true);
            filler.start();
            String[] run = new String[args.length];
            System.arraycopy(args, 1, run, 1, args.length - 1);
            run[0] = "run";
            App.main(append(run, "--db", url));
        }

        private static String[] append(String[] a, String... more) {
            String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
            System.arraycopy(more, 0, out, a.length, more.length);
            return out;
        }
    }

    @Test
    void aFullDiskEndsTheProcessWithANonZeroStatusAndAClearLine() throws Exception {
        try (TestHttpServer web = new TestHttpServer(); FakeBotApi api = new FakeBotApi(TOKEN)) {
            web.serve("/feed.xml", "application/rss+xml", TestFiles.rss(List.of()));
            Path yaml = TestFiles.feedsYaml(dir, "f", web.url("/feed.xml"), "ar", "5s");
            Path dbDir = Files.createDirectories(dir.resolve("db"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                    dbDir.toString(), "--token", TOKEN, "--api-url", api.url(), "--feeds", yaml.toString(),
                    "--templates", Path.of("templates").toAbsolutePath().toString(), "--allow-private-feeds");
            pb.directory(dir.toFile());
            pb.redirectErrorStream(true);
            File log = dir.resolve("child.log").toFile();
            pb.redirectOutput(log);
            Process child = pb.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> read(log).contains("treatywatch is running"));
                Files.createFile(dbDir.resolve("fill"));
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the process ended; its log:%n%s", read(log)).isTrue();
                assertThat(child.exitValue()).isEqualTo(74);
                assertThat(read(log)).contains("can no longer be used (H2 error 90098: The database has been closed)")
                        .contains("exits with status 74 so that its supervisor restarts it")
                        .doesNotContain(TOKEN);
            } finally {
                child.destroyForcibly();
                child.waitFor();
            }
        }
    }

    private static String read(File f) throws java.io.IOException {
        return f.exists() ? Files.readString(f.toPath(), StandardCharsets.UTF_8) : "";
    }
}
