package org.treatywatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark leaves nothing in the temp folder: `bench delivery` used to leave a database of
 * hundreds of MB there on every run. Each command runs in its own JVM (the CLI as a user starts it)
 * whose temp folder is one of the test's own, so what it leaves there is seen, and only that.
 */
class BenchCleanupTest {
    @TempDir
    Path dir;

    @Test
    void benchDeliveryDeletesItsDatabase() throws Exception {
        Run run = cli("bench", "delivery", "--chats", "30");
        assertThat(run.exitCode).as(run.out).isZero();
        assertThat(run.out).contains("delivery: 30 chats in");
        assertThat(run.left).isEmpty();
    }

    @Test
    void benchSoakReportsTheDatabaseSizeAndDeletesIt() throws Exception {
        Run run = cli("bench", "soak", "--feeds", "3", "--items", "2", "--minutes", "0");
        assertThat(run.exitCode).as(run.out).isZero();
        assertThat(run.out).contains("3 feeds x 2 items").containsPattern("minute  0: database [\\d.]+ MB after the first poll of every feed")
                .containsPattern("soak: 0 minutes of 304s \\(\\d+ polls\\): database [\\d.]+ MB -> [\\d.]+ MB");
        assertThat(run.left).isEmpty();
    }

    @Test
    void aBenchmarkThatFailsDeletesWhatItCreatedToo() throws Exception {
        // the service starts on its database, then the soak stops: the interval is too short for feeds.yaml
        Run run = cli("bench", "soak", "--feeds", "3", "--minutes", "0", "--interval", "1s");
        assertThat(run.exitCode).isNotZero();
        assertThat(run.out).contains("the service scheduled 0 of the farm's 3 feeds");
        assertThat(run.left).isEmpty();
    }

    private record Run(int exitCode, String out, List<Path> left) {}

    private Run cli(String... args) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path log = dir.resolve("out.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), "org.treatywatch.App"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        try (Stream<Path> files = Files.list(tmp)) {
            return new Run(code, Files.readString(log, StandardCharsets.UTF_8), files.toList());
        }
    }
}
