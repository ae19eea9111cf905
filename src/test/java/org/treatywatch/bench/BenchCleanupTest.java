package org.treatywatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.cli.Cli;
import picocli.CommandLine;

/**
 * A benchmark leaves nothing in the temp folder: `bench delivery` used to leave a database of
 * hundreds of MB there on every run. The temp folder is pointed at a folder of the test's own, and
 * the JVM's usual one is checked too, in case a benchmark creates its folder there regardless.
 */
class BenchCleanupTest {
    @TempDir
    Path tmp;
    String originalTmp;
    java.util.List<Path> benchFoldersBefore;

    @BeforeEach
    void pointTheTempFolderHere() throws Exception {
        originalTmp = System.getProperty("java.io.tmpdir");
        benchFoldersBefore = benchFoldersIn(Path.of(originalTmp));
        System.setProperty("java.io.tmpdir", tmp.toString());
    }

    @AfterEach
    void restoreTheTempFolder() throws Exception {
        System.setProperty("java.io.tmpdir", originalTmp);
        assertThat(benchFoldersIn(Path.of(originalTmp))).as("left in " + originalTmp).isSubsetOf(benchFoldersBefore);
    }

    private static java.util.List<Path> benchFoldersIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("treatywatch-bench")).toList();
        }
    }

    @Test
    void benchDeliveryDeletesItsDatabase() throws Exception {
        Run run = run("bench", "delivery", "--chats", "30");
        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("delivery: 30 chats in");
        assertThat(leftIn(tmp)).isEmpty();
    }

    @Test
    void benchSoakReportsTheDatabaseSizeAndDeletesIt() throws Exception {
        Run run = run("bench", "soak", "--feeds", "3", "--items", "2", "--minutes", "0");
        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("3 feeds x 2 items").containsPattern("minute  0: database [\\d.]+ MB after the first poll of every feed")
                .containsPattern("soak: 0 minutes of 304s \\(\\d+ polls\\): database [\\d.]+ MB -> [\\d.]+ MB");
        assertThat(leftIn(tmp)).isEmpty();
    }

    @Test
    void aBenchmarkThatFailsDeletesWhatItCreatedToo() throws Exception {
        // the service starts on its database, then the soak stops: the interval is too short for feeds.yaml
        Run run = run("bench", "soak", "--feeds", "3", "--minutes", "0", "--interval", "1s");
        assertThat(run.exitCode).isNotZero();
        assertThat(run.out).contains("the service scheduled 0 of the farm's 3 feeds");
        assertThat(leftIn(tmp)).isEmpty();
    }

    private static java.util.List<Path> leftIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private record Run(int exitCode, String out) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int code = cl.execute(args);
        return new Run(code, out.toString());
    }
}
