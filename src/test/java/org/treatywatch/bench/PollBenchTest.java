package org.treatywatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.treatywatch.cli.Cli;
import picocli.CommandLine;

/**
 * bench poll runs its three rounds through the real pipeline: what it reports is what happened
 * (items stored, 304s, relevant items and queued alerts), not a timing, which is never asserted.
 */
class PollBenchTest {
    @Test
    void theBenchmarkPollsItsFarmThreeTimesAndReportsEachRound() {
        String out = run("bench", "poll", "--feeds", "4", "--items", "14",
                "--chats", "2", "--templates", "templates");
        assertThat(out).contains("4 feeds x 14 items");
        assertThat(out).containsPattern("first poll \\(all new\\)\\s+wall [\\d.]+ s, CPU [\\d.]+ s, \\d+ items/s, peak heap \\d+ MiB.*"
                + "56 new items, 0 relevant, 0 alerts queued, 0 not modified, 0 failed");
        assertThat(out).contains("0 new items, 0 relevant, 0 alerts queued, 4 not modified, 0 failed");
        // every 7th item is about the treaty: items 0 and 7 of each feed, in Hebrew and Arabic feeds alike
        assertThat(out).containsPattern("burst \\(all new, analysed\\).*56 new items, 8 relevant, \\d+ alerts queued, 0 not modified, 0 failed");
        assertThat(out).doesNotContain("first failure");
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        cl.execute(args);
        return out.toString();
    }
}
